/**
 * Reads timeline entries written as lines of a paragraph (`14:23 UTC: text`), one paragraph per
 * event, or a time on a line of its own with the text in the paragraph below; and date lines
 * (`**Monday 12 May**`) and zone sentences among them.
 */
import type { Paragraph } from 'mdast';
import type { Span } from '../../text';
import { readStatedMetric } from '../metrics';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { dateInHeading, dateLine, setDate } from './dates';
import { withDayShift } from './list';
import type { TimelineDraft } from './index';
import type { RawTime } from './leading-time';
import { readLeadingTime } from './leading-time';
import { isAttributeLine, timelineLines } from './lines';
import { pushEvent } from './raw';
import { zoneInText } from './zones';

/**
 * Each line that starts with a time starts an event; lines after it continue it. A date line sets
 * the date for what follows; a sentence may state the zone (`All times are UTC.`); a stated metric
 * (`**Time to detect:** 11 minutes`) and a kramdown attribute line are neither events nor their text.
 * When the paragraph before held only a time, this paragraph's first lines are that event's text.
 */
export function readTimelineParagraph(ctx: ParseContext, p: Paragraph, draft: TimelineDraft): void {
  const s = spanOf(ctx, p);
  if (!s) return;
  const pending = draft.pending;
  draft.pending = undefined;
  if (readDefaultDay(ctx, s.text)) return;
  let current: { lead: Span; time: RawTime; extra: Span[]; start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    if (current.lead.text === '' && current.extra.length > 0) current.lead = current.extra.shift()!;
    const whole = { text: ctx.text.slice(current.start, current.end), offset: current.start };
    pushEvent(ctx, draft.events, { time: current.time, lead: current.lead, extra: current.extra, whole, source: 'paragraph' });
    const event = draft.events[draft.events.length - 1]!;
    draft.pending = event.lead.text === '' ? event : undefined;
    current = undefined;
  };
  let fill = pending;
  for (const line of timelineLines(s)) {
    if (line.text === '') continue;
    const lead = withDayShift(ctx, readLeadingTime(line, ctx.dates.current));
    if (lead) {
      fill = undefined;
      flush();
      current = { lead: lead.rest, time: lead.time, extra: [], start: line.offset, end: line.offset + line.text.length };
      continue;
    }
    if (isAttributeLine(line.text) || readStatedMetric(line, ctx.index)) {
      fill = undefined;
      flush();
      continue;
    }
    // A zone statement may name the day too: `All times in PST, on February 5th 2019`.
    const zone = line.text.length < 80 ? zoneInText(line.text, 'section-text', ctx.dates.incident) : undefined;
    const d = zone ? dateInHeading(line.text, ctx.dates.order) : line.text.length < 48 ? dateLine(line, ctx.dates.current ?? ctx.dates.incident, ctx.dates.order) : undefined;
    if (d) {
      fill = undefined;
      flush();
      setDate(ctx, d);
      if (zone) ctx.zones.section ??= zone;
      continue;
    }
    if (zone) {
      fill = undefined;
      flush();
      ctx.zones.section ??= zone;
      continue;
    }
    if (current) {
      current.extra.push(line);
      current.end = line.offset + line.text.length;
      continue;
    }
    if (fill) {
      // The text of an event whose time stood alone in the paragraph before.
      if (fill.lead.text === '') fill.lead = line;
      else fill.textSpans.push(line);
      fill.range = { start: fill.range.start, end: ctx.index.position(line.offset + line.text.length) };
    }
  }
  flush();
}

/** `Unless otherwise noted all events happened on 2019-10-21`, `All events are on June 3 unless stated`. */
const DEFAULT_DAY = /\bunless (?:otherwise )?(?:noted|stated|specified|mentioned)\b|\ball (?:events|entries)\b[^.\n]{0,30}\b(?:on|happened on|occurred on|took place on)\s/i;

/**
 * A paragraph that states the day of every entry unless noted (and often the zone): sets that day
 * for the whole timeline, so an entry dated the day before does not move the date in force.
 */
function readDefaultDay(ctx: ParseContext, text: string): boolean {
  if (text.length > 300 || !DEFAULT_DAY.test(text)) return false;
  const flat = text.replace(/\s+/g, ' ');
  const d = dateInHeading(flat, ctx.dates.order);
  if (!d) return false;
  setDate(ctx, d);
  ctx.dates.fixed = d;
  const zone = zoneInText(flat, 'section-text', d);
  if (zone) ctx.zones.section ??= zone;
  return true;
}
