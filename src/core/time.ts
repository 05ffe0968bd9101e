import type { TimeZone } from './model';

/** Offsets of zone abbreviations that incident write-ups commonly use. */
const ZONE_ABBREVIATIONS: Record<string, number> = {
  UTC: 0, GMT: 0, Z: 0, UT: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  WET: 0, WEST: 60, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  IST: 330, SGT: 480, HKT: 480, JST: 540, KST: 540,
  AEST: 600, AEDT: 660, ACST: 570, AWST: 480, NZST: 720, NZDT: 780,
};

/** Source fragment matching a zone written after a time or in a sentence. */
export const ZONE_PATTERN = String.raw`(?:Z|UTC|GMT|(?:UTC|GMT)?\s?[+\u2212-]\d{1,2}(?::?\d{2})?|[A-Z]{2,4}T|CET|MSK|IST|SGT|HKT|JST|KST|[A-Z][a-z]{1,20}\/[A-Za-z_]{2,30}(?:\/[A-Za-z_]{2,30})?)`;

/**
 * Reads a zone as written (`UTC`, `Z`, `+02:00`, `UTC-7`, `PDT`, `Europe/Berlin`). IANA names need a
 * date to resolve daylight saving; without one, January 1st of this year is used.
 */
export function parseZone(raw: string, source: TimeZone['source'], date?: string): TimeZone | undefined {
  const name = raw.trim();
  const upper = name.toUpperCase();
  if (upper in ZONE_ABBREVIATIONS) return { name, offsetMinutes: ZONE_ABBREVIATIONS[upper]!, source };
  const m = /^(?:UTC|GMT)?\s?([+\u2212-])(\d{1,2})(?::?(\d{2}))?$/i.exec(name);
  if (m) {
    const sign = m[1] === '+' ? 1 : -1;
    const hours = Number(m[2]);
    const mins = Number(m[3] ?? 0);
    if (hours > 14 || mins > 59) return undefined;
    return { name, offsetMinutes: sign * (hours * 60 + mins), source };
  }
  if (name.includes('/')) {
    const offset = ianaOffset(name, date);
    if (offset !== undefined) return { name, offsetMinutes: offset, source };
  }
  return undefined;
}

function ianaOffset(zone: string, date?: string): number | undefined {
  try {
    const at = date ? new Date(`${date}T12:00:00Z`) : new Date(Date.UTC(new Date().getUTCFullYear(), 0, 1, 12));
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(at);
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - at.getTime()) / 60000);
  } catch {
    return undefined;
  }
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Whether year/month/day form a real calendar date. */
export function isValidDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a calendar date written as `2025-04-20`, `2025/04/20`, `April 20, 2025`, `20 Apr 2025`
 * (optionally with a weekday). Returns ISO `YYYY-MM-DD`, or undefined when the text is not exactly a date.
 */
export function parseDate(raw: string): string | undefined {
  const s = raw.trim().replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\s+/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(s);
  if (m) return checked(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(s);
  if (m) return checked(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
  return undefined;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function checked(y: number, m: number, d: number): string | undefined {
  return isValidDate(y, m, d) ? isoDate(y, m, d) : undefined;
}

/** Days since 1970-01-01 of an ISO date. */
export function epochDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.floor(Date.UTC(y, m - 1, d) / 86400000);
}

/** ISO date of a day number since 1970-01-01. */
export function dateOfEpochDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}

const DURATION_UNITS: Array<[RegExp, number]> = [
  [/^(?:d|days?)$/i, 1440],
  [/^(?:h|hrs?|hours?)$/i, 60],
  [/^(?:m|mins?|minutes?)$/i, 1],
  [/^(?:s|secs?|seconds?)$/i, 1 / 60],
];

/**
 * Reads a duration at the start of the text: `23 minutes`, `3 h 25 min`, `1h05m`, `1.5 hours`,
 * `90s`, `2 hours and 5 minutes`, `1:05` (hours:minutes). Returns minutes and the length read.
 */
export function parseDuration(raw: string): { minutes: number; length: number } | undefined {
  const clock = /^\s*(\d{1,3}):([0-5]\d)(?::([0-5]\d))?(?![\d:])/.exec(raw);
  if (clock) {
    const minutes = Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60;
    return { minutes, length: clock[0].length };
  }
  const re = /\s*(?:(?:,|and)\s*)?(\d{1,6}(?:\.\d{1,4})?)\s?([A-Za-z]{1,7})(?![A-Za-z])/y;
  let minutes = 0;
  let length = 0;
  let parts = 0;
  for (;;) {
    re.lastIndex = length;
    const m = re.exec(raw);
    if (!m) break;
    const unit = DURATION_UNITS.find(([u]) => u.test(m[2]!));
    if (!unit) break;
    minutes += Number(m[1]) * unit[1];
    length = re.lastIndex;
    parts++;
    if (parts > 4) break;
  }
  return parts > 0 ? { minutes: Math.round(minutes * 1000) / 1000, length } : undefined;
}

/** Formats minutes as `2 min`, `1 h 05 min`, `2 d 3 h`. */
export function formatMinutes(total: number): string {
  const sign = total < 0 ? '-' : '';
  let rest = Math.round(Math.abs(total));
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  if (days > 0) return `${sign}${days} d ${hours} h${mins ? ` ${mins} min` : ''}`;
  if (hours > 0) return `${sign}${hours} h ${String(mins).padStart(2, '0')} min`;
  return `${sign}${mins} min`;
}
