/** Reads action-items tables: the columns from the header, one item per body row. */
import type { Table } from 'mdast';
import type { ActionItem, ActionState, ActionTable, Field } from '../../model';
import { rowCells } from '../../table';
import type { LineIndex, Span } from '../../text';
import { normalizeLabel, plainInline } from '../../text';
import { priorityLevel } from '../../vocabulary/priorities';
import { completedStatement, stateOfMarker } from '../../vocabulary/status';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import type { Definitions } from './fields';
import { deadlineDate, isTicketUrl, ownerName, plainActionText, ticketValue } from './fields';
import type { ActionScope, ItemDraft } from './item';
import { settleStates } from './item';

type Column = keyof ActionTable['columns'];

/** Header wordings of each column, normalised. */
const HEADER_SYNONYMS: Record<Column, string[]> = {
  priority: ['priority', 'pri', 'prio', 'p', 'priority level'],
  action: ['action', 'action item', 'action items', 'item', 'items', 'task', 'tasks', 'description', 'what', 'title', 'summary', 'follow up', 'remediation', 'work item'],
  owner: ['owner', 'owners', 'assignee', 'assignees', 'assigned to', 'who', 'responsible', 'dri', 'owned by', 'owning team', 'owner team', 'team', 'responsible team', 'assigned team'],
  deadline: ['deadline', 'due', 'due date', 'due by', 'eta', 'target date', 'target', 'by when', 'when', 'date'],
  status: ['status', 'state', 'done', 'progress', 'complete', 'completed'],
  ticket: ['ticket', 'tickets', 'issue', 'issues', 'bug', 'bugs', 'link', 'links', 'jira', 'tracking', 'tracker', 'reference', 'ref', 'pr', 'tracking bug', 'tracking issue', 'tracking ticket', 'issue link', 'jira ticket', 'github issue', 'pull request'],
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

/** Reads one body row of an action-items table, with what it rests its state on. */
export function readActionRowDraft(row: Span, cells: readonly Span[], columns: ActionTable['columns'], index: LineIndex, scope?: ActionScope): ItemDraft {
  const rowEnd = row.offset + row.text.trimEnd().length;
  const definitions: Definitions = scope?.definitions ?? new Map();
  const cellOf = (col: Column) => {
    const i = columns[col];
    return i === undefined ? undefined : cells[i];
  };
  const field = <T>(col: Column, value: (t: string) => T | undefined): Field<T> =>
    fieldOf(cellOf(col), rowEnd, index, value, 'cell');
  const status = field('status', (t) => plainInline(t));
  const deadline = field('deadline', deadlineDate);
  const action = field('action', (t) => plainActionText(t) || undefined);
  action.text = action.value ?? '';
  let ticket = field('ticket', (t) => ticketValue(t, definitions));
  // Cells of no known column (`Notes`) and a status cell can still hold the ticket or the state.
  const mapped = new Set(Object.values(columns));
  const others = cells.filter((_, i) => !mapped.has(i));
  if (ticket.value === undefined) {
    for (const c of [cellOf('status'), ...others]) {
      const value = c && ticketValue(c.text, definitions);
      if (c && value !== undefined && (isTicketUrl(value) || /^(?:[A-Z][A-Z0-9]{1,9}-\d|#\d)/.test(value))) {
        ticket = fieldOf(c, rowEnd, index, () => value, 'cell');
        break;
      }
    }
  }
  // A done or dropped word in the status, deadline or ticket cell (`Done`, `**FAILED**`, `Fixed in #12`),
  // or alone in a cell of no known column (`| Done |` under `Notes`).
  const cellState: ActionState | undefined = stateOfMarker(status.text) ?? stateOfMarker(deadline.text) ?? stateOfMarker(ticket.text) ??
    others.map((c) => c.text.replace(/[*_`.]/g, '').trim()).map((t) => (/^[\p{L}' ]{2,12}$/u.test(t) ? stateOfMarker(t) : undefined)).find((v) => v !== undefined);
  const explicit = cellState !== undefined || scope?.state !== undefined || status.text !== '';
  const state: ActionState = cellState ?? scope?.state ?? 'open';
  const range = index.range(row.offset, rowEnd);
  const item: ActionItem = {
    range,
    line: range.start.line,
    source: 'table',
    action,
    priority: field('priority', priorityLevel),
    owner: field('owner', ownerName),
    deadline,
    status,
    ticket: ticket.origin === 'missing' && scope?.ticket ? scope.ticket : ticket,
    type: field('type', (t) => plainInline(t)),
    state,
    done: state !== 'open',
    details: [],
    extent: range,
  };
  return { item, explicit, statement: explicit ? undefined : completedStatement(action.text) };
}

/** Reads one body row of an action-items table. */
export function readActionRow(row: Span, cells: readonly Span[], columns: ActionTable['columns'], index: LineIndex, scope?: ActionScope): ActionItem {
  return readActionRowDraft(row, cells, columns, index, scope).item;
}

/**
 * Reads an action-items table into its columns and items; a row without any text is spacing, not an
 * item. A table whose every row reports finished work (`Added test coverage …`) is a table of done items.
 */
export function readActionTable(ctx: ParseContext, table: Table, out: { items: ActionItem[]; tables: ActionTable[] }, scope?: ActionScope): void {
  const [header, ...rows] = table.children;
  const hs = header && spanOf(ctx, header);
  const ts = spanOf(ctx, table);
  if (!hs || !ts) return;
  const headers = rowCells(ctx.text, header).map((c) => plainInline(c.text));
  const columns = readActionTableHeader(headers);
  out.tables.push({ range: ctx.index.range(ts.offset, ts.offset + ts.text.trimEnd().length), columns, headers });
  const drafts: ItemDraft[] = [];
  for (const row of rows) {
    const rs = spanOf(ctx, row);
    if (!rs) continue;
    const cells = rowCells(ctx.text, row);
    if (cells.every((c) => c.text.trim() === '')) continue;
    const draft = readActionRowDraft(rs, cells, columns, ctx.index, scope);
    out.items.push(draft.item);
    drafts.push(draft);
  }
  settleStates(drafts);
}
