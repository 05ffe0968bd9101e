/**
 * Reads action items written as list items, with their fields inline. A sub-bullet is its parent's
 * detail or checklist, not an item; a bullet that only holds a link is not an item; a short label
 * ending with a colon (`- Next quarter:`, `- Completed:`) groups the items nested under it.
 */
import type { List, ListItem, RootContent } from 'mdast';
import type { ActionItem, Range } from '../../model';
import type { Span } from '../../text';
import { plainInline, sliceSpan } from '../../text';
import { startsWithImperative, stateOfHeading } from '../../vocabulary/status';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { isTicketUrl, plainActionText, readInlineFields } from './fields';
import type { ActionScope, ItemDraft } from './item';
import { readInlineItem, settleStates } from './item';

/** A paragraph that is only links, autolinks or URLs (`[View patch](…)`, `<https://…>`): not an item. */
export function isLinkOnly(text: string): boolean {
  const rest = text
    .replace(/!?\[[^[\]\n]{0,500}\]\([^()\n]{0,2000}\)/g, ' ')
    .replace(/\[[^[\]\n]{0,500}\]\[[^[\]\n]{0,200}\]/g, ' ')
    .replace(/<[a-z]{2,10}:[^<>\s]{1,2000}>/gi, ' ')
    .replace(/https?:\/\/\S{1,2000}/g, ' ');
  return !/[\p{L}\p{N}]/u.test(rest.replace(/[*_`~]/g, ''));
}

/** Words that end a label mid-sentence: `Ensure that alerting is in place for:` is an item, not a group. */
const OPEN_ENDING = /\b(?:for|to|of|with|on|in|by|about|from|into|at|as|that|which|will|following|including|include|includes|like|are|is|be|the|a|an|and|or|these|those)\s*:$/i;

/**
 * Whether a list item's first paragraph labels a group of items nested under it (`Next quarter:`,
 * `**Incident response:**`, `Completed:`) rather than being an item whose sub-bullets are its detail
 * (`Ensure that alerting is in place for:`): at most five words before the colon, not cut mid-sentence,
 * not a request.
 */
export function isGroupLabel(text: string): boolean {
  const plain = plainInline(text).replace(/[`*_]/g, '').replace(/\([^()]{0,200}\)/g, ' ').trim();
  // A request (`Alert when these stall:`) is an item whose sub-bullets say what it covers.
  if (!plain.endsWith(':') || OPEN_ENDING.test(plain) || startsWithImperative(plain)) return false;
  return plain.slice(0, -1).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length <= 5;
}

/** The text of a block for an item's detail: plain, one line. */
function detailText(ctx: ParseContext, node: RootContent): string[] {
  if (node.type === 'list') {
    return node.children.flatMap((li) => li.children.flatMap((c) => detailText(ctx, c)));
  }
  const s = spanOf(ctx, node);
  if (!s) return [];
  const t = plainActionText(s.text);
  return t === '' ? [] : [t];
}

/** A ticket held by a block of an item's detail: a sub-bullet or later paragraph that links to an issue. */
function detailTicket(ctx: ParseContext, node: RootContent, scope: ActionScope): { span: Span; match: { valueStart: number; valueEnd: number; value?: string } } | undefined {
  if (node.type === 'list') {
    for (const li of node.children) {
      for (const c of li.children) {
        if (c.type !== 'paragraph') continue;
        const s = spanOf(ctx, c);
        // Only a sub-bullet that is just a link: a sub-bullet with words is a sub-task with its own ticket.
        if (!s || !isLinkOnly(s.text)) continue;
        const t = readInlineFields(s.text, scope.definitions).fields.ticket;
        if (t && t.value !== undefined && isTicketUrl(t.value)) return { span: s, match: t };
      }
    }
    return undefined;
  }
  if (node.type !== 'paragraph') return undefined;
  const s = spanOf(ctx, node);
  if (!s) return undefined;
  const t = readInlineFields(s.text, scope.definitions).fields.ticket;
  return t && t.value !== undefined ? { span: s, match: t } : undefined;
}

/**
 * Reads one list item as an action item, its nested lists and later paragraphs as its detail; a
 * ticket in the detail (a later paragraph's `[issue](…)`, a link-only sub-bullet) is the item's when
 * its own text names none.
 */
function readItem(ctx: ParseContext, li: ListItem, first: Span, scope: ActionScope, list: Range | undefined): ItemDraft {
  // The task box is not part of the text (the paragraph starts at it when bold or code follows it).
  const box = li.checked === true || li.checked === false ? /^\[[ xX]\][ \t]+/.exec(first.text) : null;
  const own = box ? sliceSpan(first, box[0].length) : first;
  const draft = readInlineItem(own, ctx.index, scope, 'list', li.checked);
  const { item } = draft;
  const rest = li.children.slice(1);
  item.details = rest.flatMap((c) => detailText(ctx, c));
  const whole = spanOf(ctx, li);
  if (whole) item.extent = ctx.index.range(whole.offset, whole.offset + whole.text.trimEnd().length);
  if (list) item.list = list;
  if (item.ticket.origin === 'missing' || item.ticket === scope.ticket) {
    for (const c of rest) {
      const found = detailTicket(ctx, c, scope);
      if (!found) continue;
      const { span, match } = found;
      const raw = span.text.slice(match.valueStart, match.valueEnd).trim();
      item.ticket = { text: raw, value: match.value ?? raw, range: ctx.index.range(span.offset + match.valueStart, span.offset + match.valueStart + raw.length), origin: 'inline' };
      break;
    }
  }
  return draft;
}

/**
 * Reads the items of a list as action items. A short label ending with a colon (`- Next quarter:`)
 * groups the items nested under it, and a label that says they are done (`- Completed:`) marks them
 * so; any other item's nested lists are its detail. Returns the drafts read, in order.
 */
export function readActionList(ctx: ParseContext, list: List, scope: ActionScope, out: ActionItem[], outer = true): ItemDraft[] {
  const whole = outer ? spanOf(ctx, list) : undefined;
  const listRange = whole ? ctx.index.range(whole.offset, whole.offset + whole.text.trimEnd().length) : undefined;
  const drafts: ItemDraft[] = [];
  for (const li of list.children) {
    const first = li.children[0];
    const nested = li.children.filter((c): c is List => c.type === 'list');
    const s = first && first.type === 'paragraph' ? spanOf(ctx, first) : undefined;
    if (!s || s.text.trim() === '' || isLinkOnly(s.text)) continue;
    // A label with a task box is a task itself, not a label.
    if (nested.length > 0 && typeof li.checked !== 'boolean' && isGroupLabel(s.text.split(/\r\n|\r|\n/, 1)[0]!)) {
      const inner: ActionScope = { ...scope, state: stateOfHeading(s.text) ?? scope.state };
      for (const l of nested) drafts.push(...readActionList(ctx, l, inner, out, false));
      continue;
    }
    const draft = readItem(ctx, li, s, scope, listRange);
    out.push(draft.item);
    drafts.push(draft);
  }
  if (outer) settleStates(drafts);
  return drafts;
}
