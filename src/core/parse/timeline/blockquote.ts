/**
 * Timelines quoted from a chat or a status page: a block quote in the timeline section whose lines
 * start with a time (`> 14:05 Rollback started`). Each such line starts an event, the lines after
 * it continue it; a quote with no line that starts with a time holds no events.
 */
import type { Blockquote } from 'mdast';
import type { Span } from '../../text';
import { sliceSpan, spanLines, trimSpan } from '../../text';
import { spanOf } from '../context';
import type { TimelineReader } from './index';
import { readLeadingTime } from './leading-time';
import { readTimedLines } from './code';

/** A line of a quote without its `>` markers (nested quotes too), keeping offsets. */
function unquoted(line: Span): Span {
  let i = 0;
  const t = line.text;
  while (i < t.length && (t[i] === '>' || t[i] === ' ' || t[i] === '\t')) i++;
  return sliceSpan(line, i);
}

export const quotedTimeline: TimelineReader = {
  shape: 'a block quote whose lines start with a time',
  types: ['blockquote'],
  read(ctx, node, draft) {
    const lines = (node as Blockquote).children.flatMap((c) => {
      const s = c.type === 'paragraph' ? spanOf(ctx, c) : undefined;
      return s ? spanLines(s).map(unquoted) : [];
    });
    if (!lines.some((line) => readLeadingTime(line, ctx.dates.current) !== undefined)) return false;
    readTimedLines(ctx, draft, lines.map(trimSpan).filter((l) => l.text !== ''), 'quote');
    return true;
  },
};
