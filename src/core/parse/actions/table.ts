/** Reads action-items tables: the columns from the header, one item per body row. */
import type { Table } from 'mdast';
import type { ActionItem, ActionTable, Field } from '../../model';
import { rowCells } from '../../table';
import type { LineIndex, Span } from '../../text';
import { normalizeLabel, plainInline } from '../../text';
import { priorityLevel } from '../../vocabulary/priorities';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { isDoneMarker } from '../../vocabulary/status';
import { deadlineDate, ownerName } from './fields';

type Column = keyof ActionTable['columns'];

/** Header wordings of each column, normalised. */
const HEADER_SYNONYMS: Record<Column, string[]> = {
  priority: ['priority', 'pri', 'prio', 'p', 'priority level'],
  action: ['action', 'action item', 'action items', 'item', 'items', 'task', 'tasks', 'description', 'what', 'title', 'summary', 'follow up', 'remediation', 'work item'],
  owner: ['owner', 'owners', 'assignee', 'assignees', 'assigned to', 'who', 'responsible', 'dri', 'owned by'],
  deadline: ['deadline', 'due', 'due date', 'due by', 'eta', 'target date', 'target', 'by when', 'when', 'date'],
  status: ['status', 'state', 'done', 'progress', 'complete', 'completed'],
  ticket: ['ticket', 'tickets', 'issue', 'issues', 'bug', 'bugs', 'link', 'links', 'jira', 'tracking', 'tracker', 'reference', 'ref', 'pr'],
  type: ['type', 'category', 'kind', 'class', 'action type'],
};

const HEADER_TO_COLUMN = new Map<string, Column>();
for (const [col, words] of Object.entries(HEADER_SYNONYMS) as Array<[Column, string[]]>) {
  for (const w of words) HEADER_TO_COLUMN.set(w, col);
}

/** Which field a table header names, if any. */
export function columnOfHeader(header: string): Column | undefined {
  return HEADER_TO_COLUMN.get(normalizeLabel(header));
}

function fieldOf<T>(cell: Span | undefined, fallback: number, index: LineIndex, value: (t: string) => T | undefined, origin: Field['origin']): Field<T> {
  if (!cell) return { text: '', value: undefined, range: index.range(fallback, fallback), origin: 'missing' };
  const text = cell.text.trim().replace(/\\\|/g, '|');
  return {
    text,
    value: text === '' ? undefined : value(text),
    range: index.range(cell.offset, cell.offset + cell.text.length),
    origin,
  };
}

/** Recognises the columns of an action-items table from its header cells. */
export function readActionTableHeader(headers: string[]): ActionTable['columns'] {
  const columns: ActionTable['columns'] = {};
  headers.forEach((h, i) => {
    const col = columnOfHeader(h);
    if (col && columns[col] === undefined) columns[col] = i;
  });
  if (columns.action === undefined) {
    const taken = new Set(Object.values(columns));
    const free = headers.findIndex((_, i) => !taken.has(i));
    if (free >= 0) columns.action = free;
  }
  return columns;
}

/** Reads one body row of an action-items table. */
export function readActionRow(row: Span, cells: readonly Span[], columns: ActionTable['columns'], index: LineIndex): ActionItem {
  const rowEnd = row.offset + row.text.trimEnd().length;
  const cellOf = (col: Column) => {
    const i = columns[col];
    return i === undefined ? undefined : cells[i];
  };
  const field = <T>(col: Column, value: (t: string) => T | undefined): Field<T> =>
    fieldOf(cellOf(col), rowEnd, index, value, 'cell');
  const status = field('status', (t) => plainInline(t));
  const deadline = field('deadline', deadlineDate);
  const done = (status.text !== '' && isDoneMarker(status.text)) || (deadline.text !== '' && isDoneMarker(deadline.text));
  const start = index.position(row.offset);
  return {
    range: index.range(row.offset, rowEnd),
    line: start.line,
    source: 'table',
    action: field('action', (t) => plainInline(t)),
    priority: field('priority', priorityLevel),
    owner: field('owner', ownerName),
    deadline,
    status,
    ticket: field('ticket', (t) => plainInline(t)),
    type: field('type', (t) => plainInline(t)),
    done,
  };
}

/** Reads an action-items table into its columns and items; a row without any text is spacing, not an item. */
export function readActionTable(ctx: ParseContext, table: Table, out: { items: ActionItem[]; tables: ActionTable[] }): void {
  const [header, ...rows] = table.children;
  const hs = header && spanOf(ctx, header);
  const ts = spanOf(ctx, table);
  if (!hs || !ts) return;
  const headers = rowCells(ctx.text, header).map((c) => plainInline(c.text));
  const columns = readActionTableHeader(headers);
  out.tables.push({ range: ctx.index.range(ts.offset, ts.offset + ts.text.trimEnd().length), columns, headers });
  for (const row of rows) {
    const rs = spanOf(ctx, row);
    if (!rs) continue;
    const cells = rowCells(ctx.text, row);
    if (cells.every((c) => c.text.trim() === '')) continue;
    out.items.push(readActionRow(rs, cells, columns, ctx.index));
  }
}
