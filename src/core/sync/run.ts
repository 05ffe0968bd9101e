/**
 * Running a plan against a tracker, safe under failure:
 *
 * - before each create the tracker is searched for the item's id marker, so a run that was cut off
 *   after a create and before its write-back finds that ticket instead of creating a second one;
 * - a connection lost during a create is followed by the same search: the ticket may exist;
 * - a rate limit is waited out when the tracker says when (up to `maxWaitSeconds`), else the run
 *   stops; 401, 403 and 404 stop the run (every later request would fail the same way);
 * - a ticket the tracker refuses (400/422) fails that item only.
 *
 * The report says what was created (or found), skipped and failed; the caller writes back every
 * created ticket, whatever happened after it.
 */
import type { ExportItem } from '../export/items';
import type { TicketFields } from '../tickets';
import type { PlannedTicket, SyncDocument, SyncPlan } from './plan';
import type { TicketRef, TicketStatus, Tracker } from './types';
import { TrackerError } from './types';

export interface CreatedTicket {
  doc: SyncDocument;
  item: ExportItem;
  ref: TicketRef;
  /** Found by its marker: created by an earlier run that did not write it back. */
  found: boolean;
}

export interface FailedItem {
  doc: SyncDocument;
  item: ExportItem;
  error: string;
}

export interface CreateReport {
  created: CreatedTicket[];
  failed: FailedItem[];
  /** Why the run stopped before the end (401, 403, 404, a long rate limit, cancelled); undefined when it ran through. */
  stopped: string | undefined;
}

export interface RunOptions {
  /** Longest wait for a rate limit before the run stops (default 60 s). */
  maxWaitSeconds?: number;
  /** Tries per item after a rate limit or a lost connection (default 3). */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Told before each item, for progress. */
  onItem?: (planned: PlannedTicket, index: number) => void;
  cancelled?: () => boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Errors that end the run: every later request would meet them too. */
function stopsRun(e: TrackerError): boolean {
  return e.kind === 'auth' || e.kind === 'forbidden' || e.kind === 'not-found';
}

export async function createTickets(plan: Pick<SyncPlan, 'create'>, tracker: Tracker, options: RunOptions = {}): Promise<CreateReport> {
  const report: CreateReport = { created: [], failed: [], stopped: undefined };
  const sleep = options.sleep ?? defaultSleep;
  const maxWait = options.maxWaitSeconds ?? 60;
  const attempts = options.attempts ?? 3;
  for (let n = 0; n < plan.create.length; n++) {
    const planned = plan.create[n]!;
    if (options.cancelled?.()) {
      report.stopped = 'cancelled';
      notAttempted(plan.create.slice(n), report, 'not attempted: the run was cancelled');
      break;
    }
    options.onItem?.(planned, n);
    let lastError: TrackerError | undefined;
    let done = false;
    for (let attempt = 0; attempt < attempts && !done; attempt++) {
      try {
        const existing = await tracker.findByMarker(planned.item.id);
        const ref = existing ?? (await tracker.create(planned.ticket));
        report.created.push({ doc: planned.doc, item: planned.item, ref, found: existing !== undefined });
        done = true;
      } catch (e) {
        const error = asTrackerError(e);
        lastError = error;
        if (error.kind === 'rate-limit') {
          const wait = error.retryAfterSeconds ?? maxWait + 1;
          if (wait > maxWait) break;
          await sleep(wait * 1000);
        } else if (error.kind === 'network') {
          // The create may have gone through: the next attempt searches for the marker first.
          await sleep(1000 * (attempt + 1));
        } else {
          break;
        }
      }
    }
    if (done) continue;
    const error = lastError ?? new TrackerError('http', 'unknown failure');
    report.failed.push({ doc: planned.doc, item: planned.item, error: error.message });
    if (stopsRun(error) || error.kind === 'rate-limit') {
      report.stopped = error.kind === 'rate-limit'
        ? `${error.message}${error.retryAfterSeconds !== undefined ? ` (the tracker asks to wait ${error.retryAfterSeconds} s)` : ''}`
        : error.message;
      notAttempted(plan.create.slice(n + 1), report, 'not attempted: the run stopped');
      break;
    }
  }
  return report;
}

function notAttempted(rest: readonly PlannedTicket[], report: CreateReport, error: string): void {
  for (const p of rest) report.failed.push({ doc: p.doc, item: p.item, error });
}

/** Any thrown value as a TrackerError (a client bug surfaces as `http`, its message kept). */
export function asTrackerError(e: unknown): TrackerError {
  if (e instanceof TrackerError) return e;
  return new TrackerError('http', e instanceof Error ? e.message : String(e));
}

/** What reading a linked ticket gave: its status, or why it could not be read. */
export type StatusResult = { ok: true; status: TicketStatus } | { ok: false; error: string };

/**
 * The status of each distinct ticket linked from open items (`#12` in two documents is read once).
 * A ticket that is not the tracker's is left out; errors are kept per ticket, and a 401/403 stops.
 */
export async function readStatuses(tickets: Iterable<string>, tracker: Tracker): Promise<Map<string, StatusResult>> {
  const out = new Map<string, StatusResult>();
  for (const ticket of tickets) {
    if (out.has(ticket) || !tracker.owns(ticket)) continue;
    try {
      const status = await tracker.status(ticket);
      if (status) out.set(ticket, { ok: true, status });
    } catch (e) {
      const error = asTrackerError(e);
      out.set(ticket, { ok: false, error: error.message });
      if (error.kind === 'auth' || error.kind === 'forbidden') break;
    }
  }
  return out;
}

/**
 * The fields the rules read from each ticket whose status was read (`ticketsCarry`, see
 * src/core/tickets.ts): owner = assignee, priority, deadline = due date, and its state. Tickets that
 * could not be read are left out (an item whose ticket is unknown is carried by it, not checked).
 */
export function ticketFields(statuses: ReadonlyMap<string, StatusResult>): Map<string, TicketFields> {
  const out = new Map<string, TicketFields>();
  for (const [ticket, result] of statuses) {
    if (!result.ok) continue;
    const { assignee, priority, due, state } = result.status;
    out.set(ticket, { assignee, priority, due, state });
  }
  return out;
}
