/** Builds the section tree from headings as the walk meets them. */
import type { Heading } from 'mdast';
import type { Section, SectionKind } from '../model';
import { sectionKindOf } from '../sections';
import { plainInline } from '../text';
import type { ParseContext } from './context';
import { currentKind, spanOf } from './context';

/**
 * Opens the section of a heading: closes open sections of the same or a deeper level, and adds
 * the new one under its parent (or to `roots`). Returns it with the kind of the recognised section
 * it sits in, or undefined for a heading without a position.
 */
export function openSection(ctx: ParseContext, roots: Section[], node: Heading): { section: Section; parentKind: SectionKind | undefined } | undefined {
  const s = spanOf(ctx, node);
  if (!s) return undefined;
  const title = plainInline(headingContent(s.text));
  closeSections(ctx, node.depth, s.offset);
  const headingRange = ctx.index.range(s.offset, s.offset + s.text.trimEnd().length);
  const parentKind = currentKind(ctx);
  const section: Section = { title, depth: node.depth, kind: sectionKindOf(title), headingRange, range: headingRange, children: [] };
  const parent = ctx.stack[ctx.stack.length - 1];
  if (parent) parent.children.push(section);
  else roots.push(section);
  ctx.stack.push(section);
  return { section, parentKind };
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
