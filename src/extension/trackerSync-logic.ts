/**
 * Tracker sync decisions that need no editor (unit-tested in test/unit/extension-sync.test.ts):
 * the tracker settings a folder gets, the names secrets are kept under, the preview's lines, the
 * report's wording, and how a ticket's status shows in the Action Items view.
 */
import type { CreateReport, StatusResult, SyncPlan, TrackerConfig, TrackerKind } from '../core/sync';
// Not from '../core/sync' (its index loads the HTTP clients, which the web bundle leaves out).
import { hostOf } from '../core/sync/url';

/**
 * The tracker of a folder: `.postmortem.yaml`'s `tracker:`, with the keys the `postmortem.tracker`
 * setting sets explicitly (user, workspace or folder) put over it.
 */
export function mergedTracker(fromFile: TrackerConfig | undefined, explicitSetting: TrackerConfig | undefined): TrackerConfig | undefined {
  if (!fromFile && !explicitSetting) return undefined;
  return { ...(fromFile ?? {}), ...(explicitSetting ?? {}) };
}

/** Where a tracker's token lives in secret storage: one per kind and host, so two GitHub hosts keep two tokens. */
export function secretKey(kind: TrackerKind, config: TrackerConfig): string {
  return `postmortem.tracker.${kind}.${hostOf(kind === 'github' ? config.baseUrl ?? 'https://api.github.com' : config.site ?? '')}`;
}

/** The built-in authentication provider for a GitHub API base URL: `github` for github.com, else `github-enterprise`. */
export function githubProvider(config: TrackerConfig): 'github' | 'github-enterprise' {
  const base = config.baseUrl ?? 'https://api.github.com';
  return /^https:\/\/api\.github\.com\/?$/i.test(base) ? 'github' : 'github-enterprise';
}

/** One line of the preview per ticket to create: the action, then where it is and its fields. */
export function previewLines(plan: SyncPlan): Array<{ id: string; label: string; detail: string }> {
  return plan.create.map(({ doc, item, ticket }) => ({
    id: item.id,
    label: item.action,
    detail: [`${doc.file}:${item.line}`, item.priority, ticket.deadline ? `due ${ticket.deadline}` : '', ticket.assignee ? `assignee ${ticket.assignee}` : item.owner ? `owner ${item.owner} (unassigned)` : ''].filter(Boolean).join(' · '),
  }));
}

/** What the run did, in one message; details go to the output channel. */
export function reportMessage(target: string, report: CreateReport, written: number, notWritten: number, skipped = 0): string {
  const created = report.created.filter((c) => !c.found).length;
  const found = report.created.length - created;
  const parts = [`Created ${created} ticket${created === 1 ? '' : 's'} in ${target}`];
  if (found) parts.push(`found ${found} from an earlier run`);
  parts.push(`linked ${written} in the postmortem${written === 1 ? '' : 's'}`);
  if (notWritten) parts.push(`${notWritten} not linked (see the Postmortem output)`);
  if (report.failed.length) parts.push(`${report.failed.length} failed`);
  if (skipped) parts.push(`skipped ${skipped} (done, dropped, already linked or left out of the preview)`);
  let text = `${parts.join(', ')}.`;
  if (report.stopped) text += ` Stopped: ${report.stopped}`;
  return text;
}

/** The tracker's word for an item's ticket in the view's description (`closed in tracker`), or empty. */
export function trackerDescription(status: StatusResult | undefined): string {
  if (!status) return '';
  if (!status.ok) return 'ticket unreadable';
  return status.status.state === 'closed' ? `closed in tracker (${status.status.detail})` : '';
}

/** The hover's line about the ticket (Markdown, untrusted). */
export function trackerTooltip(status: StatusResult | undefined): string {
  if (!status) return '';
  if (!status.ok) return `- In the tracker: could not be read (${status.error})`;
  const s = status.status;
  return `- In the tracker: ${s.state}${s.detail !== s.state ? ` (${s.detail})` : ''}${s.assignee ? `, assigned to ${s.assignee}` : ''}`;
}

/** The clock and timers the refresh schedule runs on (the real ones, or a test's). */
export interface ScheduleClock {
  now(): number;
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

const realClock: ScheduleClock = {
  now: () => Date.now(),
  setInterval: (run, ms) => setInterval(run, ms),
  clearInterval: (timer) => clearInterval(timer as ReturnType<typeof setInterval>),
};

/**
 * When ticket status is read without being asked: every `minutes` while the Action Items view is
 * visible, at once when it becomes visible and the last read is older than that, never while it is
 * hidden or when `minutes` is 0.
 */
export class RefreshSchedule {
  private timer: unknown;
  private last = 0;

  constructor(private readonly run: () => void, private readonly clock: ScheduleClock = realClock) {}

  /** A read happened (on demand or on schedule). */
  ran(): void {
    this.last = this.clock.now();
  }

  /** The view became visible with this period, or hidden (`visible` false). */
  update(visible: boolean, minutes: number | undefined): void {
    this.stop();
    const period = (minutes ?? 10) * 60_000;
    if (!visible || period <= 0) return;
    if (this.clock.now() - this.last > period) this.run();
    this.timer = this.clock.setInterval(this.run, period);
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearInterval(this.timer);
    this.timer = undefined;
  }
}
