/** Reads timeline entries written as list items, with grouping items and date lines. */
import type { List, ListItem } from 'mdast';
import type { Span } from '../../text';
import { spanLines } from '../../text';
import { paragraphs } from '../blocks';
import type { ParseContext } from '../context';
import { readStatedMetric } from '../metrics';
import { spanOf } from '../context';
import { dateInHeading, dateLine, dayShiftAt, leadingDate, setDate, shiftedDate } from './dates';
import type { RawTime } from './leading-time';
import { readLeadingTime, timeInSentence } from './leading-time';
import type { RawEvent } from './raw';
import { isAttributeLine, isLinkOnly } from './lines';
import { pushEvent } from './raw';
import { zoneInText } from './zones';

/** Reads each item of a timeline list (and of lists nested in items without a paragraph). */
export function readTimelineList(ctx: ParseContext, list: List, out: RawEvent[]): void {
  for (const item of list.children) readTimelineItem(ctx, item, out);
}

function readTimelineItem(ctx: ParseContext, item: ListItem, out: RawEvent[]): void {
  const first = item.children[0];
  const s = first && first.type === 'paragraph' ? spanOf(ctx, first) : undefined;
  const nested = item.children.filter((c): c is List => c.type === 'list');
  if (!s) {
    for (const l of nested) readTimelineList(ctx, l, out);
    return;
  }
  const lines = spanLines(s);
  const lead = withDayShift(ctx, readLeadingTime(lines[0]!, ctx.dates.current));
  const nestedTimed = nested.some((l) => l.children.some((c) => {
    const p = c.children[0];
    const ps = p && p.type === 'paragraph' ? spanOf(ctx, p) : undefined;
    return ps !== undefined && readLeadingTime(spanLines(ps)[0]!, ctx.dates.current) !== undefined;
  }));
  if (!lead && nestedTimed) {
    // A grouping item (`- June 14` or `- Day 2`) whose children are the events.
    const d = dateInHeading(lines[0]!.text, ctx.dates.order) ?? dateLine(lines[0]!, ctx.dates.current ?? ctx.dates.incident, ctx.dates.order);
    if (d) setDate(ctx, d);
    for (const l of nested) readTimelineList(ctx, l, out);
    return;
  }
  if (!lead && lines.length === 1) {
    // A line that is only a date sets the date for what follows.
    const d = dateLine(lines[0]!, ctx.dates.current ?? ctx.dates.incident, ctx.dates.order);
    if (d) {
      setDate(ctx, d);
      return;
    }
  }
  if (!lead && notAnEvent(ctx, item, lines)) return;
  // An entry written with a day and no time (`- 2021-08-22: text`) is an event of that day.
  const day = lead ? undefined : leadingDate(lines[0]!, ctx.dates.current ?? ctx.dates.incident, ctx.dates.order);
  // `- 2024-06-21:` with the text on the lines under it is that day's entry too.
  const textBelow = lines.length > 1 && lines.slice(1).some((l) => l.text.trim() !== '');
  const dayed = day && (day.rest.text.trim() !== '' || textBelow) ? day : undefined;
  if (dayed) setDate(ctx, dayed.date);
  const itemSpan = spanOf(ctx, item)!;
  const extra: Span[] = lines.slice(1).filter((l) => !isAttributeLine(l.text));
  for (const child of item.children.slice(1)) {
    for (const p of paragraphs(child)) {
      const ps = spanOf(ctx, p);
      if (ps) extra.push(...spanLines(ps));
    }
  }
  // `- DEPO notified OCC of the outage at 12:16 ET on June 16, 2020.`: the time is in the sentence.
  const said = lead ? undefined : timeInSentence(dayed?.rest ?? lines[0]!, dayed?.date ?? ctx.dates.current);
  const time = lead?.time ?? (said && dayed && said.date === undefined ? { ...said, date: dayed.date } : said);
  pushEvent(ctx, out, { time, lead: lead?.rest ?? dayed?.rest ?? lines[0]!, extra, whole: itemSpan, source: 'list', day: time ? undefined : dayed?.date });
}

/**
 * Whether an item without a time is not an event: only links, images or a URL (`- [Dashboard](…)`),
 * a kramdown attribute line, a stated metric (`- Duration: 3 h 25 min`, read as a metric), or a
 * zone statement (`- All times in UTC`, which states the zone of the section).
 */
function notAnEvent(ctx: ParseContext, item: ListItem, written: Span[]): boolean {
  const lines = written.filter((l) => l.text.trim() !== '' && !isAttributeLine(l.text));
  if (lines.length === 0) return true;
  const text = lines.map((l) => l.text).join(' ');
  if (item.children.length === 1 && lines.every((l) => isLinkOnly(l.text))) return true;
  if (lines.length === 1 && readStatedMetric(lines[0]!, ctx.index)) return true;
  const zone = lines.length === 1 && text.length < 80 ? zoneInText(text, 'section-text', ctx.dates.incident) : undefined;
  if (zone) ctx.zones.section ??= zone;
  return zone !== undefined;
}

/** An event time followed by `(next day)` or `+1d`: the time on that day, the text after the marker. */
export function withDayShift(ctx: ParseContext, lead: { time: RawTime; rest: Span } | undefined): { time: RawTime; rest: Span } | undefined {
  const shift = lead && !lead.time.date ? dayShiftAt(lead.rest) : undefined;
  if (!lead || !shift) return lead;
  const date = shiftedDate(ctx.dates, shift.days);
  return { time: date ? { ...lead.time, date } : lead.time, rest: shift.rest };
}
