/** Dates that set the day of the timeline entries after them. */
import type { Span } from '../../text';
import { plainInline } from '../../text';
import { dateOfEpochDay, epochDay, parseDate } from '../../time';

/** A date heading inside the timeline (`### 2025-06-14`, `### Day 2 — June 15, 2025`). */
export function dateInHeading(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '');
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  if (iso) return parseDate(iso[1]!);
  const words = /\b((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))\b/.exec(plain);
  return words ? parseDate(words[1]!) : undefined;
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
export function dateLine(line: Span, ref?: string): string | undefined {
  const plain = plainInline(line.text).replace(/[`:]/g, '').trim();
  if (plain.length >= 40) return parseDate(plain);
  return parseDate(plain) ?? dateInHeading(plain) ?? yearlessDate(plain, ref);
}

/** The date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days);
}
