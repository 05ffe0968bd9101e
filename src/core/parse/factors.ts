/** Reads contributing factors: the items of lists in a contributing-factors section. */
import type { RootContent } from 'mdast';
import type { ContributingFactor } from '../model';
import { plainInline } from '../text';
import type { ParseContext } from './context';
import { spanOf } from './context';

/** Each item of a list is one factor: the text of its first block, the range of the whole item. */
export function readFactors(ctx: ParseContext, node: RootContent, out: ContributingFactor[]): void {
  if (node.type !== 'list') return;
  for (const item of node.children) {
    const s = spanOf(ctx, item);
    const content = item.children[0] ? spanOf(ctx, item.children[0]) : undefined;
    if (s && content) {
      out.push({ text: plainInline(content.text), range: ctx.index.range(content.offset, s.offset + s.text.trimEnd().length) });
    }
  }
}
