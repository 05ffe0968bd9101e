/** Reads a timestamp at the start of a timeline line, with its date and zone as written. */
import type { TimeZone } from '../../model';
import type { Span } from '../../text';
import { sliceSpan } from '../../text';
import type { DateOrder, NumericDate } from '../../time';
import { ZONE_PATTERN, numericDate, parseDate, parseZone } from '../../time';

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
  /** A numeric date as written (`03/04/2024`, `09-12`), so its day-month order can be decided later. */
  numericDate?: NumericDate;
  /** Written as approximate: `~14:05`, `approx. 14:05`, `14:05ish`, `± 09:45`. */
  approximate?: boolean;
  /** `AM` or `PM` was written after the time. */
  halfDay?: boolean;
  /** The date was written without its year (`12-05`, `Oct 30th`), which was taken from the context. */
  yearless?: boolean;
}

const OPEN_MARKERS = /^(?:\*\*|__|\*|_|`|\[|\()*/;
const CLOSE_MARKERS = /^(?:\*\*|__|\*|_|`|\]|\))*/;
const APPROXIMATE = /(?:~|\u00b1|\u2248|approx(?:\.|imately)?|ca\.|circa)\s{0,3}/iy;
const WEEKDAY = /(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3}/iy;
const ISO_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/y;
const NUMERIC_DATE = /(\d{1,2})([-/.])(\d{1,2})(?:[-/.](\d{4}))?(?![\d:])/y;
const MONTH_DAY = /([A-Za-z]{3,9})\.?\s{1,3}(\d{1,2})(?:(?:st|nd|rd|th)(?![\dA-Za-z])|(?![\d:A-Za-z]))(?:,?\s{1,3}((?:19|20)\d{2})(?![\d:]|\s(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b))?/y;
const DAY_MONTH = /(\d{1,2})(?:st|nd|rd|th)?\s{1,3}([A-Za-z]{3,9})(?![A-Za-z])\.?(?:,?\s{1,3}((?:19|20)\d{2})(?![\d:]|\s(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b))?/y;
/** Between a date and its time: `T`, a space, `, `, ` @ `, ` at `, `/` (`2023-01-04/11:34`), ` - ` (`24-10-2024 - 08:15`). */
const DATE_TIME_GAP = /(?:T|\/|\s[-\u2013]\s|\s{0,3}(?:,|@|at(?= ))?\s{0,3})/y;
const CLOCK = /(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?/y;
/** `1625` right after a full date (`2022-02-02 1625: text`): a time written without its colon. */
const COMPACT_CLOCK = /([01]\d|2[0-3])([0-5]\d)()(?=:\s|\s?[-\u2013\u2014|]\s|\s(?:UTC|GMT|Z)\b|Z\b)/y;
const COMPACT_CLOCK_ZONED = /([01]\d|2[0-3])([0-5]\d)()(?=\s(?:UTC|GMT|[A-Z]{1,3}[SD]?T)\b|Z\b)/y;
const AM_PM = /\s?([AaPp])\.?[Mm]\.?(?![A-Za-z])/y;
const ISH = /ish(?![A-Za-z])/y;
const DATE_AFTER = /,?\s{1,3}(?:on\s{1,3})?/y;
/** `22:30 UTC (Oct 29)`: the day in parentheses after the time. */
const DATE_IN_PARENS_AFTER = /\s{0,3}\(/y;
const PAREN_CLOSE = /\)/y;
const COLON_IN_MARKERS = /\s{0,2}:(?=\*|_|`|\]|\))/y;
/** A zone right after a time: `Z`, `+02:00`, ` UTC`, ` (PDT)`, ` (Lisbon time)`. */
export const ZONE_AFTER = new RegExp(String.raw`^(?:(Z|[+\u2212-]\d{2}:?\d{2})(?![\w:])|\s?\(?(${ZONE_PATTERN})\)?(?![\w/])|\s(Eastern|Pacific|Central|Mountain)(?![\w/]|\s[A-Z]))`);
/** The end of a time range after its start: ` - 10:30 AM`, `–14:40`. The event is at the start. */
const RANGE_END = /\s?(?:[-\u2013]|to)\s?(\d{1,2}):(\d{2})(?:\s?([AaPp])\.?[Mm]\.?(?![A-Za-z]))?/y;
const SEPARATOR = /^\s*(?:[\u2014\u2013]|-{1,2}|:|\||\u00b7|=>|->|\u2192)?\s*/;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Runs a sticky regex at `pos`. */
function at(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

function isMonthName(word: string): boolean {
  const w = word.toLowerCase();
  return MONTH_NAMES.some((m) => m.startsWith(w) || (w === 'sept' && m === 'september'));
}

interface DateRead {
  date: string | undefined;
  numeric?: NumericDate;
  length: number;
  /** Whether the text is a date but not a real one (`2025-02-30`). */
  invalid: boolean;
  yearless?: boolean;
}

/** Reads a date at `pos`: ISO, numeric, `Feb 3rd [2024]`, `3rd Feb [2024]`, optionally after a weekday. */
function readDate(text: string, pos: number, year: number | undefined, order: DateOrder | undefined, needYear: boolean): DateRead | undefined {
  const weekday = at(WEEKDAY, text, pos);
  const from = pos + (weekday ? weekday[0].length : 0);
  // `Saturday Oct 30th` is a date even without its year; `May 3` alone after a time may be text.
  const yearNeeded = needYear && !weekday;
  const iso = at(ISO_DATE, text, from);
  if (iso) {
    const date = parseDate(`${iso[1]}-${iso[2]}-${iso[3]}`);
    return { date, length: from + iso[0].length - pos, invalid: !date };
  }
  const num = at(NUMERIC_DATE, text, from);
  if (num && !weekday && (num[4] !== undefined || !yearNeeded)) {
    const numeric: NumericDate = { first: Number(num[1]), second: Number(num[3]), year: num[4] !== undefined ? Number(num[4]) : undefined, separator: num[2]! };
    const date = numericDate(numeric, order, year);
    return { date, numeric, length: num[0].length, invalid: !date && numeric.year !== undefined, yearless: numeric.year === undefined };
  }
  const md = at(MONTH_DAY, text, from);
  if (md && isMonthName(md[1]!) && (md[3] !== undefined || !yearNeeded)) {
    const date = parseDate(`${md[1]} ${md[2]}${md[3] !== undefined ? ` ${md[3]}` : ''}`, undefined, year);
    return { date, length: from + md[0].length - pos, invalid: !date && md[3] !== undefined, yearless: md[3] === undefined };
  }
  const dm = at(DAY_MONTH, text, from);
  if (dm && isMonthName(dm[2]!) && (dm[3] !== undefined || !yearNeeded)) {
    const date = parseDate(`${dm[1]} ${dm[2]}${dm[3] !== undefined ? ` ${dm[3]}` : ''}`, undefined, year);
    return { date, length: from + dm[0].length - pos, invalid: !date && dm[3] !== undefined, yearless: dm[3] === undefined };
  }
  return undefined;
}

/**
 * Reads a timestamp at the start of a line: `**14:23** — text`, `14:23 UTC: text`,
 * `2025-06-14 23:40 text`, `2025-06-14T23:40:00Z text`, `[09:00 PDT] text`, `~14:05`,
 * `03/17/2024 9:40 PM`, `08:20 3rd Feb 2024`, `Tuesday Mar 5th 2024 14:00`,
 * `2024-03-17 @ 08:02 AM ET`, `**2021-04-02 18:05: text**`. Dates without a year take the year of
 * `date` (the date that applies there); numeric dates whose parts could both be a month are read
 * in `order` (month first without one). Returns the time and the rest of the line after the
 * separator, or undefined when the line does not start with a time.
 */
export function readLeadingTime(span: Span, date?: string, order?: DateOrder): { time: RawTime; rest: Span } | undefined {
  const text = span.text.length > 256 ? span.text.slice(0, 256) : span.text;
  const contextYear = date !== undefined ? Number(date.slice(0, 4)) : undefined;
  let pos = text.length - text.trimStart().length;
  const opened = OPEN_MARKERS.exec(text.slice(pos))![0];
  pos += opened.length;
  const approx = at(APPROXIMATE, text, pos);
  if (approx) pos += approx[0].length;
  const start = pos;
  let eventDate: string | undefined;
  let numeric: NumericDate | undefined;
  let approxLate = false;
  let yearless = false;
  const before = readDate(text, pos, contextYear, order, false);
  let clock: RegExpExecArray | null = null;
  if (before) {
    const gap = at(DATE_TIME_GAP, text, pos + before.length)!;
    // `04-03-2026 ~14:18`: the approximation may follow the date.
    const approxAfter = approx ? null : at(APPROXIMATE, text, pos + before.length + gap[0].length);
    const skip = before.length + gap[0].length + (approxAfter ? approxAfter[0].length : 0);
    clock = at(CLOCK, text, pos + skip) ?? (before.date && gap[0].trim() === '' && gap[0] !== '' ? at(COMPACT_CLOCK, text, pos + skip) : null);
    if (clock) {
      if (before.invalid) return undefined;
      eventDate = before.date;
      numeric = before.numeric;
      yearless = before.yearless === true;
      pos += skip;
      if (approxAfter) approxLate = true;
    }
  }
  // `1936 UTC: text`: a time without its colon counts at the start of a line only with a zone after it.
  clock ??= at(CLOCK, text, pos) ?? at(COMPACT_CLOCK_ZONED, text, pos);
  if (!clock) return undefined;
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  const second = Number(clock[3] ?? 0);
  pos += clock[0].length;
  const ampm = at(AM_PM, text, pos);
  if (ampm) {
    const pm = ampm[1]!.toLowerCase() === 'p';
    // A 24-hour time with a stray suffix (`13:55 PM`, `23:00 AM`) keeps its hour.
    if (hour >= 1 && hour <= 12) hour = (hour % 12) + (pm ? 12 : 0);
    else if (!(hour === 0 && !pm) && !(hour > 12 && hour <= 23)) return undefined;
    pos += ampm[0].length;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const ish = at(ISH, text, pos);
  if (ish) pos += ish[0].length;
  const range = ish ? null : at(RANGE_END, text, pos);
  if (range && Number(range[1]) <= 23 && Number(range[2]) <= 59) {
    // `08:02 - 10:30 AM ET`: a half-day written once, at the end, applies to the start too.
    if (!ampm && range[3] && hour >= 1 && hour <= 12) {
      const endHour = (Number(range[1]) % 12) + (range[3].toLowerCase() === 'p' ? 12 : 0);
      if (range[3].toLowerCase() === 'p' && (hour % 12) + 12 <= endHour) hour = (hour % 12) + 12;
      else if (hour === 12) hour = 0;
    }
    pos += range[0].length;
  }
  // A time glued to more digits or letters is not a timestamp (`14:23abc`, `1:05:07:09`); `Z` is a zone.
  const next = text.charAt(pos);
  if (/\d/.test(next) || (next === ':' && /\d/.test(text.charAt(pos + 1))) || (/[A-Za-z]/.test(next) && next !== 'Z')) return undefined;
  let end = pos;
  let zone: TimeZone | undefined;
  const readZone = () => {
    const z = ZONE_AFTER.exec(text.slice(pos, pos + 48));
    if (!z) return;
    const parsed = parseZone(z[1] ?? z[2] ?? z[3]!, 'event', eventDate ?? date);
    if (!parsed) return;
    zone = parsed;
    pos += z[0].length;
    end = pos;
  };
  readZone();
  if (eventDate === undefined && numeric === undefined) {
    const gap = at(DATE_AFTER, text, pos);
    let after = gap ? readDate(text, pos + gap[0].length, contextYear, order, true) : undefined;
    let skipped = gap ? gap[0].length : 0;
    let closing = 0;
    const paren = after ? null : at(DATE_IN_PARENS_AFTER, text, pos);
    if (paren) {
      const inner = readDate(text, pos + paren[0].length, contextYear, order, false);
      const close = inner ? at(PAREN_CLOSE, text, pos + paren[0].length + inner.length) : null;
      if (inner && close) {
        after = inner;
        skipped = paren[0].length;
        closing = close[0].length;
      }
    }
    if (after) {
      if (after.invalid) return undefined;
      eventDate = after.date;
      numeric = after.numeric;
      yearless = after.yearless === true;
      pos += skipped + after.length + closing;
      end = pos;
      if (zone?.iana && eventDate) zone = parseZone(zone.name, 'event', eventDate) ?? zone;
    }
  }
  const colon = at(COLON_IN_MARKERS, text, pos);
  const closed = CLOSE_MARKERS.exec(text.slice(pos + (colon ? colon[0].length : 0)))![0];
  if (closed) pos += (colon ? colon[0].length : 0) + closed.length;
  if (!zone) readZone();
  const sep = SEPARATOR.exec(text.slice(pos))!;
  const restStart = pos + sep[0].length;
  // `**18:05: text**`: emphasis opened before the time closes at the end of the line.
  const emphasis = opened.replace(/[[(]/g, '');
  let restEnd = span.text.length;
  if (emphasis && !closed) {
    const trimmed = span.text.trimEnd();
    const closing = [...emphasis].reverse().join('');
    if (trimmed.endsWith(closing) && trimmed.length - closing.length >= restStart) restEnd = trimmed.length - closing.length;
  }
  const time: RawTime = { hour, minute, second, date: eventDate, zone, start: span.offset + start, end: span.offset + end };
  if (numeric) time.numericDate = numeric;
  if (approx || ish || approxLate) time.approximate = true;
  if (yearless) time.yearless = true;
  if (ampm) time.halfDay = true;
  return { time, rest: sliceSpan(span, restStart, restEnd) };
}

/** `at 12:16`, `At 12:50:07 UTC`, `at approximately 1:00 PM`, `around 16:40`: a time inside a sentence. */
const TIME_IN_SENTENCE = /\b(?:[Aa]t|[Aa]round)\s(?=(?:approx(?:\.|imately)?\s{1,3}|~)?\d{1,2}:\d{2})/g;

/**
 * The time of an entry that gives it inside its sentence rather than at its start (`DEPO notified
 * OCC at 12:16 ET on June 16, 2020.`), read like a leading time from where it stands. Only the
 * first 200 characters are looked at: a time further on is a detail of the entry.
 */
export function timeInSentence(span: Span, date?: string, order?: DateOrder): RawTime | undefined {
  const head = span.text.slice(0, 200);
  TIME_IN_SENTENCE.lastIndex = 0;
  const m = TIME_IN_SENTENCE.exec(head);
  if (!m) return undefined;
  const from = m.index + m[0].length;
  return readLeadingTime(sliceSpan(span, from, span.text.length), date, order)?.time;
}
