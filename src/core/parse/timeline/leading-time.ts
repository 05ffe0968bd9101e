/** Reads a timestamp at the start of a timeline line, with its date and zone as written. */
import type { TimeZone } from '../../model';
import type { Span } from '../../text';
import { sliceSpan } from '../../text';
import { ZONE_PATTERN, parseDate, parseZone } from '../../time';

/** A timestamp read at the start of a line, before zones and dates are resolved. */
export interface RawTime {
  hour: number;
  minute: number;
  second: number;
  date: string | undefined;
  zone: TimeZone | undefined;
  /** Offsets of the timestamp as written. */
  start: number;
  end: number;
}

const OPEN_MARKERS = /^(?:\*\*|__|\*|_|`|\[|\()*/;
const CLOSE_MARKERS = /^(?:\*\*|__|\*|_|`|\]|\))*/;
const DATE_TIME = /^(?:(\d{4}-\d{2}-\d{2})(?:T|,?\s{1,3}))?(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?/;
/** A zone right after a time: `Z`, `+02:00`, ` UTC`, ` (PDT)`. */
export const ZONE_AFTER = new RegExp(String.raw`^(?:(Z|[+\u2212-]\d{2}:?\d{2})(?![\w:])|\s?\(?(${ZONE_PATTERN})\)?(?![\w/]))`);
const SEPARATOR = /^\s*(?:[\u2014\u2013]|-{1,2}|:|\||\u00b7|=>|->|\u2192)?\s*/;

/**
 * Reads a timestamp at the start of a line: `**14:23** — text`, `14:23 UTC: text`,
 * `2025-06-14 23:40 text`, `2025-06-14T23:40:00Z text`, `[09:00 PDT] text`. Returns the time and the
 * rest of the line after the separator, or undefined when the line does not start with a time.
 */
export function readLeadingTime(span: Span, date?: string): { time: RawTime; rest: Span } | undefined {
  const text = span.text;
  let pos = text.length - text.trimStart().length;
  pos += OPEN_MARKERS.exec(text.slice(pos))![0].length;
  const m = DATE_TIME.exec(text.slice(pos, pos + 64));
  if (!m) return undefined;
  const start = pos;
  let hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? 0);
  const ampm = m[5]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const eventDate = m[1] !== undefined ? parseDate(m[1]) : undefined;
  if (m[1] !== undefined && !eventDate) return undefined;
  pos += m[0].length;
  // A time glued to more digits or letters is not a timestamp (`14:23abc`, `1:05:07:09`); `Z` is a zone.
  const next = text.charAt(pos);
  if (/[\d:]/.test(next) || (/[A-Za-z]/.test(next) && next !== 'Z')) return undefined;
  let end = pos;
  let zone: TimeZone | undefined;
  const readZone = () => {
    const z = ZONE_AFTER.exec(text.slice(pos, pos + 48));
    if (!z) return;
    const parsed = parseZone(z[1] ?? z[2]!, 'event', eventDate ?? date);
    if (!parsed) return;
    zone = parsed;
    pos += z[0].length;
    end = pos;
  };
  readZone();
  pos += CLOSE_MARKERS.exec(text.slice(pos))![0].length;
  if (!zone) readZone();
  const sep = SEPARATOR.exec(text.slice(pos))!;
  const restStart = pos + sep[0].length;
  return {
    time: { hour, minute, second, date: eventDate, zone, start: span.offset + start, end: span.offset + end },
    rest: sliceSpan(span, restStart),
  };
}

