/** Reads timeline entries written as lines of a paragraph (`14:23 UTC: text`), and zone sentences. */
import type { Paragraph } from 'mdast';
import type { Span } from '../../text';
import { spanLines, trimSpan } from '../../text';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { dateLine } from './dates';
import type { RawTime } from './leading-time';
import { readLeadingTime } from './leading-time';
import type { RawEvent } from './raw';
import { pushEvent } from './raw';
import { zoneInText } from './zones';

/**
 * Each line that starts with a time starts an event; lines after it continue it. Before the first
 * timed line, a date line sets the date and a sentence may state the zone (`All times are UTC.`).
 */
export function readTimelineParagraph(ctx: ParseContext, p: Paragraph, out: RawEvent[]): void {
  const s = spanOf(ctx, p);
  if (!s) return;
  let current: { lead: Span; time: RawTime; extra: Span[]; start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    const whole = { text: ctx.text.slice(current.start, current.end), offset: current.start };
    pushEvent(ctx, out, { time: current.time, lead: current.lead, extra: current.extra, whole, source: 'paragraph' });
    current = undefined;
  };
  for (const line of spanLines(s)) {
    const t = trimSpan(line);
    if (t.text === '') continue;
    const lead = readLeadingTime(line, ctx.dates.current);
    if (lead) {
      flush();
      current = { lead: lead.rest, time: lead.time, extra: [], start: t.offset, end: t.offset + t.text.length };
      continue;
    }
    if (current) {
      current.extra.push(line);
      current.end = t.offset + t.text.length;
      continue;
    }
    const d = dateLine(line);
    if (d) {
      ctx.dates.current = d;
      continue;
    }
    ctx.zones.section ??= zoneInText(line.text, 'section-text', ctx.dates.incident);
  }
  flush();
}
