/** Helpers for walking the blocks of a section. */
import type { Nodes, Paragraph } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';

/** Every paragraph inside a block, in order, not descending into tables (or into paragraphs). */
export function paragraphs(node: Nodes): Paragraph[] {
  const out: Paragraph[] = [];
  visit(node, (n) => {
    if (n.type === 'table') return SKIP;
    if (n.type === 'paragraph') {
      out.push(n);
      return SKIP;
    }
    return undefined;
  });
  return out;
}
