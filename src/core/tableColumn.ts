/**
 * Writing values into one column of an action-items table ("Mark done" writes Status, tracker sync
 * writes Ticket), in the table's own style: a cell is replaced at the width of what it replaces, a
 * short row gets the cells up to the column, and a table without the column gets it on every row
 * (header, delimiter row, each row), padded like the table when its rows are padded to one width.
 */
import type { ActionItem, ActionTable, Field, Range } from './model';
import type { TextEdit } from './rules/types';
import type { LineIndex } from './text';

/** One row's new value for the column. */
export interface ColumnValue {
  item: ActionItem;
  /** The item's field of that column (`item.status`, `item.ticket`). */
  field: Field;
  value: string;
}

const emptyAt = (line: number, column: number): Range => ({ start: { line, column }, end: { line, column } });

/** The edits that put each value into its row's cell of `key`'s column, adding the column if the table has none. */
export function columnEdits(lines: LineIndex, table: ActionTable, key: keyof ActionTable['columns'], header: string, values: readonly ColumnValue[]): TextEdit[] {
  const index = table.columns[key];
  if (index !== undefined) {
    return values.map(({ item, field, value }) => {
      if (field.origin === 'cell') return { range: field.range, newText: cellValue(lines, field.range, value) };
      // A short row without the cell: fill the cells up to it.
      const have = cellCount(lines.lineText(item.line));
      const missing = Math.max(1, index - have + 1);
      return appendCells(lines.lineText(item.line), item.line, [...Array<string>(missing - 1).fill(''), value]);
    });
  }
  const byLine = new Map(values.map((v) => [v.item.line, v.value]));
  const rows: Array<{ line: number; text: string }> = [];
  for (let l = table.range.start.line; l <= table.range.end.line; l++) {
    const text = lines.lineText(l);
    if (text.trim() !== '') rows.push({ line: l, text });
  }
  // A table whose rows are padded to one width stays so: the new cells take the widest value's width.
  const aligned = rows.length > 2 && rows.every((r) => r.text.trimEnd().length === rows[0]!.text.trimEnd().length);
  const width = Math.max(header.length, ...values.map((v) => v.value.length));
  const headerCells = cellCount(rows[0]?.text ?? '');
  return rows.map((r, i) => {
    let cell = i === 0 ? header : i === 1 ? delimiterLike(r.text, aligned ? width : 0) : byLine.get(r.line) ?? '';
    if (aligned && i !== 1) cell = cell.padEnd(width);
    // A short row gets its missing cells first, so the new cell lands under the new header.
    const missing = i < 2 ? 0 : Math.max(0, headerCells - cellCount(r.text));
    return appendCells(r.text, r.line, [...Array<string>(missing).fill(''), cell]);
  });
}

/**
 * A value for a cell, padded to the width of what it replaces when that was wider, so an aligned
 * table stays aligned; an empty cell gets its blanks around the value.
 */
function cellValue(lines: LineIndex, range: Range, value: string): string {
  const old = range.start.line === range.end.line ? lines.lineText(range.start.line).slice(range.start.column - 1, range.end.column - 1) : '';
  if (old.trim() === '') return old.length >= value.length + 2 ? ` ${value.padEnd(old.length - 2)} ` : ` ${value} `;
  return value.padEnd(old.length);
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
