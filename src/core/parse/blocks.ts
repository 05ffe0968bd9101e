/** Helpers for walking the blocks of a section. */
import type { Nodes, Paragraph } from 'mdast';

/** Every paragraph inside a block, in order, not descending into tables. */
export function paragraphs(node: Nodes): Paragraph[] {
  const out: Paragraph[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'paragraph') out.push(n);
    else if ('children' in n && n.type !== 'table') for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return out;
}
