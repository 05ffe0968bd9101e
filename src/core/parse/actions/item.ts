/**
 * One action item written as text (a list item or a paragraph): its inline fields, its state, and
 * what the headings, lead-ins and labels around it say about it.
 */
import type { ActionItem, ActionSource, ActionState, Field, Range } from '../../model';
import type { LineIndex, Span } from '../../text';
import { blankHtmlComments, plainInline } from '../../text';
import { priorityLevel } from '../../vocabulary/priorities';
import { completedStatement } from '../../vocabulary/status';
import type { Definitions, InlineMatch } from './fields';
import { deadlineDate, ownerName, readInlineFields } from './fields';

/** What the headings, lead-ins and labels around an item say about it. */
export interface ActionScope {
  definitions: Definitions;
  /** The state a heading (`### Completed`), lead-in (`Completed:`) or label (`**Actions taken:**`) gives. */
  state: ActionState | undefined;
  /** A ticket linked from the heading the item is under (`### Short-term ([#40885](…))`). */
  ticket: Field | undefined;
}

/**
 * An item being read, with what its state rests on: `explicit` when its own text, box or cell says
 * it; otherwise how its wording reads, for {@link settleStates}.
 */
export interface ItemDraft {
  item: ActionItem;
  explicit: boolean;
  statement: 'strong' | 'weak' | undefined;
}

/** A whole item struck through (`~~Add retry~~`, with an optional note after it): dropped. */
const STRUCK = /^\s*~~[^~\n]{1,2000}~~\s*(?:\([^()\n]{0,200}\)\s*)?(?:\.\s*)?$/;

/**
 * Reads an item written as text: `[ ] P1: Add alerting on X — owner: @jun, due: 2025-10-01`.
 * `span` is its text (after any label); `checked` comes from a GFM task list item.
 */
export function readInlineItem(span: Span, index: LineIndex, scope: ActionScope, source: ActionSource, checked?: boolean | null): ItemDraft {
  const firstLine = span.text.split(/\r\n|\r|\n/, 1)[0]!;
  const lineEnd = span.offset + firstLine.trimEnd().length;
  // HTML comments (suppressions) are not part of any field; blank them out, keeping offsets.
  const text = blankHtmlComments(span.text);
  const read = readInlineFields(text, scope.definitions);
  const makeField = <T>(m: InlineMatch | undefined, value: (t: string) => T | undefined, fallback: number): Field<T> => {
    if (!m) return { text: '', value: undefined, range: index.range(fallback, fallback), origin: 'missing' };
    const raw = text.slice(m.valueStart, m.valueEnd).trim();
    const lead = text.slice(m.valueStart, m.valueEnd).length - text.slice(m.valueStart, m.valueEnd).trimStart().length;
    const start = span.offset + m.valueStart + lead;
    return { text: raw, value: m.value !== undefined ? (m.value as unknown as T) : value(raw), range: index.range(start, start + raw.length), origin: 'inline' };
  };
  const priority = makeField(read.fields.priority, priorityLevel, span.offset);
  const owner = makeField(read.fields.owner, ownerName, lineEnd);
  const deadline = makeField(read.fields.deadline, deadlineDate, lineEnd);
  let ticket = makeField(read.fields.ticket, (t) => plainInline(t), lineEnd);
  if (ticket.origin === 'missing' && scope.ticket) ticket = scope.ticket;
  const status = makeField(read.fields.status, (t) => plainInline(t), lineEnd);
  const actionRange: Range = read.actionStart === undefined
    ? index.range(span.offset, span.offset)
    : index.range(span.offset + read.actionStart, span.offset + trimEndOffset(text, read.actionStart, read.actionEnd));
  const action: Field = { text: read.action, value: read.action === '' ? undefined : read.action, range: actionRange, origin: read.action === '' ? 'missing' : 'inline' };

  let state: ActionState = 'open';
  let explicit = true;
  if (STRUCK.test(text)) state = 'dropped';
  else if (read.state) state = read.state;
  else if (checked === true) state = 'done';
  else if (scope.state) state = scope.state;
  else if (checked !== false) explicit = false;
  const missing = (): Field => ({ text: '', value: undefined, range: index.range(lineEnd, lineEnd), origin: 'missing' });
  const range: Range = index.range(span.offset, span.offset + span.text.trimEnd().length);
  const item: ActionItem = {
    range, line: range.start.line, source, action, priority, owner, deadline, status, ticket, type: missing(),
    state, done: state !== 'open', details: [], extent: range,
  };
  return { item, explicit, statement: explicit ? undefined : completedStatement(read.action) };
}

/** Where the action text ends: before trailing separators and spaces. */
function trimEndOffset(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && ' \t\r\n,;:\u2014\u2013(-'.includes(text[e - 1]!)) e--;
  return e;
}

/** Sets an item's state, keeping `done` in step. */
export function setState(item: ActionItem, state: ActionState): void {
  item.state = state;
  item.done = state !== 'open';
}

/**
 * Settles the state of items whose own text, box or cell says none, from how they read together:
 * a list or table whose every item reports finished work (`Removed legacy access`, `Updated the
 * KYC policy`, `Stuck transactions were accelerated`) is a list of done items; elsewhere an item
 * that starts with an unambiguous past tense (`Added`, `Removed`, `Fixed`) is done, while one that
 * could be a planned noun phrase (`Improved monitoring`) stays open.
 */
export function settleStates(drafts: readonly ItemDraft[]): void {
  const open = drafts.filter((d) => !d.explicit);
  if (open.length === 0) return;
  const allReports = drafts.every((d) => d.explicit ? d.item.state === 'done' : d.statement !== undefined);
  for (const d of open) {
    if (d.statement === 'strong' || (allReports && d.statement === 'weak')) setState(d.item, 'done');
  }
}
