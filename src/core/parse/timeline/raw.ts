/** Events as read from the text, before times are resolved against dates and zones. */
import type { TimeZone, TimelineEvent } from '../../model';
import type { Span } from '../../text';
import { plainInline, trimSpan } from '../../text';
import type { ParseContext } from '../context';
import type { RawTime } from './leading-time';

/** An event as read from the text, before times are resolved against dates and zones. */
export interface RawEvent {
  range: TimelineEvent['range'];
  line: number;
  raw: RawTime | undefined;
  /** The date in force where the event was written (a date heading or an earlier dated event). */
  dateContext: string | undefined;
  /** A zone given by the table header of the event's table. */
  tableZone: TimeZone | undefined;
  /** The zone a heading over the event states (a date heading, a later timeline section). */
  localZone?: TimeZone | undefined;
  textSpans: Span[];
  actor: string | undefined;
  /** The text after the timestamp, for actor detection once all names are known. */
  lead: Span;
  source: TimelineEvent['source'];
  /** The day of an event written with a date and no time. */
  day?: string | undefined;
  /** An offset written instead of a time (`+30 minutes`, `T+2h`): minutes after the last timed event. */
  after?: { minutes: number; start: number; end: number } | undefined;
}

/**
 * Adds an event: `time` as read (a date on it becomes the date in force), `lead` the text after the
 * time, `extra` its further lines, `whole` all of it (for the range).
 */
export function pushEvent(
  ctx: ParseContext, out: RawEvent[],
  event: {
    time: RawTime | undefined; lead: Span; extra: Span[]; whole: Span; source: RawEvent['source'];
    tableZone?: TimeZone | undefined; actor?: string | undefined; day?: string | undefined; after?: RawEvent['after'];
  },
): void {
  if (event.time?.date && !ctx.dates.fixed) ctx.dates.current = event.time.date;
  const trimmed = trimSpan(event.whole);
  const range = ctx.index.range(trimmed.offset, trimmed.offset + trimmed.text.length);
  out.push({
    range,
    line: range.start.line,
    raw: event.time,
    dateContext: ctx.dates.current,
    tableZone: event.tableZone,
    localZone: ctx.zones.local,
    textSpans: event.extra.map(trimSpan).filter((x) => x.text !== ''),
    actor: event.actor,
    lead: trimSpan(event.lead),
    source: event.source,
    day: event.time ? undefined : event.day,
    after: event.time ? undefined : event.after,
  });
}

/** `+30 minutes`, `+2h`, `T+90 min`, `+1h30m`: an offset written where a time goes, in minutes. */
export function relativeOffset(text: string): number | undefined {
  const m = /^\s*(?:T\s?)?\+\s?(\d{1,4})\s?(minutes?|mins?|m|hours?|hrs?|h)(?:\s?(\d{1,2})\s?(?:minutes?|mins?|m))?\s*$/i.exec(plainInline(text).replace(/`/g, ''));
  if (!m) return undefined;
  const n = Number(m[1]);
  const hours = /^h/i.test(m[2]!);
  if (!hours && m[3] !== undefined) return undefined;
  return hours ? n * 60 + Number(m[3] ?? 0) : n;
}
