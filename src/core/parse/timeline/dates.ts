/** Dates that set the day of the timeline entries after them. */
import type { Span } from '../../text';
import type { ParseContext } from '../context';
import { plainInline } from '../../text';
import type { DateOrder } from '../../time';
import { dateOfEpochDay, epochDay, numericDate, numericDatesIn, parseDate } from '../../time';

/**
 * The date a heading or title names (`### 2025-06-14`, `### Day 2 — June 15, 2025`,
 * `# 20-10-2025 - Cloud outage`, `# Website Outage 5-26-21`); numeric dates are read in `order`
 * (the document's), month first without one.
 */
export function dateInHeading(text: string, order?: DateOrder): string | undefined {
  const plain = plainInline(text).replace(/`/g, '');
  const iso = /\b(\d{4}-\d{2}-\d{2}|\d{4}-[A-Za-z]{3}-\d{1,2})\b/.exec(plain);
  if (iso) return parseDate(iso[1]!);
  const words = /\b((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))\b/.exec(plain);
  if (words) return parseDate(words[1]!);
  const numeric = numericDatesIn(plain, 1)[0];
  return numeric ? numericDate(numeric, order) : undefined;
}

/** A weekday, then a day and a month in either order, and nothing else: `Monday 12 May`, `June 3`. */
const YEARLESS = /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\s{1,3})?(?:[A-Za-z]{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s{1,3}[A-Za-z]{3,9}\.?)$/i;

/**
 * A date written without its year (`June 3`, `15 May`, `Wednesday, January 23`, `Monday 12 May`),
 * taking the year of `ref` (the date in force or the incident date).
 */
export function yearlessDate(text: string, ref: string | undefined): string | undefined {
  if (!ref || text.length > 40) return undefined;
  const plain = text.trim();
  if (!YEARLESS.test(plain)) return undefined;
  return parseDate(`${plain.replace(/\.$/, '')} ${ref.slice(0, 4)}`);
}

/**
 * A line that is only a date (`2025-06-14`, `June 14, 2025:`, `**Monday 12 May**`): the date, if it
 * is one. A date without a year takes the year of `ref`.
 */
export function dateLine(line: Span, ref?: string, order?: DateOrder): string | undefined {
  const plain = plainInline(line.text).replace(/[`:]/g, '').trim();
  if (plain.length >= 40) return parseDate(plain, order);
  // Only the date, perhaps after a day number (`Day 2 — June 15, 2025`): `2021-08-21 Cert expires` is an entry.
  const bare = plain.replace(DAY_NUMBER, '').replace(/[.,]$/, '').trim();
  return parseDate(bare, order) ?? yearlessDate(bare, ref);
}

/** `Day 2 —` before a date. */
const DAY_NUMBER = /^day\s\d{1,2}\s?(?:[\u2014\u2013:,-]\s?)?/i;

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days);
}

const NEXT_DAY = /^(?:\(\s?(?:next day|\+\s?(\d)\s?d(?:ays?)?)\s?\)|\+(\d)\s?d(?:ays?)?(?![\w])|\[\s?\+(\d)\s?d\s?\])/i;
const SHIFT_SEPARATOR = /^\s*(?:[\u2014\u2013]|-{1,2}|:)?\s*/;

/**
 * A day change written right after an event's time (`00:10 (next day) text`, `00:10 +1d text`):
 * the number of days and the rest of the line after it.
 */
export function dayShiftAt(rest: Span): { days: number; rest: Span } | undefined {
  const m = NEXT_DAY.exec(rest.text.slice(0, 24));
  if (!m) return undefined;
  const days = Number(m[1] ?? m[2] ?? m[3] ?? 1);
  const after = rest.text.slice(m[0].length);
  const sep = SHIFT_SEPARATOR.exec(after)![0].length;
  return { days, rest: { text: after.slice(sep), offset: rest.offset + m[0].length + sep } };
}

/**
 * The date of an event marked `(next day)`: days after the date in force before the first such
 * marker (so two `+1d` events in a row are on the same day), or undefined without a date.
 */
export function shiftedDate(dates: { current: string | undefined; incident: string | undefined; shift?: { from: string; to: string } | undefined }, days: number): string | undefined {
  const now = dates.current ?? dates.incident;
  if (!now) return undefined;
  const base = dates.shift && dates.shift.to === now ? dates.shift.from : now;
  const to = addDays(base, days);
  dates.shift = { from: base, to };
  return to;
}

/** Sets the date in force from a date written in the timeline (a heading, a date line). */
export function setDate(ctx: ParseContext, date: string): void {
  ctx.dates.current = date;
  ctx.dates.shift = undefined;
}

const LEADING_ISO_DATE = /^(?:\*\*|__|`)?(\d{4}-\d{2}-\d{2})(?:\*\*|__|`)?(?:\s?(?::|[\u2014\u2013|]|-{1,2})\s|:$|\s?$)/;
/** `9/25/20 - text`, `29-09-2021: text`: a numeric date with its year, read in the document's order. */
const LEADING_NUMERIC_DATE = /^(?:\*\*|__)?(\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))(?:\*\*|__)?(?:\s?(?::|[\u2014\u2013|]|-{1,2})\s|:$|\s?$)/;
const LEADING_WORD_DATE = /^(?:\*\*|__|`)?((?:[A-Z][a-z]{2,8}\.?\s\d{1,2}(?:st|nd|rd|th)?(?:,?\s\d{4})?)|(?:\d{1,2}(?:st|nd|rd|th)?\s[A-Z][a-z]{2,8}\.?(?:,?\s\d{4})?))(?:\*\*|__|`)?(?:\s?(?::|[\u2014\u2013|]|-{1,2})\s|(?<=`)\s)/;

/**
 * A date with no time at the start of an entry (`2021-08-22: text`, `**Aug 22** — text`): the
 * date and the text after it, or undefined. A date without a year takes the year of `ref`.
 */
export function leadingDate(span: Span, ref: string | undefined, order?: DateOrder): { date: string; rest: Span } | undefined {
  const head = span.text.slice(0, 48);
  const lead = head.length - head.trimStart().length;
  const t = head.slice(lead);
  const iso = LEADING_ISO_DATE.exec(t);
  const words = iso ? undefined : LEADING_WORD_DATE.exec(t);
  const numeric = iso || words ? undefined : LEADING_NUMERIC_DATE.exec(t);
  const m = iso ?? words ?? numeric;
  if (!m) return undefined;
  const written = m[1]!;
  const date = numeric ? dateInHeading(written, order) : parseDate(written) ?? yearlessDate(written, ref);
  if (!date) return undefined;
  const start = lead + m[0].length;
  return { date, rest: { text: span.text.slice(start), offset: span.offset + start } };
}
