/**
 * Reads contributing factors where people write them: the items of a contributing-factors section,
 * the causes a root-cause section lists as several (`three compounding factors:`, a numbered list,
 * a `Causes` heading), and the points under What went wrong.
 */
import type { List, RootContent } from 'mdast';
import type { ContributingFactor, Section } from '../model';
import { allSections, hasKind } from '../sections';
import { normalizeLabel, plainInline } from '../text';
import { paragraphs } from './blocks';
import { isTemplateText } from './content';
import type { ParseContext } from './context';
import { spanOf } from './context';

/** Each item of a list is one factor: the text of its first block, the range of the whole item. Template items are none. */
export function readFactors(ctx: ParseContext, node: RootContent, out: ContributingFactor[], source: ContributingFactor['source'] = 'contributing-factors'): void {
  if (node.type !== 'list') return;
  for (const item of node.children) {
    const s = spanOf(ctx, item);
    const content = item.children[0] ? spanOf(ctx, item.children[0]) : undefined;
    if (s && content && !isTemplateText(content.text)) {
      out.push({ text: plainInline(content.text), range: ctx.index.range(content.offset, s.offset + s.text.trimEnd().length), source });
    }
  }
}

/** What went wrong: each item of a list, or each paragraph of prose, is a factor. */
export function readWentWrong(ctx: ParseContext, node: RootContent, out: ContributingFactor[]): void {
  if (node.type === 'list') readFactors(ctx, node, out, 'what-went-wrong');
  else if (node.type === 'paragraph') {
    const s = spanOf(ctx, node);
    if (s && !isTemplateText(s.text)) out.push({ text: plainInline(s.text), range: ctx.index.range(s.offset, s.offset + s.text.trimEnd().length), source: 'what-went-wrong' });
  }
}

/**
 * A sentence that says how the cause got through: `nobody noticed`, `was not caught`, `did not check
 * for negative values`, `no alert was configured`, `Why doesn't the fee market prevent this?`.
 */
const GOT_THROUGH = /\b(?:went unnoticed|go unnoticed|gone unnoticed|(?:nobody|no one|no-one) noticed|(?:was|were|is|are)(?: not|n['\u2019]t)(?: able to)? (?:caught|catch|noticed|notice|detected|detect|tested|prevented|validated|checked|reviewed)|(?:did|does|do)(?: not|n['\u2019]t) (?:catch|notice|detect|prevent|check|validate|test|alert|realize|realise)|no (?:alert|alerting|monitoring|check|test|tests|validation)(?: \w{1,20})? (?:was|were) (?:configured|set up|in place|run)|should have been caught|would have caught|why (?:did|does|do|was|were|is|are|has|have)(?: not|n['\u2019]t)? (?:[\w'\u2019-]{1,20} ){0,8}?(?:not )?(?:prevent|catch|caught|detect|notice|test|check|alert|stop))\b/i;

/** In a root-cause analysis, a further cause joined to the first: `Furthermore, …`, `combined with rapid user growth`. */
const FURTHER_CAUSE = /(?:^|[.!?]\s+|\n)(?:furthermore|additionally|moreover|in addition|on top of (?:that|this)|another (?:[a-z-]{1,20} ){0,2}(?:issue|problem|factor|cause))\b|\b(?:combined with|in combination with|compounded by|coupled with|exacerbated by|amplified by|made worse by)\b/i;

/** The sentence around a position, as plain text. */
function sentenceAt(raw: string, index: number): string {
  const text = raw.replace(/\s/g, ' ');
  const before = text.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! ')) + 1;
  const ends = ['. ', '? ', '! '].map((d) => text.indexOf(d, index)).filter((i) => i >= 0);
  return plainInline(text.slice(start, ends.length > 0 ? Math.min(...ends) + 1 : text.length));
}

/**
 * Sentences outside the timeline and the action items that say how the cause got through (see
 * GOT_THROUGH), and in a root-cause section those that join a further cause: each is a factor.
 */
export function readGotThrough(ctx: ParseContext, node: RootContent, inRootCause: boolean, out: ContributingFactor[]): void {
  for (const p of paragraphs(node)) {
    const s = spanOf(ctx, p);
    if (!s) continue;
    const m = GOT_THROUGH.exec(s.text) ?? (inRootCause ? FURTHER_CAUSE.exec(s.text) : null);
    if (!m) continue;
    out.push({ text: sentenceAt(s.text, m.index + m[0].length - 1), range: ctx.index.range(s.offset, s.offset + s.text.trimEnd().length), source: inRootCause ? 'root-cause' : 'prose' });
  }
}

/**
 * A root-cause section split into two or more subsections of no recognised kind (`### Builder sent
 * invalid blocks`, `### Relay demotion failed`) gives one cause in each: each heading is a factor.
 */
export function causesInSubsections(sections: readonly Section[], out: ContributingFactor[]): void {
  for (const s of allSections(sections)) {
    if (!hasKind(s, 'root-cause')) continue;
    const parts = s.children.filter((c) => !c.kind && c.content === 'text');
    if (parts.length < 2) continue;
    for (const c of parts) out.push({ text: c.title, range: c.headingRange, source: 'root-cause' });
  }
}

/** `three compounding factors`, `caused by two factors`, `several issues`: a sentence announcing several causes. */
const SEVERAL_CAUSES = /\b(?:two|three|four|five|six|seven|several|multiple|many|a few|a number of|a combination of|\d{1,2})[ \t]+(?:[a-z-]{1,20}[ \t]+)?(?:factors|causes|reasons|issues|problems|contributors|flaws|failures|root causes)\b/i;
/** A heading that names causes in the plural: `Causes`, `Root causes`, `The flaws`. */
const PLURAL_CAUSES = /\b(?:causes|factors|flaws|reasons|contributors)\b/;

/** Sections whose lists already announce several causes (by their heading or a sentence in them). */
export type AnnouncedCauses = WeakSet<Section>;

/**
 * In a root-cause section, a list names several causes when it is numbered with two or more
 * items, or when the section (or a subsection of it) announces several: each item is a factor.
 * A numbered list of whys is a chain, not factors.
 */
export function readCauseFactors(ctx: ParseContext, node: RootContent, announced: AnnouncedCauses, out: ContributingFactor[]): void {
  const from = ctx.stack.findIndex((s) => hasKind(s, 'root-cause'));
  if (from < 0) return;
  const open = ctx.stack.slice(from);
  for (const s of open) if (PLURAL_CAUSES.test(normalizeLabel(s.title))) announced.add(s);
  if (node.type === 'paragraph') {
    if (SEVERAL_CAUSES.test(spanOf(ctx, node)?.text ?? '')) announced.add(open[open.length - 1]!);
    return;
  }
  if (node.type !== 'list') return;
  if (open.some((s) => announced.has(s)) || (node.ordered === true && node.children.length >= 2 && !isWhyList(ctx, node))) {
    readFactors(ctx, node, out, 'root-cause');
  }
}

function isWhyList(ctx: ParseContext, list: List): boolean {
  const whys = list.children.filter((item) => /^\s*(?:\d{1,3}[.)]\s*)?(?:\*\*|__)?why\b/i.test(spanOf(ctx, item)?.text ?? ''));
  return whys.length * 2 >= list.children.length;
}
