/** Zones stated in words around a timeline: `All times UTC`, `## Timeline (PDT)`, `| Time (UTC) |`. */
import type { TimeZone } from '../../model';
import { plainInline } from '../../text';
import { ZONE_PATTERN, parseZone } from '../../time';

// Built from ZONE_PATTERN at load time; exported so the regex timing test audits them.
/** A zone named in a sentence or heading: `all times UTC`, `Times are in PDT (UTC-7)`, `Time (UTC)`. */
export const ZONE_SENTENCE = new RegExp(String.raw`\b(?:times?|timestamps?|clock)\b[^\n.]{0,40}?(?:\(|\b|\s)(${ZONE_PATTERN})(?![\w/])`, 'i');
/** A zone in parentheses: `(UTC)`, `(Europe/Berlin)`. */
export const ZONE_IN_PARENS = new RegExp(String.raw`\((${ZONE_PATTERN})\)`);

/**
 * The zone a sentence or heading names. A bare `(UTC)` counts in headings and table headers but
 * not in running text of the section.
 */
export function zoneInText(text: string, source: TimeZone['source'], date?: string): TimeZone | undefined {
  // Emphasis around a statement (`_All times in EEST_`) must not glue to the zone's name.
  const plain = plainInline(text.slice(0, 400));
  const m = ZONE_SENTENCE.exec(plain);
  if (m) {
    const z = parseZone(m[1]!, source, date);
    if (z) return z;
  }
  const bare = ZONE_IN_PARENS.exec(plain);
  if (bare && source !== 'section-text') return parseZone(bare[1]!, source, date);
  return undefined;
}

/** A statement about the whole document's times, wherever it stands: `All times PDT.`, `Times are in UTC`. */
const DOCUMENT_STATEMENT = /^(?:all\s+)?(?:times?|timestamps?)\b/i;

/** The zone of a short paragraph outside the timeline that states the document's zone, if it is one. */
export function documentZoneStatement(text: string, date?: string): TimeZone | undefined {
  const plain = plainInline(text.slice(0, 400));
  if (plain.length > 160 || !DOCUMENT_STATEMENT.test(plain)) return undefined;
  return zoneInText(plain, 'document-text', date);
}

/**
 * A zone written right next to a time in prose (`beginning from UTC 05:13`, `at 6:48AM PDT`,
 * `until 17:55 CEST`). Offsets count only with their `UTC`/`GMT` prefix, so `12:45-13:00` is a range.
 */
export const ZONE_BY_TIME = /\b\d{1,2}:\d{2}(?::\d{2})?\s?(?:[AaPp]\.?[Mm]\.?)?\s?\(?((?:UTC|GMT)(?:[+\u2212-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})\)?(?![\w/+-])|\b((?:UTC|GMT)(?:[+\u2212-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,4}T)\s\d{1,2}:\d{2}(?![\d:])/g;

/** The zones written next to times in a stretch of prose, as written (up to `limit`). */
export function zonesByTimes(text: string, date: string | undefined, limit = 20): TimeZone[] {
  const out: TimeZone[] = [];
  const head = text.length > 4000 ? text.slice(0, 4000) : text;
  ZONE_BY_TIME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = ZONE_BY_TIME.exec(head))) {
    const z = parseZone(m[1] ?? m[2]!, 'document-text', date);
    if (z) out.push(z);
  }
  return out;
}
