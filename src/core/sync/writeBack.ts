/**
 * Write-back: the links of tickets just created go into the document, found again by each item's
 * stable id (not by line: the document may have changed since the plan). A table row gets the link
 * in its Ticket cell (the table gains a Ticket column if it has none); a list item or a paragraph
 * gets it after its text. Every placement is checked by reading the document again: the item must
 * keep its id, its fields and its state, and now carry the link; a placement that would change how
 * the item reads is not made, and the item is reported instead. The result is one edit, so the
 * editor undoes it in one step.
 */
import { applyEdits } from '../fix';
import type { ActionItem, Postmortem } from '../model';
import { parsePostmortem } from '../parse';
import type { TextEdit } from '../rules/types';
import { markDoneFix, tableOf } from '../markDone';
import { columnEdits } from '../tableColumn';
import { LineIndex } from '../text';
import { incidentOf, stableId } from '../export/items';
import type { TicketRef } from './types';

/** A ticket to link from the item with this stable id. */
export interface TicketLink {
  id: string;
  ref: TicketRef;
}

export interface WriteBackResult {
  /** The document with the links written; equal to the input when nothing was written. */
  text: string;
  /** One edit turning the input into `text` (the lines between the first and last change), or none. */
  edit: TextEdit | undefined;
  written: TicketLink[];
  /** Links not written, with why: the item is gone (its text changed), or already links another ticket. */
  notWritten: Array<TicketLink & { reason: string }>;
}

/** The items of a parsed document by stable id (the first open one wins when two share an id). */
export function itemsById(pm: Postmortem, file: string): Map<string, ActionItem> {
  const incident = incidentOf(pm, file);
  const byId = new Map<string, ActionItem>();
  for (const item of pm.actionItems) {
    if (item.action.text === '') continue;
    const id = stableId(incident, item.action.text);
    const known = byId.get(id);
    if (!known || (known.done && !item.done)) byId.set(id, item);
  }
  return byId;
}

/** Writes each link into the document `source` (named `file`, which decides ids when it has no title). */
export function writeBack(source: string, file: string, links: readonly TicketLink[]): WriteBackResult {
  let text = source;
  const written: TicketLink[] = [];
  const notWritten: WriteBackResult['notWritten'] = [];
  // The model of `text`: the reading that accepted the last link is the model of the next step.
  let pm = parsePostmortem(text);
  for (const link of links) {
    const item = itemsById(pm, file).get(link.id);
    if (!item) {
      notWritten.push({ ...link, reason: 'the item is no longer in the document (its text changed or it was removed)' });
      continue;
    }
    const current = item.ticket.value;
    if (current !== undefined) {
      if (current === link.ref.url || current === link.ref.key) written.push(link);
      else notWritten.push({ ...link, reason: `the item already links ${current}` });
      continue;
    }
    let next: { text: string; pm: Postmortem } | undefined;
    for (const edits of placements(pm, text, item, link.ref)) {
      const candidate = applyEdits(text, edits);
      const read = parsePostmortem(candidate);
      if (readsBack(read, file, link, item)) {
        next = { text: candidate, pm: read };
        break;
      }
    }
    if (next === undefined) {
      notWritten.push({ ...link, reason: 'no place after the item\'s text keeps it reading the same with the link' });
      continue;
    }
    ({ text, pm } = next);
    written.push(link);
  }
  return { text, edit: wholeLinesEdit(source, text), written, notWritten };
}

/** Ways to write the link, most natural first. */
function placements(pm: Postmortem, text: string, item: ActionItem, ref: TicketRef): TextEdit[][] {
  const lines = new LineIndex(text);
  const link = `[${ref.key}](${ref.url})`;
  if (item.source === 'table') {
    const table = tableOf(pm, item);
    return table ? [columnEdits(lines, table, 'ticket', 'Ticket', [{ item, field: item.ticket, value: link }])] : [];
  }
  const end = item.range.end;
  const at = { start: end, end };
  const own = lines.lineText(end.line).slice(0, end.column - 1);
  const out: TextEdit[][] = [[{ range: at, newText: ` (${link})` }]];
  // Fields written after the action (`Add a linter, due: ASAP, status: open`): the link goes right after the action.
  const action = item.action.range.end;
  if (item.action.origin !== 'missing' && action.line === end.line && action.column < end.column) {
    out.push([{ range: { start: action, end: action }, newText: ` (${link})` }]);
  }
  // Fields written in a closing parenthesis (`(P1, @li, due 2026-12-01)`) are read only at the very end.
  const paren = /\([^()]*\)\s*$/.exec(own);
  if (paren) {
    const column = paren.index + 1;
    out.push([{ range: { start: { line: end.line, column }, end: { line: end.line, column } }, newText: `(${link}) ` }]);
  }
  // An item that introduces a list (`Ensure that paging is in place for:`) keeps its colon last.
  const colon = /:\s*$/.exec(own);
  if (colon) {
    const column = colon.index + 1;
    out.push([{ range: { start: { line: end.line, column }, end: { line: end.line, column } }, newText: ` (${link})` }]);
  }
  out.push([{ range: at, newText: ` — ticket: ${ref.url}` }], [{ range: at, newText: ` ${ref.url}` }]);
  return out;
}

/** Whether the item reads as before, now with the ticket: same id, fields and state. */
function readsBack(candidate: Postmortem, file: string, link: TicketLink, before: ActionItem): boolean {
  const after = itemsById(candidate, file).get(link.id);
  if (!after) return false;
  const same = (a: { value: unknown }, b: { value: unknown }) => a.value === b.value;
  return (after.ticket.value === link.ref.url || after.ticket.value === link.ref.key) && after.state === before.state
    && same(after.priority, before.priority) && same(after.owner, before.owner) && same(after.deadline, before.deadline)
    && same(after.status, before.status);
}

/** The one edit that turns `before` into `after`: from the start of the first changed line to the last change. */
export function wholeLinesEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  p = before.lastIndexOf('\n', p - 1) + 1;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  const index = new LineIndex(before);
  return { range: { start: index.position(p), end: index.position(before.length - s) }, newText: after.slice(p, after.length - s) };
}

/**
 * "Mark done in document" for items whose tickets the tracker has closed: each item found again by
 * its id and marked done as "Mark done" marks it; one edit for all of them.
 */
export function markDoneByIds(source: string, file: string, ids: readonly string[]): { text: string; edit: TextEdit | undefined; marked: string[]; notFound: string[] } {
  let text = source;
  const marked: string[] = [];
  const notFound: string[] = [];
  for (const id of ids) {
    const pm = parsePostmortem(text);
    const item = itemsById(pm, file).get(id);
    const fix = item && !item.done ? markDoneFix(pm, text, item) : undefined;
    if (!fix) {
      if (item?.done) marked.push(id);
      else notFound.push(id);
      continue;
    }
    text = applyEdits(text, fix.edits);
    marked.push(id);
  }
  return { text, edit: wholeLinesEdit(source, text), marked, notFound };
}
