/** Reads action items written as list items, with their fields inline. */
import type { List } from 'mdast';
import type { ActionItem, Field, Range } from '../../model';
import type { LineIndex, Span } from '../../text';
import { blankHtmlComments, plainInline, sliceSpan, trimSpan } from '../../text';
import { priorityLevel } from '../../vocabulary/priorities';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import type { InlineMatch } from './fields';
import { isDoneMarker } from '../../vocabulary/status';
import { deadlineDate, findInlineFields, ownerName } from './fields';

/** Drops trailing characters of a set; a loop, since `[set]+$` rescans from every position. */
function trimEndOf(s: string, set: string): string {
  let end = s.length;
  while (end > 0 && set.includes(s[end - 1]!)) end--;
  return s.slice(0, end);
}


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
  const found = findInlineFields(text);
  const priority = makeField(found.priority, priorityLevel, span.offset);
  const owner = makeField(found.owner, ownerName, lineEnd);
  const deadline = makeField(found.deadline, deadlineDate, lineEnd);
  const ticket = makeField(found.ticket, (t) => plainInline(t), lineEnd);
  const status = makeField(found.status, (t) => plainInline(t), lineEnd);
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

/**
 * Reads the items of a list (and its nested lists) as action items. `- P1 items:` with a nested
 * list is a group heading, not an action.
 */
export function readActionList(ctx: ParseContext, list: List, out: ActionItem[]): void {
  for (const item of list.children) {
    const first = item.children[0];
    const nested = item.children.filter((c): c is List => c.type === 'list');
    const s = first && first.type === 'paragraph' ? spanOf(ctx, first) : undefined;
    const isGroup = s !== undefined && nested.length > 0 && /:\s*$/.test(s.text.split(/\r\n|\r|\n/, 1)[0]!);
    if (s && !isGroup && s.text.trim() !== '') out.push(readActionListItem(s, item.checked, ctx.index));
    for (const l of nested) readActionList(ctx, l, out);
  }
}
