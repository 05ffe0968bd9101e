/**
 * "Convert to an action-items table": rewrites a list of action items as one GFM table, with the
 * fields written inline moved into their own cells. How a team with list-style items gets to
 * trackable ones. The edit is one text replacement, so one undo reverts it.
 */
import type { ActionItem, Field, Postmortem, Range } from './model';
import { blankHtmlComments, LineIndex } from './text';
import { readInlineFields } from './parse/actions/fields';
import type { TextEdit } from './rules/types';

/** The rewrite of one list: what to call it, the edit, and how many items it holds. */
export interface ActionTableRewrite {
  title: string;
  edit: TextEdit;
  items: number;
}

/** A cell's text: one line, pipes escaped (also inside code, as GFM wants), never empty of a space. */
function cell(text: string): string {
  return text.replace(/\r\n|\r|\n/g, ' ').replace(/(?<!\\)\|/g, '\\|').trim();
}

/** Whether a range lies inside another (end exclusive). */
function inside(r: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.column <= b.column);
  return before(outer.start, r.start) && before(r.end, outer.end);
}

/**
 * The item's detail as written (its sub-bullets and later paragraphs), one entry per line, without
 * indentation or blank lines: kept in the Action cell after `<br>`, so nothing is lost.
 */
function detailLines(item: ActionItem, lines: LineIndex): string[] {
  const out: string[] = [];
  for (let l = item.range.end.line + 1; l <= item.extent.end.line; l++) {
    const t = lines.lineText(l).trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/**
 * The rewrite of the list of action items at a 1-based line into one table: Action, Owner, Priority,
 * Deadline and Ticket, and Status when any item is done or dropped. Each field written inline moves
 * into its cell; the action keeps its Markdown; sub-bullets and later paragraphs stay in the Action
 * cell, each after a `<br>`. Undefined when the line is in no list of action items, or when the list
 * holds anything that is not an item (a group label, a bullet that is only a link) that a table would lose.
 */
export function actionListToTable(pm: Postmortem, source: string, line: number): ActionTableRewrite | undefined {
  const hit = pm.actionItems.find((i) => i.source === 'list' && i.list && line >= i.list.start.line && line <= i.list.end.line);
  const list = hit?.list;
  if (!list || list.start.column !== 1) return undefined;
  const items = pm.actionItems.filter((i) => i.list && i.list.start.line === list.start.line && i.list.start.column === list.start.column);
  const lines = new LineIndex(source);
  // Every written line of the list must belong to an item; anything else would be lost.
  for (let l = list.start.line; l <= list.end.line; l++) {
    if (lines.lineText(l).trim() === '') continue;
    if (!items.some((i) => l >= i.extent.start.line && l <= i.extent.end.line)) return undefined;
  }
  const withStatus = items.some((i) => i.state !== 'open');
  const header = ['Action', 'Owner', 'Priority', 'Deadline', 'Ticket', ...(withStatus ? ['Status'] : [])];
  const rows = items.map((item) => {
    const own = (f: Field<unknown>) => (f.origin === 'inline' && inside(f.range, item.range) ? f.text : '');
    const start = lines.offset(item.range.start);
    const end = lines.offset(item.range.end);
    const read = readInlineFields(blankHtmlComments(source.slice(start, end)));
    const action = [read.markdown, ...detailLines(item, lines)].map(cell).join('<br>');
    const status = item.status.origin === 'inline' && item.status.text !== '' ? item.status.text : item.state === 'open' ? '' : item.state === 'done' ? 'Done' : 'Dropped';
    return [action, own(item.owner), own(item.priority), own(item.deadline), own(item.ticket), ...(withStatus ? [status] : [])].map(cell);
  });
  const row = (cells: string[]) => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
  const table = [row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n');
  // A table right under a paragraph line would take that line as its header: keep a blank line.
  const above = list.start.line > 1 ? lines.lineText(list.start.line - 1).trim() : '';
  const newText = above === '' ? table : `\n${table}`;
  const range: Range = { start: { line: list.start.line, column: 1 }, end: list.end };
  return { title: `Convert to an action-items table (${items.length} item${items.length === 1 ? '' : 's'})`, edit: { range, newText }, items: items.length };
}
