import type { ActionItem, ActionTable, Field, Range } from './model';
import type { LineIndex, Span } from './text';
import { blankHtmlComments, normalizeLabel, plainInline, sliceSpan, trimSpan } from './text';
import { splitRow } from './table';
import { parseDate } from './time';

type Column = keyof ActionTable['columns'];

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

const DONE_WORDS = /^(?:done|complete|completed|closed|fixed|resolved|shipped|merged|finished|implemented|deployed)\b|^[\u2705\u2714\u2611]|^\[x\]/i;

/** Whether a status or deadline cell says the item is done (`Done (hotfix)`, `✅`, `Completed 2025-04-02`). */
export function isDoneMarker(text: string): boolean {
  return DONE_WORDS.test(plainInline(text).replace(/[`*_~]/g, '').trim());
}

/** A priority written as `P0`…`P9` (any case, optionally bold or bracketed): its number. */
export function priorityLevel(text: string): number | undefined {
  const m = /^(?:\*\*|__|\[|\()?\s?P([0-9])\s?(?:\*\*|__|\]|\))?$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}

/** An owner's name without `@` or Markdown, or undefined when the text is empty. */
export function ownerName(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '').replace(/^@/, '').trim();
  return plain === '' ? undefined : plain;
}

/** A deadline as ISO date: the whole text, or a date at its start (`2025-04-20 (moved)`). */
export function deadlineDate(text: string): string | undefined {
  const plain = plainInline(text).replace(/[`*_]/g, '').trim();
  const whole = parseDate(plain);
  if (whole) return whole;
  const lead = /^(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  return lead ? parseDate(lead[1]!) : undefined;
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
export function readActionRow(row: Span, columns: ActionTable['columns'], index: LineIndex): ActionItem {
  const cells = splitRow(row);
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

/** Drops trailing characters of a set; a loop, since `[set]+$` rescans from every position. */
function trimEndOf(s: string, set: string): string {
  let end = s.length;
  while (end > 0 && set.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}

interface InlineMatch {
  start: number;
  end: number;
  /** Where the value itself is, inside the match. */
  valueStart: number;
  valueEnd: number;
}

function findInline(text: string, re: RegExp, group = 1): InlineMatch | undefined {
  const m = re.exec(text);
  if (!m || m[group] === undefined) return undefined;
  const valueStart = m.index + m[0].indexOf(m[group]!);
  return { start: m.index, end: m.index + m[0].length, valueStart, valueEnd: valueStart + m[group]!.length };
}

/** `P1: …`, `**P1** …`, `[P1] …` at the start of an item. */
const LEAD_PRIORITY = /^(?:\*\*|__)?[[(]?(P[0-9])[\])]?(?:\*\*|__)?(?:\s*[:\u2014\u2013|-]\s*|\s+)/i;
/** A word priority at the start needs a colon or brackets, or `High availability for …` would match. */
const LEAD_WORD_PRIORITY = /^(?:\*\*|__)?(?:\[(Highest|High|Critical|Urgent|Medium|Med|Normal|Low|Lowest|Sev\s?[0-9])\]\s*|(Highest|High|Critical|Urgent|Medium|Med|Normal|Low|Lowest|Sev\s?[0-9])(?:\*\*|__)?\s*:\s*)/i;
const LABELLED_PRIORITY = /\b(?:priority|prio|pri)\s*[:=]\s*([\w-]{1,12})/i;
const BRACKET_PRIORITY = /[[(](P[0-9])[\])]/i;
const LABELLED_OWNER = /\b(?:owner|owners|assignee|assigned to|who)\s*[:=]\s*(@?[\p{L}\p{N}._-]{1,40}(?:\s[\p{Lu}][\p{L}.-]{1,30})?)/iu;
const HANDLE = /(?<![\w.@])(@[\p{L}\p{N}][\p{L}\p{N}._-]{0,39})/u;
const LABELLED_DEADLINE = /\b(?:due(?: date| by)?|deadline|eta|target date)\s*[:=]\s*([^,;:)\]|\n]{1,40}?)(?=\s*(?:[,;)\]|]|$|\s(?:owner|assignee|ticket|status|priority)\b))/i;
const BY_DATE = /\b(?:by|due|before|deadline)\s+(\d{4}-\d{2}-\d{2})\b/i;
const BARE_DATE = /(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])/;
const LABELLED_TICKET = /\b(?:ticket|issue|jira|tracking|link)\s*[:=]\s*(\S{1,200})/i;
const TICKET_KEY = /(?<![\w/-])([A-Z][A-Z0-9]{1,9}-\d{1,7})(?![\w-])/;
const TICKET_LINK = /(\[[^[\]\n]{1,100}\]\(https?:\/\/[^)\s]{1,500}\)|https?:\/\/[^\s)>\]]{1,500}|(?<![\w&])#\d{1,7}\b)/;
const LABELLED_STATUS = /\bstatus\s*[:=]\s*([\w -]{1,20}?)(?=\s*(?:[,;)\]|]|$))/i;

/**
 * Reads an action item written as a list item: `[ ] P1: Add alerting on X — owner: @jun, due: 2025-10-01`.
 * `span` is the item's first paragraph; `checked` comes from a GFM task list item.
 */
export function readActionListItem(span: Span, checked: boolean | null | undefined, index: LineIndex): ActionItem {
  const firstLine = span.text.split(/\r\n|\r|\n/, 1)[0]!;
  const lineEnd = span.offset + firstLine.trimEnd().length;
  const taken: Array<[number, number]> = [];
  // HTML comments (suppressions) are not part of any field; blank them out, keeping offsets.
  const text = blankHtmlComments(span.text);
  const makeField = <T>(m: InlineMatch | undefined, value: (t: string) => T | undefined, fallback: number): Field<T> => {
    if (!m) return { text: '', value: undefined, range: index.range(fallback, fallback), origin: 'missing' };
    taken.push([m.start, m.end]);
    const raw = text.slice(m.valueStart, m.valueEnd).trim();
    return { text: raw, value: value(raw), range: index.range(span.offset + m.valueStart, span.offset + m.valueStart + raw.length), origin: 'inline' };
  };
  const priority = makeField(
    findInline(text, LEAD_PRIORITY) ?? findInline(text, LEAD_WORD_PRIORITY, 1) ?? findInline(text, LEAD_WORD_PRIORITY, 2) ??
      findInline(text, LABELLED_PRIORITY) ?? findInline(text, BRACKET_PRIORITY),
    priorityLevel, span.offset,
  );
  const owner = makeField(findInline(text, LABELLED_OWNER) ?? findInline(text, HANDLE), ownerName, lineEnd);
  const deadline = makeField(
    findInline(text, LABELLED_DEADLINE) ?? findInline(text, BY_DATE) ?? findInline(text, BARE_DATE),
    deadlineDate, lineEnd,
  );
  const ticket = makeField(findInline(text, LABELLED_TICKET) ?? findInline(text, TICKET_KEY) ?? findInline(text, TICKET_LINK), (t) => plainInline(t), lineEnd);
  const status = makeField(findInline(text, LABELLED_STATUS), (t) => plainInline(t), lineEnd);
  // The action is what is left once the fields are taken out.
  let rest = '';
  let last = 0;
  let actionStart = -1;
  let actionEnd = 0;
  for (const [a, b] of [...taken].sort((x, y) => x[0] - y[0])) {
    if (a < last) continue;
    rest += text.slice(last, a) + ' ';
    if (/[\p{L}\p{N}]/u.test(text.slice(last, a))) {
      if (actionStart < 0) actionStart = last + (text.slice(last, a).length - text.slice(last, a).trimStart().length);
      actionEnd = a;
    }
    last = Math.max(last, b);
  }
  rest += text.slice(last);
  if (/[\p{L}\p{N}]/u.test(text.slice(last))) {
    if (actionStart < 0) actionStart = last + (text.slice(last).length - text.slice(last).trimStart().length);
    actionEnd = text.length;
  }
  const actionText = plainInline(rest)
    .replace(/\(\s*[,;]?\s*\)/g, '')
    .replace(/^[\s\S]*$/, (s) => trimEndOf(s, ' \t\r\n,;\u2014\u2013-'))
    .replace(/^\s*[,;:\u2014\u2013-]+\s*/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
  let actionSpan = actionStart < 0 ? { text: '', offset: span.offset } : trimSpan(sliceSpan(span, actionStart, actionEnd));
  actionSpan = { text: trimEndOf(actionSpan.text, ' \t\r\n,;:\u2014\u2013(-'), offset: actionSpan.offset };
  const action: Field = {
    text: actionText,
    value: actionText === '' ? undefined : actionText,
    range: index.range(actionSpan.offset, actionSpan.offset + actionSpan.text.length),
    origin: actionText === '' ? 'missing' : 'inline',
  };
  const strike = /^\s*~~[^\n]+~~\s*$/.test(firstLine);
  const done = checked === true || strike || /\u2705/.test(text) || (status.text !== '' && isDoneMarker(status.text)) || (deadline.text !== '' && isDoneMarker(deadline.text));
  const start = index.position(span.offset);
  const missing = (): Field => ({ text: '', value: undefined, range: index.range(lineEnd, lineEnd), origin: 'missing' });
  const range: Range = index.range(span.offset, span.offset + span.text.trimEnd().length);
  return { range, line: start.line, source: 'list', action, priority, owner, deadline, status, ticket, type: missing(), done };
}
