/**
 * Reads sections written without a heading: labels that name a section (Google SRE's header
 * fields `**Summary**: …`, `- Impact: …`, `Action point: …`, a `**Root causes:**` paragraph before
 * a list) and the paragraphs under the title, which say what happened when no heading does.
 */
import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import type { ContributingFactor, FieldSection, SectionContent, SectionKind } from '../model';
import { sectionKindsOf } from '../sections';
import type { Span } from '../text';
import { plainInline, spanLines } from '../text';
import { blockContent, isTemplateText } from './content';
import type { ParseContext } from './context';
import { spanOf } from './context';
import { readFactors } from './factors';

/** `**Impact**: …`, `**Root Causes:** …`, `__Trigger__ …` at the start of a line; group 1 is the label, 2 what follows. */
const BOLD_LABEL = /^[ \t]{0,3}(?:\p{Extended_Pictographic}\uFE0F?[ \t]{0,2})?(?:\*\*|__)[ \t]{0,2}([^*_:\n]{1,60}?)[ \t]{0,2}:?[ \t]{0,2}(?:\*\*|__)(?:[ \t]{0,2}:)?([^\n]*)$/u;
/** `Summary: …`, `👎 What went wrong:` at the start of a line; group 1 is the label, 2 what follows. */
const PLAIN_LABEL = /^[ \t]{0,3}(?:\p{Extended_Pictographic}\uFE0F?[ \t]{0,2})?([A-Z][A-Za-z' &/-]{1,60}?)[ \t]{0,2}:(?=[ \t]|$)([^\n]*)$/u;

/** Most words in a section label: a longer phrase before a colon is a sentence (`The root cause of this was: …`). */
const LABEL_WORDS_MAX = 6;

/**
 * A line that starts with a section label: the kind, the label as written and what follows it.
 * Wordings whose kind depends on a section's content (`Conclusion`) name none as labels.
 */
function labelAt(line: string): { kind: SectionKind; label: string; value: string } | undefined {
  const m = BOLD_LABEL.exec(line) ?? PLAIN_LABEL.exec(line);
  if (!m) return undefined;
  const label = plainInline(m[1]!).trim();
  // A bold phrase without a colon only labels a section when it stands alone on its line.
  if (BOLD_LABEL.test(line) && !/:/.test(line.slice(0, line.length - m[2]!.length)) && m[2]!.trim() !== '') return undefined;
  if (label.split(/\s+/).length > LABEL_WORDS_MAX) return undefined;
  const kind = sectionKindsOf(label)[0];
  return kind ? { kind, label, value: m[2]!.trim() } : undefined;
}

/** Where the walk is: fields with a value are entries in a timeline and details of action items. */
export interface FieldPlace {
  /** The kind of the recognised section around the block, if any. */
  within: SectionKind | undefined;
}

/** Labels inside a timeline or action items are parts of their entries (`- Detection: add an alert`). */
const ENTRY_SECTIONS: ReadonlySet<SectionKind> = new Set(['timeline', 'action-items']);

/**
 * Reads the field sections of one top-level block; `next` is the block after it (what a label
 * standing alone introduces). Lists after a `**Root causes:**` or `What went wrong:` label are
 * read as contributing factors.
 */
export function readFieldSections(ctx: ParseContext, node: RootContent, next: RootContent | undefined, place: FieldPlace, out: FieldSection[], factors: ContributingFactor[]): void {
  if (node.type === 'paragraph') readParagraphFields(ctx, node, next, place, out, factors);
  else if (node.type === 'list' && !(place.within && ENTRY_SECTIONS.has(place.within))) readListFields(ctx, node, out, factors);
}

/** Each line of a paragraph that starts with a label; a label alone on the paragraph introduces the next block. */
function readParagraphFields(ctx: ParseContext, node: Paragraph, next: RootContent | undefined, place: FieldPlace, out: FieldSection[], factors: ContributingFactor[]): void {
  const s = spanOf(ctx, node);
  if (!s) return;
  const lines = spanLines(s);
  if (lines.length === 1 && next && next.type !== 'heading') {
    const label = labelAt(lines[0]!.text);
    if (label && label.value === '') {
      const n = spanOf(ctx, next);
      if (!n) return;
      out.push(field(ctx, label, lines[0]!, n.offset + n.text.trimEnd().length, blockContent(ctx, next)));
      if (next.type === 'list') readFactorList(ctx, next, label.kind, factors);
      return;
    }
  }
  if (place.within && ENTRY_SECTIONS.has(place.within)) return;
  lines.forEach((line, i) => {
    const label = labelAt(line.text);
    if (!label || label.value === '') return;
    // The value runs to the next labelled line of the paragraph.
    let last = i;
    while (last + 1 < lines.length && !labelAt(lines[last + 1]!.text)) last++;
    const end = lines[last]!.offset + lines[last]!.text.trimEnd().length;
    const value = [label.value, ...lines.slice(i + 1, last + 1).map((l) => l.text)].join('\n');
    out.push(field(ctx, label, line, end, isTemplateText(value) ? 'placeholder' : 'text'));
  });
}

/** Items of a list that start with a label (`- Summary: …`); a nested list under the label is its value. */
function readListFields(ctx: ParseContext, list: List, out: FieldSection[], factors: ContributingFactor[]): void {
  for (const item of list.children) {
    const first = item.children[0];
    const s = first?.type === 'paragraph' ? spanOf(ctx, first) : undefined;
    const whole = spanOf(ctx, item);
    if (!s || !whole) continue;
    const line = spanLines(s)[0]!;
    const label = labelAt(line.text);
    if (!label) continue;
    const rest = [label.value, ...spanLines(s).slice(1).map((l) => l.text)].join('\n');
    const content = itemValueContent(ctx, item, rest);
    out.push(field(ctx, label, line, whole.offset + whole.text.trimEnd().length, content));
    for (const child of item.children.slice(1)) if (child.type === 'list') readFactorList(ctx, child, label.kind, factors);
  }
}

/** What an item holds after its label: its own text, else its nested blocks. */
function itemValueContent(ctx: ParseContext, item: ListItem, rest: string): SectionContent {
  if (!isTemplateText(rest)) return 'text';
  const nested = item.children.slice(1).map((c) => blockContent(ctx, c as RootContent));
  return nested.includes('text') ? 'text' : nested.length > 0 || rest.trim() !== '' ? 'placeholder' : 'none';
}

/** A list under a label of root causes, contributing factors or what went wrong: each item one factor. */
function readFactorList(ctx: ParseContext, list: List, kind: SectionKind, factors: ContributingFactor[]): void {
  if (kind === 'contributing-factors') readFactors(ctx, list, factors, 'contributing-factors');
  else if (kind === 'what-went-wrong') readFactors(ctx, list, factors, 'what-went-wrong');
  else if (kind === 'root-cause' && list.children.length >= 2) readFactors(ctx, list, factors, 'root-cause');
}

function field(ctx: ParseContext, label: { kind: SectionKind; label: string }, line: Span, end: number, content: SectionContent): FieldSection {
  const labelRange = ctx.index.range(line.offset + (line.text.length - line.text.trimStart().length), line.offset + line.text.trimEnd().length);
  return { kind: label.kind, form: 'label', label: label.label, labelRange, range: { start: labelRange.start, end: ctx.index.position(end) }, content };
}

/** Fewest words for the paragraphs under the title to tell what happened (`All times UTC.` does not). */
const INTRO_MIN_WORDS = 8;

/**
 * The paragraphs under the title before any other heading: one intro field section of kind
 * summary, grown paragraph by paragraph. Paragraphs of labels (`**Date**: …`) and short notes
 * are not an intro.
 */
export function readIntro(ctx: ParseContext, node: RootContent, out: FieldSection[]): void {
  if (node.type !== 'paragraph') return;
  const s = spanOf(ctx, node);
  if (!s) return;
  const lines = spanLines(s);
  if (lines.some((l) => labelAt(l.text) || /^[ \t]{0,3}(?:\*\*|__)?[A-Z][\w ]{0,30}(?:\*\*|__)?[ \t]{0,2}:/.test(l.text))) return;
  const words = plainInline(s.text).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  if (words < INTRO_MIN_WORDS || isTemplateText(s.text)) return;
  const end = ctx.index.position(s.offset + s.text.trimEnd().length);
  const intro = out.find((f) => f.form === 'intro');
  if (intro) {
    intro.range = { start: intro.range.start, end };
    return;
  }
  const first = lines[0]!;
  const labelRange = ctx.index.range(first.offset, first.offset + first.text.trimEnd().length);
  out.push({ kind: 'summary', form: 'intro', label: '', labelRange, range: { start: labelRange.start, end }, content: 'text' });
}
