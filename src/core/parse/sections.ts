/** Builds the section tree from headings as the walk meets them, and notes what each section holds. */
import type { Heading, RootContent } from 'mdast';
import type { Section, SectionContent, SectionKind } from '../model';
import type { SectionSample } from '../sections';
import { sectionKindsOf } from '../sections';
import { plainInline } from '../text';
import { moreContent } from './content';
import type { ParseContext } from './context';
import { currentKind, spanOf } from './context';

/** A sentence that names a cause: `This was caused by two factors`, `The root cause is …`. */
const CAUSE_STATEMENT = /\b(?:caused by|root cause (?:was|is|of)|the cause (?:was|is)|was due to|were due to)\b/i;

/**
 * Opens the section of a heading: closes open sections of the same or a deeper level, and adds
 * the new one under its parent (or to `roots`). Returns it with the kind of the recognised section
 * it sits in, or undefined for a heading without a position. The blocks of `following` from index
 * `from` on are looked at only for a wording whose kind depends on them (`Conclusion`, `Mitigations`).
 */
export function openSection(ctx: ParseContext, roots: Section[], node: Heading, following: readonly RootContent[] = [], from = 0): { section: Section; parentKind: SectionKind | undefined } | undefined {
  const s = spanOf(ctx, node);
  if (!s) return undefined;
  const title = plainInline(headingContent(s.text));
  closeSections(ctx, node.depth, s.offset);
  const headingRange = ctx.index.range(s.offset, s.offset + s.text.trimEnd().length);
  const parentKind = currentKind(ctx);
  const isTitle = node.depth === 1 && roots.length === 0;
  const [kind, ...also] = sectionKindsOf(title, { within: parentKind, title: isTitle, sample: () => sampleSection(ctx, node.depth, following, from) });
  const section: Section = { title, depth: node.depth, kind, headingRange, range: headingRange, content: 'none', children: [] };
  if (also.length > 0) section.also = also;
  // A subheading that names no section is content of the sections around it (`### 13:35`, `### Public endpoint`).
  if (!kind) noteContent(ctx, 'text');
  const parent = ctx.stack[ctx.stack.length - 1];
  if (parent) parent.children.push(section);
  else roots.push(section);
  ctx.stack.push(section);
  return { section, parentKind };
}

/** What the blocks under a heading hold, up to the next heading of the same or a higher level. */
function sampleSection(ctx: ParseContext, depth: number, following: readonly RootContent[], from: number): SectionSample {
  const sample: SectionSample = { hasList: false, statesCause: false };
  for (let i = from; i < following.length; i++) {
    const node = following[i]!;
    if (node.type === 'heading' && node.depth <= depth) break;
    if (node.type === 'list' || node.type === 'table') sample.hasList = true;
    if (node.type === 'paragraph' && !sample.statesCause) sample.statesCause = CAUSE_STATEMENT.test(spanOf(ctx, node)?.text ?? '');
  }
  return sample;
}

/** Records what a block holds on every section open around it. */
export function noteContent(ctx: ParseContext, content: SectionContent): void {
  for (const section of ctx.stack) section.content = moreContent(section.content, content);
}

/** Closes open sections of `depth` or deeper; each ends at the last non-blank character before `offset`. */
export function closeSections(ctx: ParseContext, depth: number, offset: number): void {
  while (ctx.stack.length > 0 && ctx.stack[ctx.stack.length - 1]!.depth >= depth) {
    const section = ctx.stack.pop()!;
    let end = offset;
    while (end > 0 && /\s/.test(ctx.text[end - 1]!)) end--;
    section.range = { start: section.headingRange.start, end: ctx.index.position(Math.max(end, ctx.index.offset(section.headingRange.end))) };
  }
}

/** Heading text without its `#` markers or a closing `#` sequence. */
function headingContent(raw: string): string {
  const line = raw.split(/\r\n|\r|\n/)[0]!;
  if (/^\s{0,3}#/.test(line)) {
    const content = line.replace(/^\s{0,3}#{1,6}/, '').trim();
    // A closing sequence of #s after a space is not part of the heading.
    let end = content.length;
    while (end > 0 && content[end - 1] === '#') end--;
    return end < content.length && (end === 0 || content[end - 1] === ' ' || content[end - 1] === '\t') ? content.slice(0, end).trim() : content;
  }
  // Setext heading: the text is everything before the underline.
  return raw.split(/\r\n|\r|\n/).slice(0, -1).join(' ');
}
