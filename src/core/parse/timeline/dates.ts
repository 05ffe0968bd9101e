/** Dates that set the day of the timeline entries after them. */
import type { Span } from '../../text';
import { plainInline } from '../../text';
import { parseDate } from '../../time';

/** A date heading inside the timeline (`### 2025-06-14`, `### Day 2 — June 15, 2025`). */
export function dateInHeading(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '');
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  if (iso) return parseDate(iso[1]!);
  const words = /\b((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))\b/.exec(plain);
  return words ? parseDate(words[1]!) : undefined;
}

/** A line that is only a date (`2025-06-14`, `June 14, 2025:`): the date, if it is one. */
export function dateLine(line: Span): string | undefined {
  const plain = plainInline(line.text).replace(/[`:]/g, '').trim();
  return parseDate(plain) ?? (plain.length < 40 ? dateInHeading(plain) : undefined);
}
