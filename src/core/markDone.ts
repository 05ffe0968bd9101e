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
function tableOf(pm: Postmortem, item: ActionItem): ActionTable | undefined {
  return pm.actionTables.find((t) => item.line >= t.range.start.line && item.line <= t.range.end.line);
}

/** A table row: the Status cell says `Done`, or a Status column is added. */
function tableEdits(pm: Postmortem, lines: LineIndex, item: ActionItem): TextEdit[] | undefined {
  const table = tableOf(pm, item);
  if (!table) return undefined;
  if (table.columns.status !== undefined) {
    if (item.status.origin === 'cell') return [{ range: item.status.range, newText: cellValue(lines, item.status.range) }];
    // A short row without the Status cell: fill the cells up to it.
    const have = cellCount(lines.lineText(item.line));
    const missing = Math.max(1, table.columns.status - have + 1);
    return [appendCells(lines.lineText(item.line), item.line, [...Array<string>(missing - 1).fill(''), 'Done'])];
  }
  const rows: Array<{ line: number; text: string }> = [];
  for (let l = table.range.start.line; l <= table.range.end.line; l++) {
    const text = lines.lineText(l);
    if (text.trim() !== '') rows.push({ line: l, text });
  }
  // A table whose rows are padded to one width stays so: the new cells take the header's width.
  const aligned = rows.length > 2 && rows.every((r) => r.text.trimEnd().length === rows[0]!.text.trimEnd().length);
  const width = 'Status'.length;
  const edits: TextEdit[] = [];
  rows.forEach((r, i) => {
    let cell = i === 0 ? 'Status' : i === 1 ? delimiterLike(r.text, aligned ? width : 0) : r.line === item.line ? 'Done' : '';
    if (aligned && i !== 1) cell = cell.padEnd(width);
    edits.push(appendCells(r.text, r.line, [cell]));
  });
  return edits;
}

/**
 * `Done` for a status cell, padded to the width of what it replaces when that was wider, so an
 * aligned table stays aligned; an empty cell gets its blanks around the word.
 */
function cellValue(lines: LineIndex, range: Range): string {
  const old = range.start.line === range.end.line ? lines.lineText(range.start.line).slice(range.start.column - 1, range.end.column - 1) : '';
  if (old.trim() === '') return old.length >= 6 ? ` ${'Done'.padEnd(old.length - 2)} ` : ' Done ';
  return 'Done'.padEnd(old.length);
}

/** Cells in a raw row: unescaped pipes, without the optional outer ones. */
function cellCount(row: string): number {
  const t = row.trim();
  let pipes = 0;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '\\') i++;
    else if (t[i] === '|') pipes++;
  }
  const lead = t.startsWith('|') ? 1 : 0;
  const trail = t.length > 1 && t.endsWith('|') && !t.endsWith('\\|') ? 1 : 0;
  return pipes - lead - trail + 1;
}

/** Whether a row is written with a closing pipe (`| a | b |`) or without (`a | b`). */
function closed(row: string): boolean {
  const t = row.trimEnd();
  return t.endsWith('|') && !t.endsWith('\\|');
}

/** Cells appended to a row, written the way the row writes its pipes (padded or not, closing pipe or not). */
function appendCells(row: string, line: number, cells: string[]): TextEdit {
  const t = row.trim();
  const compact = !/ \||\| /.test(t);
  const body = cells.map((c) => (compact ? c : ` ${c} `)).join('|');
  const newText = closed(row) ? `${body}|` : `${compact ? '' : ' '}|${body}`.trimEnd();
  return { range: emptyAt(line, row.trimEnd().length + 1), newText };
}

/**
 * The delimiter cell of the new column, in the style of the table's own: its last cell's dashes and
 * colons (`---`, `:---`, `------`), and whether it is padded.
 */
function delimiterLike(row: string, width: number): string {
  const cells = row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|');
  const last = (cells[cells.length - 1] ?? '---').trim();
  const dashes = (n: number) => '-'.repeat(Math.max(3, n));
  // Centred when the table centres its last column; otherwise plain or left-aligned like it.
  if (/^:-+:$/.test(last)) return `:${dashes((width || last.length) - 2)}:`;
  if (/^:-+$/.test(last)) return `:${dashes((width || last.length) - 1)}`;
  if (/^-+$/.test(last)) return dashes(width || last.length);
  return dashes(width);
}
