/**
 * The sync plan: what a run would do, decided before anything is sent, so a person sees it first.
 * Each open action item with text and no ticket gets a ticket; every other item is skipped with a
 * reason; items that link one of the tracker's tickets are the ones whose status can be read.
 */
import type { Postmortem } from '../model';
import type { ExportItem } from '../export/items';
import { exportItems } from '../export/items';
import type { NewTicket, Tracker } from './types';

/** One postmortem to sync: its path (as shown and as ids see it), text and model. */
export interface SyncDocument {
  file: string;
  source: string;
  pm: Postmortem;
}

export interface PlanOptions {
  /** Labels every ticket gets. */
  labels?: readonly string[];
  /** Names as documents write them → tracker accounts (`{ Alice: alice-gh }`); matched without case or `@`. */
  people?: Readonly<Record<string, string>>;
  /** A link to the postmortem for the ticket body (a URL, or a path when no base is known). */
  linkTo?: (file: string) => string;
  /** Only these item ids (a selection of rows); every open item when absent. */
  only?: ReadonlySet<string>;
}

export interface PlannedTicket {
  doc: SyncDocument;
  item: ExportItem;
  ticket: NewTicket;
}

export interface SkippedItem {
  file: string;
  item: ExportItem;
  reason: string;
}

export interface SyncPlan {
  create: PlannedTicket[];
  skip: SkippedItem[];
  /** Open items that link one of this tracker's tickets: their status can be read. */
  linked: Array<{ doc: SyncDocument; item: ExportItem }>;
}

export function planSync(docs: readonly SyncDocument[], tracker: Pick<Tracker, 'owns'>, options: PlanOptions = {}): SyncPlan {
  const plan: SyncPlan = { create: [], skip: [], linked: [] };
  for (const doc of docs) {
    const seen = new Set<string>();
    // exportItems keeps the items with text, in order: the model's item gives the owner as written.
    const written = doc.pm.actionItems.filter((i) => i.action.text !== '');
    exportItems(doc.pm, doc.file).forEach((item, n) => {
      const handle = written[n]?.owner.text.trim().startsWith('@') ?? false;
      if (options.only && !options.only.has(item.id)) return;
      if (item.ticket) {
        if (item.status === 'open' && tracker.owns(item.ticket)) plan.linked.push({ doc, item });
        plan.skip.push({ file: doc.file, item, reason: `has a ticket: ${item.ticket}` });
      } else if (item.status !== 'open') {
        plan.skip.push({ file: doc.file, item, reason: item.status });
      } else if (seen.has(item.id)) {
        // The same action twice in one document has one id: one ticket, linked from the first.
        plan.skip.push({ file: doc.file, item, reason: 'the same action is listed above' });
      } else {
        seen.add(item.id);
        plan.create.push({ doc, item, ticket: newTicket(doc, item, options, handle) });
      }
    });
  }
  return plan;
}

/** The ticket for one item: the action as title; where it comes from, owner and id in the body. */
export function newTicket(doc: SyncDocument, item: ExportItem, options: PlanOptions, handle = false): NewTicket {
  const link = options.linkTo?.(doc.file) ?? doc.file;
  const source = /^https?:\/\//.test(link) ? `[${item.incident}](${link}#L${item.line})` : `"${item.incident}" (${link}, line ${item.line})`;
  const body = [
    item.action,
    '',
    `From the postmortem ${source}${item.incidentDate ? `, ${item.incidentDate}` : ''}.`,
    item.owner ? `Owner in the postmortem: ${item.owner}.` : '',
  ].filter((l, i) => l !== '' || i === 1).join('\n');
  return {
    id: item.id,
    title: item.action.length <= 250 ? item.action : `${item.action.slice(0, 249).trimEnd()}…`,
    body,
    labels: [...(options.labels ?? [])],
    assignee: assignee(item.owner, options.people, handle),
    priority: /^P\d$/.test(item.priority) ? item.priority : undefined,
    deadline: item.deadline,
  };
}

/**
 * The tracker account of an owner: the `people` mapping (without case or `@`), else a handle the
 * document wrote as `@handle`; a plain name nobody mapped is not guessed (the tracker would refuse it).
 */
export function assignee(owner: string, people: Readonly<Record<string, string>> = {}, handle = false): string | undefined {
  if (!owner) return undefined;
  const norm = (s: string) => s.replace(/^@/, '').trim().toLowerCase();
  for (const [name, account] of Object.entries(people)) if (norm(name) === norm(owner)) return account.replace(/^@/, '');
  const name = owner.replace(/^@/, '');
  return handle && /^[A-Za-z0-9][A-Za-z0-9._-]{0,38}$/.test(name) ? name : undefined;
}
