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
import type { RawTime } from './leading-time';
import { readLeadingTime } from './leading-time';
import { pushEvent } from './raw';

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
    const times = lines.map((line) => readLeadingTime(line, ctx.dates.current));
    if (!times.some((t) => t !== undefined)) return false;
    let current: { time: RawTime; lead: Span; extra: Span[]; start: number; end: number } | undefined;
    const flush = () => {
      if (current) pushEvent(ctx, draft.events, { time: current.time, lead: current.lead, extra: current.extra, whole: { text: ctx.text.slice(current.start, current.end), offset: current.start }, source: 'quote' });
      current = undefined;
    };
    lines.forEach((line, i) => {
      const t = trimSpan(line);
      if (t.text === '') return;
      const lead = times[i];
      if (lead) {
        flush();
        current = { time: lead.time, lead: lead.rest, extra: [], start: t.offset, end: t.offset + t.text.length };
      } else if (current) {
        current.extra.push(t);
        current.end = t.offset + t.text.length;
      }
    });
    flush();
    return true;
  },
};
