/**
 * "Mark done": the edit that records an open action item as done in the way its document records
 * status, so that reading the document again gives the item state `done`:
 *
 * - a table row: its Status cell becomes `Done`; a table without a Status column gets one (header,
 *   delimiter row and every row), with `Done` in this item's row only;
 * - a task-list item: `[ ]` becomes `[x]`;
 * - any other list item or paragraph item: ` (done)` after its text.
 *
 * A status written in the item's text that keeps it open (`status: open`, `(in progress)`, `TODO:`)
 * is rewritten to `done` instead, because the parser reads that word before the box or the note.
 * Pure: the result is a {@link Fix}, applied by the caller as one edit (one undo).
 */
import type { ActionItem, ActionTable, Postmortem, Range } from './model';
import { columnEdits } from './tableColumn';
import { LineIndex } from './text';
import type { Fix, TextEdit } from './rules/types';

/** The open action item whose own text covers a 1-based line, if any. */
export function openItemAt(pm: Postmortem, line: number): ActionItem | undefined {
  return pm.actionItems.find((i) => !i.done && line >= i.range.start.line && line <= i.range.end.line);
}

/** The "Mark done" fix of an open item; undefined when the item is already done or dropped. */
export function markDoneFix(pm: Postmortem, source: string, item: ActionItem): Fix | undefined {
  if (item.done) return undefined;
  const lines = new LineIndex(source);
  const edits = item.source === 'table' ? tableEdits(pm, lines, item) : textEdits(lines, item);
  if (!edits || edits.length === 0) return undefined;
  const what = item.action.text === '' ? 'action item' : `"${short(item.action.text)}"`;
  return { title: `Mark ${what} done`, edits };
}

/** The "Mark done" fix of the open item on a 1-based line. */
export function markDoneAt(pm: Postmortem, source: string, line: number): Fix | undefined {
  const item = openItemAt(pm, line);
  return item ? markDoneFix(pm, source, item) : undefined;
}

function short(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 39).trimEnd()}…`;
}

const emptyAt = (line: number, column: number): Range => ({ start: { line, column }, end: { line, column } });

/** A list item or a paragraph: rewrite an open status word, tick the box, or note `(done)` at the end. */
function textEdits(lines: LineIndex, item: ActionItem): TextEdit[] {
  const edits: TextEdit[] = [];
  // A status written inline is read before anything else: `status: open` stays open under a ticked box.
  if (item.status.origin === 'inline' && item.status.range.start.line >= item.range.start.line) {
    edits.push({ range: item.status.range, newText: 'done' });
  }
  const box = taskBox(lines, item);
  if (box) edits.push({ range: box, newText: 'x' });
  if (edits.length === 0) edits.push({ range: emptyAt(item.range.end.line, item.range.end.column), newText: ' (done)' });
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}

/**
 * The blank inside an unticked task box (`- [ ] …`, `1. [ ] …`) on the item's first line, before
 * its text. Undefined when the item has no box.
 */
function taskBox(lines: LineIndex, item: ActionItem): Range | undefined {
  if (item.source !== 'list') return undefined;
  const line = item.range.start.line;
  const before = lines.lineText(line).slice(0, item.range.start.column - 1);
  // The item's text starts after the box: the prefix ends with `[ ] ` after a list marker.
  const m = /(?:^|\s)(?:[-*+]|\d{1,9}[.)])[ \t]{1,4}\[ \][ \t]*$/.exec(before);
  if (!m) return undefined;
  const column = before.lastIndexOf('[ ]') + 2;
  return { start: { line, column }, end: { line, column: column + 1 } };
}

/** The table that holds a row. */
export function tableOf(pm: Postmortem, item: ActionItem): ActionTable | undefined {
  return pm.actionTables.find((t) => item.line >= t.range.start.line && item.line <= t.range.end.line);
}

/** A table row: the Status cell says `Done`, or a Status column is added. */
function tableEdits(pm: Postmortem, lines: LineIndex, item: ActionItem): TextEdit[] | undefined {
  const table = tableOf(pm, item);
  if (!table) return undefined;
  return columnEdits(lines, table, 'status', 'Status', [{ item, field: item.status, value: 'Done' }]);
}
