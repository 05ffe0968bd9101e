/**
 * Reads the action items of a document, block by block, in the sections that hold them: tables,
 * lists, labelled paragraphs (`Action point: …`, `**Actions taken:**`, `**TODO** …`) and, in an
 * action-items section without any list or table, paragraphs that state an action.
 */
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import type { ActionItem, ActionState, ActionTable, Field, Section } from '../../model';
import type { Span } from '../../text';
import { plainInline, sliceSpan, spanLines, trimSpan } from '../../text';
import { startsWithImperative, stateOfHeading } from '../../vocabulary/status';
import { blockContent } from '../content';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import type { Definitions } from './fields';
import { plainActionText, readInlineFields, referenceLabel } from './fields';
import type { ActionScope, ItemDraft } from './item';
import { readInlineItem, settleStates } from './item';
import { isLinkOnly, readActionList } from './list';
import { readActionTable } from './table';

/** Where a block is: in an action-items section, in lessons learned (labelled items only), or elsewhere. */
export type ActionPlace = 'actions' | 'lessons';

/** What the reader gathers during the walk. */
export interface ActionsDraft {
  items: ActionItem[];
  tables: ActionTable[];
  definitions: Definitions;
  /** Paragraphs that state an action, kept until we know whether their section has a list or table. */
  prose: Array<{ section: Section; item: ActionItem }>;
  /** Action-items sections that hold a list or a table of items. */
  withBlocks: Set<Section>;
  /** The state and ticket each heading gives the items under it. */
  headings: Map<Section, { state: ActionState | undefined; ticket: Field | undefined }>;
  /** What the previous block says about the next one. */
  pending: Pending | undefined;
  /** The items of the list just read, which a paragraph after it may give a ticket. */
  lastList: { items: ActionItem[]; endLine: number } | undefined;
  /** Outside the sections that hold items: a lead-in naming future actions, whose next list holds items. */
  leadIn: { endLine: number } | undefined;
}

interface Pending {
  /** A label or lead-in (`**Actions taken:**`, `Completed:`) gives the next block its items' state. */
  state: ActionState | undefined;
  /** A label without text: the next paragraph is an item. */
  label: boolean;
  /** A paragraph item a list right after it details (`We've established criteria:`, `Action point: …`). */
  detailOf: ActionItem | undefined;
  /** The last line of the block that set this up. */
  endLine: number;
  /** Whether the list that follows must be its detail (the item ended with a colon). */
  colon: boolean;
}

/** A fresh reader state for a document: its link reference definitions read up front. */
export function createActionsDraft(tree: Root): ActionsDraft {
  const definitions = new Map<string, string>();
  const visit = (node: Nodes) => {
    if (node.type === 'definition') {
      const key = referenceLabel(node.label ?? node.identifier);
      if (!definitions.has(key)) definitions.set(key, node.url);
    }
    if ('children' in node) for (const c of node.children) visit(c as Nodes);
  };
  visit(tree);
  return { items: [], tables: [], definitions, prose: [], withBlocks: new Set(), headings: new Map(), pending: undefined, lastList: undefined, leadIn: undefined };
}

/** `Action point: …`, `**Action item:** …`, `Follow-up: …`: a paragraph that is one item. */
const ITEM_LABEL = /^\s*(?:\*\*|__)?(?:action points?|action items?|follow[- ]?ups?|next steps?)(?::(?:\*\*|__)|(?:\*\*|__)?\s*:)\s*/i;
/** `**Actions planned:**`, `**Action(s) taken:**`, `**Action taken:** …`: a label for the next block or its own text. */
const ACTIONS_LABEL = /^\s*(?:\*\*|__)?actions?(?:\s?\(s\))?\s+(planned|taken|to take|proposed|completed|done|in progress|needed|required|pending|to be taken)(?::(?:\*\*|__)|(?:\*\*|__)?\s*:)\s*/i;
/** `**DONE**: …`, `**TODO** …`: a paragraph that is one item with its status first. */
const STATUS_PARAGRAPH = /^\s*(?:\*\*|__)(?:DONE|TODO|FIXME|Done|Todo|To do|TO DO)(?:\*\*|__)?\s*:?/;
/** The same without bold, only in an action-items section: `DONE: …`, `TODO: …`. */
const PLAIN_STATUS_PARAGRAPH = /^\s*(?:DONE|TODO|FIXME)\s*:/;
/**
 * Words that make a paragraph in an action-items section an action (`We will…`, `should`, `TODO`).
 * The first of them decides: `could`, `might` and `may` only muse (`We could have a policy…`).
 */
const PROSE_ACTION = /\b(?:should|will|would|must|need(?:s)? to|going to|plans? to|planning to|we'll|intends? to|aim(?:s|ing)? to|todo|could|might|may)\b/i;
/** A paragraph that offers options (`… by doing one of:`): one item, the list after it its options. */
const OPTIONS_LEAD = /\b(?:one of|either|any of)\s*:\s*$/i;

/** The first line number of a node, and its last. */
function lines(node: RootContent): { first: number; last: number } {
  return { first: node.position?.start.line ?? 0, last: node.position?.end.line ?? 0 };
}

/** The paragraph's text without emphasis markers, trimmed. */
function plainOf(s: Span): string {
  return plainInline(s.text).replace(/[`*_]/g, '').trim();
}

/** A short line that introduces the next list (`Completed:`, `**In progress (next 2 weeks):**`). */
function isLeadIn(s: Span): boolean {
  const plain = plainOf(s);
  const bold = /^\s*(?:\*\*|__)[^\n]{1,200}(?:\*\*|__)\s*:?\s*$/.test(s.text);
  return (plain.endsWith(':') || bold) && plain.replace(/\([^()]{0,200}\)/g, ' ').split(/\s+/).filter((w) => w !== '').length <= 8;
}

/** What the headings around the current block say: the innermost state and ticket given. */
function headingScope(ctx: ParseContext, draft: ActionsDraft): { state: ActionState | undefined; ticket: Field | undefined } {
  let state: ActionState | undefined;
  let ticket: Field | undefined;
  for (let i = ctx.stack.length - 1; i >= 0; i--) {
    const h = draft.headings.get(ctx.stack[i]!);
    if (!h) continue;
    state ??= h.state;
    ticket ??= h.ticket;
  }
  return { state, ticket };
}

/** The outermost action-items section around the current block. */
function actionSection(ctx: ParseContext): Section | undefined {
  return ctx.stack.find((s) => isKind(s, 'action-items'));
}

/** Where the current block is for action items: an action-items section, lessons learned, or neither. */
export function actionPlace(ctx: ParseContext): ActionPlace | undefined {
  if (ctx.stack.some((s) => isKind(s, 'action-items'))) return 'actions';
  if (ctx.stack.some((s) => isKind(s, 'lessons-learned'))) return 'lessons';
  return undefined;
}

/** Whether a section is of a kind, also when its heading names two (`Lessons learned and future improvements`). */
function isKind(s: Section, kind: Section['kind']): boolean {
  return s.kind === kind || (s.also?.includes(kind!) ?? false);
}

/**
 * Notes what a heading inside an action-items or lessons section says about the items under it:
 * `### Completed` (done), `### Won't do` (dropped), `### Short-term ([#40885](…))` (their ticket).
 */
export function readActionHeading(ctx: ParseContext, node: Heading, section: Section, draft: ActionsDraft): void {
  draft.pending = undefined;
  draft.leadIn = undefined;
  draft.lastList = undefined;
  if (!actionPlace(ctx)) return;
  const s = spanOf(ctx, node);
  const state = stateOfHeading(section.title);
  let ticket: Field | undefined;
  if (s) {
    const line = s.text.split(/\r\n|\r|\n/, 1)[0]!;
    const t = readInlineFields(line).fields.ticket;
    if (t && t.value !== undefined) {
      const raw = line.slice(t.valueStart, t.valueEnd).trim();
      ticket = { text: raw, value: t.value, range: ctx.index.range(s.offset + t.valueStart, s.offset + t.valueStart + raw.length), origin: 'inline' };
    }
  }
  if (state || ticket) draft.headings.set(section, { state, ticket });
}

/**
 * A short lead-in that names actions still to come (`Some possible actions in the future:`, `Next
 * steps:`, `Follow-ups:`, `Proposed improvements:`). Outside the sections that hold items (a
 * conclusion, a discussion), the list right after it is a list of open items. Without a word for the
 * future (`Actions:` in a resolution section) the list tells what was done, and is not read.
 */
const FUTURE_WORDS = new Set(['possible', 'potential', 'future', 'planned', 'proposed', 'further', 'recommended', 'upcoming']);
const ACTION_NOUNS = new Set(['action', 'actions', 'improvements', 'changes', 'steps', 'work', 'items']);

/** Whether a lead-in's words name actions still to come. */
function namesFutureActions(plain: string): boolean {
  const lower = plain.toLowerCase().replace(/:\s*$/, '');
  if (/\b(?:next steps|follow[- ]?ups?|to-?dos?)\b/.test(lower)) return true;
  const w = lower.split(/[^\p{L}-]+/u).filter((x) => x !== '');
  return w.some((x) => FUTURE_WORDS.has(x)) && w.some((x) => ACTION_NOUNS.has(x));
}

/**
 * Reads a block outside the sections that hold action items: a lead-in naming future actions makes
 * the list right after it (one blank line apart at most) a list of open items.
 */
export function readActionLeadIn(ctx: ParseContext, node: RootContent, draft: ActionsDraft): void {
  const leadIn = draft.leadIn;
  draft.leadIn = undefined;
  const { first, last } = lines(node);
  if (node.type === 'list') {
    if (!leadIn || first > leadIn.endLine + 2) return;
    const before = draft.items.length;
    readActionList(ctx, node, { definitions: draft.definitions, state: 'open', ticket: undefined }, draft.items);
    draft.lastList = { items: draft.items.slice(before), endLine: last };
    return;
  }
  if (node.type !== 'paragraph') return;
  const s = spanOf(ctx, node);
  if (!s || !isLeadIn(s)) return;
  const plain = plainOf(s).replace(/\s+/g, ' ');
  if (plain.endsWith(':') && plain.length <= 120 && namesFutureActions(plain)) draft.leadIn = { endLine: last };
}

/** Reads one block of an action-items or lessons-learned section. */
export function readActionBlock(ctx: ParseContext, node: RootContent, draft: ActionsDraft, place: ActionPlace): void {
  const pending = draft.pending;
  draft.pending = undefined;
  const around = headingScope(ctx, draft);
  const scope: ActionScope = { definitions: draft.definitions, state: pending?.state ?? around.state, ticket: around.ticket };
  const { first, last } = lines(node);

  if (node.type === 'list') {
    // A list right after a paragraph item that ends with a colon, or right under it, is its detail.
    if (pending?.detailOf && (pending.colon || first === pending.endLine + 1)) {
      addDetail(ctx, node, pending.detailOf, scope);
      // A paragraph after the detail that links a ticket (`#631 has the options`) is the item's too.
      draft.lastList = { items: [pending.detailOf], endLine: last };
      return;
    }
    if (place === 'lessons' && !pending) return;
    const section = actionSection(ctx);
    if (section) draft.withBlocks.add(section);
    const before = draft.items.length;
    readActionList(ctx, node, scope, draft.items);
    draft.lastList = { items: draft.items.slice(before), endLine: last };
    return;
  }
  const lastList = draft.lastList;
  draft.lastList = undefined;
  if (node.type === 'table') {
    if (place === 'lessons') return;
    const section = actionSection(ctx);
    if (section) draft.withBlocks.add(section);
    readActionTable(ctx, node, draft, scope);
    return;
  }
  if (node.type !== 'paragraph') {
    // An HTML comment between a label and its list keeps the label in force.
    if (node.type === 'html' && pending) draft.pending = pending;
    return;
  }
  readActionParagraph(ctx, node, draft, place, scope, pending, lastList);
}

/** A paragraph: a labelled item, a label or lead-in for the next block, a ticket for the list above, or prose. */
function readActionParagraph(
  ctx: ParseContext, node: Paragraph, draft: ActionsDraft, place: ActionPlace, scope: ActionScope,
  pending: Pending | undefined, lastList: ActionsDraft['lastList'],
): void {
  const s = spanOf(ctx, node);
  if (!s || s.text.trim() === '') return;
  const endLine = node.position?.end.line ?? 0;
  const item = (span: Span, state: ActionState | undefined, minWords = 1): ItemDraft | undefined => {
    const d = readInlineItem(span, ctx.index, { ...scope, state: state ?? scope.state }, 'paragraph');
    if (d.item.action.text.split(' ').length < minWords) return undefined;
    settleStates([d]);
    draft.items.push(d.item);
    const colon = plainOf(span).endsWith(':');
    draft.pending = { state: undefined, label: false, detailOf: d.item, endLine, colon };
    return d;
  };

  // `Action point: create an announcement list`.
  const itemLabel = ITEM_LABEL.exec(s.text);
  // Several labelled lines in one paragraph (`Action point: A` / `Action point: B`): one item each.
  const labelledLines = itemLabel ? s.text.split('\n') : [];
  if (labelledLines.length > 1 && labelledLines.every((l) => ITEM_LABEL.test(l))) {
    let at = 0;
    for (const l of labelledLines) {
      const label = ITEM_LABEL.exec(l)!;
      const rest = sliceSpan(s, at + label[0].length, at + l.length);
      if (plainOf(rest) !== '') item(rest, undefined);
      at += l.length + 1;
    }
    return;
  }
  if (itemLabel) {
    const rest = sliceSpan(s, itemLabel[0].length);
    if (plainOf(rest) === '') draft.pending = { state: undefined, label: true, detailOf: undefined, endLine, colon: true };
    else item(rest, undefined);
    return;
  }
  // `**Actions planned:**` (the next block holds the items) or `**Action taken:** Documented …` (this one does).
  const actionsLabel = ACTIONS_LABEL.exec(s.text);
  if (actionsLabel) {
    const state = stateOfHeading(actionsLabel[1]!) ?? 'open';
    const rest = sliceSpan(s, actionsLabel[0].length);
    if (plainOf(rest) === '') draft.pending = { state, label: true, detailOf: undefined, endLine, colon: true };
    else item(rest, state);
    return;
  }
  // `**DONE**: Alex added the blog to monitoring`, `**TODO** an exporter for ZFS`.
  if (STATUS_PARAGRAPH.test(s.text) || (place === 'actions' && PLAIN_STATUS_PARAGRAPH.test(s.text))) {
    // At least three words: a bare `**TODO**` or `TODO: fill in` is a placeholder, not an item.
    item(s, undefined, 3);
    return;
  }
  // The paragraph right after a label is the item: `**Action taken:**` then `Our runbook now …`.
  if (pending?.label) {
    if (!isLinkOnly(s.text)) item(s, pending.state);
    return;
  }
  if (place === 'lessons') return;
  // `Completed:` before a list: its items are done.
  if (isLeadIn(s)) {
    const state = stateOfHeading(plainOf(s));
    draft.pending = { state, label: false, detailOf: undefined, endLine, colon: false };
    return;
  }
  // A paragraph after a list that links its ticket (`[see here for an issue](…)`) tracks the list's items.
  const fields = readInlineFields(s.text, draft.definitions);
  if (lastList && fields.fields.ticket?.value !== undefined) {
    const t = fields.fields.ticket;
    const raw = s.text.slice(t.valueStart, t.valueEnd).trim();
    const ticket: Field = { text: raw, value: t.value, range: ctx.index.range(s.offset + t.valueStart, s.offset + t.valueStart + raw.length), origin: 'inline' };
    for (const i of lastList.items) if (i.ticket.origin === 'missing') i.ticket = ticket;
    return;
  }
  // `… it might be good to clean up (#631) by doing one of:` and the options below it: one item.
  if (OPTIONS_LEAD.test(plainOf(s))) {
    item(s, undefined);
    return;
  }
  // A paragraph that states an action counts when its section has no list or table of items.
  // A template's instruction (`*Provide recommendations …*`) is none.
  const section = actionSection(ctx);
  if (!section || isLinkOnly(s.text) || plainOf(s).endsWith(':') || blockContent(ctx, node) !== 'text') return;
  const modal = PROSE_ACTION.exec(plainOf(s));
  if (!(modal && !/^(?:could|might|may)$/i.test(modal[0])) && !fields.state && !startsWithImperative(plainOf(s))) return;
  if (plainOf(s).split(/\s+/).length < 4) return;
  for (const span of itemLines(s)) {
    const d = readInlineItem(span, ctx.index, scope, 'paragraph');
    settleStates([d]);
    draft.prose.push({ section, item: d.item });
  }
}

/**
 * The items of a paragraph that states actions: one per line when its lines read as a list written
 * without markers (each starts with a capital, and most are requests or short: `Add a status page.`
 * / `More automated alarms.`), else the whole paragraph (sentences that carry one thought).
 */
function itemLines(s: Span): Span[] {
  const lines = spanLines(s).map(trimSpan).filter((l) => l.text !== '');
  if (lines.length < 2 || !lines.every((l) => /^\p{Lu}/u.test(l.text))) return [s];
  const listy = lines.filter((l) => startsWithImperative(l.text) || l.text.length <= 80).length;
  return listy * 2 >= lines.length + 1 ? lines : [s];
}

/** Adds a list under a paragraph item to its detail; a status in it (`This has been done.`) is the item's. */
function addDetail(ctx: ParseContext, list: RootContent, item: ActionItem, scope: ActionScope): void {
  if (list.type !== 'list') return;
  const texts: string[] = [];
  for (const li of list.children) {
    for (const c of li.children) {
      const s = spanOf(ctx, c);
      if (!s) continue;
      const t = plainActionText(s.text);
      if (t !== '') texts.push(t);
      if (item.ticket.origin === 'missing' && c.type === 'paragraph') {
        const ticket = readInlineFields(s.text, scope.definitions).fields.ticket;
        if (ticket?.value !== undefined) {
          const raw = s.text.slice(ticket.valueStart, ticket.valueEnd).trim();
          item.ticket = { text: raw, value: ticket.value, range: ctx.index.range(s.offset + ticket.valueStart, s.offset + ticket.valueStart + raw.length), origin: 'inline' };
        }
      }
    }
  }
  item.details.push(...texts);
  if (item.state === 'open' && texts.length > 0 && /^(?:this|it) (?:has|have) been (?:done|completed|fixed|implemented)\b|^(?:done|completed)\b/i.test(texts[0]!)) {
    item.state = 'done';
    item.done = true;
  }
  const whole = spanOf(ctx, list);
  if (whole) item.extent = { start: item.extent.start, end: ctx.index.position(whole.offset + whole.text.trimEnd().length) };
}

/**
 * Adds the paragraphs that state actions in sections that hold no list or table, and sorts items by
 * line. A document that keeps its action items in a table keeps them all there: its paragraphs
 * elsewhere (`What will we change?`) discuss rather than list.
 */
export function finishActions(draft: ActionsDraft): ActionItem[] {
  if (draft.tables.length > 0) return draft.items;
  const prose = draft.prose.filter((p) => !draft.withBlocks.has(p.section)).map((p) => p.item);
  if (prose.length === 0) return draft.items;
  return [...draft.items, ...prose].sort((a, b) => a.line - b.line);
}
