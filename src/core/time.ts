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

/** US zone names without standard/daylight: the offset depends on the date, as in their IANA zone. */
const GENERIC_ZONES: Record<string, string> = {
  ET: 'America/New_York', CT: 'America/Chicago', MT: 'America/Denver', PT: 'America/Los_Angeles',
  'EST/EDT': 'America/New_York', 'CST/CDT': 'America/Chicago', 'MST/MDT': 'America/Denver', 'PST/PDT': 'America/Los_Angeles',
  'EDT/EST': 'America/New_York', 'CDT/CST': 'America/Chicago', 'MDT/MST': 'America/Denver', 'PDT/PST': 'America/Los_Angeles',
  EASTERN: 'America/New_York', CENTRAL: 'America/Chicago', MOUNTAIN: 'America/Denver', PACIFIC: 'America/Los_Angeles',
};

/** Abbreviations that name more than one zone: the reading taken, and what else they may mean. */
const AMBIGUOUS_ZONES: Record<string, string> = {
  IST: 'India Standard Time (+05:30), but IST is also Irish Summer Time (+01:00) and Israel Standard Time (+02:00)',
};

/** Cities and regions written as `Lisbon time`, `(Japan time)`, `Pacific time`. */
const CITY_ZONES: Record<string, string> = {
  pacific: 'America/Los_Angeles', mountain: 'America/Denver', central: 'America/Chicago', eastern: 'America/New_York',
  'new york': 'America/New_York', chicago: 'America/Chicago', denver: 'America/Denver', seattle: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles', 'los angeles': 'America/Los_Angeles', toronto: 'America/Toronto',
  'sao paulo': 'America/Sao_Paulo', london: 'Europe/London', uk: 'Europe/London', dublin: 'Europe/Dublin',
  lisbon: 'Europe/Lisbon', paris: 'Europe/Paris', berlin: 'Europe/Berlin', amsterdam: 'Europe/Amsterdam',
  madrid: 'Europe/Madrid', stockholm: 'Europe/Stockholm', helsinki: 'Europe/Helsinki', moscow: 'Europe/Moscow',
  'central european': 'Europe/Berlin', israel: 'Asia/Jerusalem', dubai: 'Asia/Dubai', india: 'Asia/Kolkata',
  singapore: 'Asia/Singapore', 'hong kong': 'Asia/Hong_Kong', china: 'Asia/Shanghai', beijing: 'Asia/Shanghai',
  japan: 'Asia/Tokyo', tokyo: 'Asia/Tokyo', korea: 'Asia/Seoul', seoul: 'Asia/Seoul', sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne', 'new zealand': 'Pacific/Auckland', auckland: 'Pacific/Auckland',
};

/** City names as a pattern, each word capitalised or not: `[Nn]ew [Yy]ork`. */
const CITY_NAMES = Object.keys(CITY_ZONES).sort((a, b) => b.length - a.length)
  .map((c) => c.split(' ').map((w) => `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}`).join(' '));

/** Source fragment matching a zone written after a time or in a sentence. */
export const ZONE_PATTERN = String.raw`(?:[ECMP][SD]T\/[ECMP][SD]T|(?:UTC|GMT)?\s?[+\u2212-]\d{1,2}(?::?\d{2})?|Z|UTC|GMT|[A-Z]{2,4}T|CET|MSK|IST|SGT|HKT|JST|KST|HST|[ECMP]T|[A-Z][a-z]{1,20}\/[A-Za-z_]{2,30}(?:\/[A-Za-z_]{2,30})?|(?:${CITY_NAMES.join('|')}) [Tt]ime)`;

/**
 * Reads a zone as written (`UTC`, `Z`, `+02:00`, `UTC-7`, `PDT`, `ET`, `Europe/Berlin`,
 * `Lisbon time`). Zones with daylight saving (IANA names, `ET`, city names) carry `iana`, and
 * their `offsetMinutes` is the one at noon UTC of `date` (January 1st of this year without one);
 * events resolve their own offset from `iana` at their own date and time.
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
  const iana = GENERIC_ZONES[upper] ?? (name.includes('/') ? name : cityZone(name));
  if (iana) {
    const offset = ianaOffset(iana, date);
    if (offset !== undefined) return { name, offsetMinutes: offset, source, iana };
  }
  // A zone name that is not a real one but ends in a region (`UC/Pacific`, `US/Eastern`).
  const region = name.includes('/') ? CITY_ZONES[name.slice(name.lastIndexOf('/') + 1).toLowerCase()] : undefined;
  if (region) {
    const offset = ianaOffset(region, date);
    if (offset !== undefined) return { name, offsetMinutes: offset, source, iana: region };
  }
  return undefined;
}

function cityZone(name: string): string | undefined {
  const m = /^\(?([A-Za-z][A-Za-z ]{1,20}?) time\)?$/i.exec(name);
  return m ? CITY_ZONES[m[1]!.toLowerCase().replace(/\s+/g, ' ')] : undefined;
}

/**
 * Why a zone as written is ambiguous (`IST`), with the reading taken, or undefined when it is
 * not.
 */
export function zoneAmbiguity(zone: TimeZone): string | undefined {
  const also = AMBIGUOUS_ZONES[zone.name.toUpperCase()];
  return also
    ? `Time zone "${zone.name}" is ambiguous: read as ${also}. Write an offset (UTC+05:30, UTC+01:00) or an IANA name (Asia/Kolkata, Europe/Dublin, Asia/Jerusalem) instead.`
    : undefined;
}

const OFFSET_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** Offset from UTC in minutes of an IANA zone at an instant (epoch milliseconds). */
function offsetAtInstant(zone: string, at: number): number | undefined {
  try {
    let fmt = OFFSET_FORMATS.get(zone);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat('en-US', {
        timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
      });
      OFFSET_FORMATS.set(zone, fmt);
    }
    const parts = fmt.formatToParts(new Date(at));
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    return Math.round((local - Math.floor(at / 60000) * 60000) / 60000);
  } catch {
    return undefined;
  }
}

function ianaOffset(zone: string, date?: string): number | undefined {
  const at = date ? Date.parse(`${date}T12:00:00Z`) : Date.UTC(new Date().getUTCFullYear(), 0, 1, 12);
  return offsetAtInstant(zone, at);
}

/**
 * Offset from UTC in minutes of an IANA zone at a local date and time of day (minutes from
 * midnight), so that events on either side of a daylight-saving change get their own offset. A
 * time that happens twice (autumn) reads as the first; a time skipped (spring) takes the offset
 * from before the change.
 */
export function zoneOffsetAt(zone: string, date: string, localMinutes: number): number | undefined {
  const local = Date.parse(`${date}T00:00:00Z`) + Math.round(localMinutes * 60000);
  if (Number.isNaN(local)) return undefined;
  const before = offsetAtInstant(zone, local - 86400000);
  const after = offsetAtInstant(zone, local + 86400000);
  if (before === undefined || after === undefined) return undefined;
  for (const candidate of [before, after]) {
    if (offsetAtInstant(zone, local - candidate * 60000) === candidate) return candidate;
  }
  return before;
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

/** How a numeric date like `03/04/2024` is read: day first or month first. */
export type DateOrder = 'dmy' | 'mdy';

/** A numeric date as written (`03/04/2024`, `09-12`): its two leading parts and the year, if any. */
export interface NumericDate {
  first: number;
  second: number;
  year: number | undefined;
  separator: string;
}

/**
 * Reads a calendar date written as `2025-04-20`, `2025/04/20`, `April 20, 2025`, `20 Apr 2025`,
 * `3rd Feb 2024`, `Tuesday Mar 5th 2024` (optionally with a weekday), or numerically as
 * `17-03-2024`, `03/17/2024`. A numeric date whose parts could both be a month is read in `order`
 * (month first without one). Dates without a year (`Feb 3rd`, `09-12`) take `year` when given.
 * Returns ISO `YYYY-MM-DD`, or undefined when the text is not exactly a date.
 */
export function parseDate(raw: string, order?: DateOrder, year?: number): string | undefined {
  const s = raw.trim().replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+/i, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), Number(m[2]), Number(m[3]));
  // `2025-DEC-5`, `2025-Feb-07`
  m = /^(\d{4})-([A-Za-z]{3,4})-(\d{1,2})$/.exec(s);
  if (m) return checked(Number(m[1]), monthNumber(m[2]!), Number(m[3]));
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$/.exec(s);
  if (m) return checked(m[3] !== undefined ? Number(m[3]) : year, monthNumber(m[1]!), Number(m[2]));
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?(?:,?\s+(\d{4}))?$/.exec(s);
  if (m) return checked(m[3] !== undefined ? Number(m[3]) : year, monthNumber(m[2]!), Number(m[1]));
  m = /^(\d{1,2})([-/.])(\d{1,2})(?:[-/.](\d{4}))?$/.exec(s);
  if (m) return numericDate({ first: Number(m[1]), second: Number(m[3]), year: m[4] !== undefined ? Number(m[4]) : undefined, separator: m[2]! }, order, year);
  return undefined;
}

/** The order a numeric date must be read in, when a part over 12 settles it. */
export function certainOrder(d: NumericDate): DateOrder | undefined {
  if (d.first > 12 && d.second <= 12) return 'dmy';
  if (d.second > 12 && d.first <= 12) return 'mdy';
  return undefined;
}

/** ISO date of a numeric date read in `order` (or the order its parts settle; month first otherwise). */
export function numericDate(d: NumericDate, order?: DateOrder, year?: number): string | undefined {
  const o = certainOrder(d) ?? order ?? 'mdy';
  const y = d.year ?? year;
  return o === 'dmy' ? checked(y, d.second, d.first) : checked(y, d.first, d.second);
}

/**
 * Decides how the ambiguous numeric dates of a document are read. A date with a part over 12
 * anywhere settles it (`17/03/2024` is day first); otherwise the order in which the dates land
 * nearest (within a week) to the known dates — the frontmatter date, dates written unambiguously
 * nearby — wins. Undefined when nothing decides (or the document mixes both orders).
 */
export function decideDateOrder(dates: readonly NumericDate[], known: ReadonlyArray<string | undefined> = []): DateOrder | undefined {
  const certain = new Set(dates.map(certainOrder).filter((o): o is DateOrder => o !== undefined));
  if (certain.size === 1) return [...certain][0];
  if (certain.size > 1) return undefined;
  const ambiguous = dates.filter((d) => d.first !== d.second);
  if (ambiguous.length === 0) return undefined;
  const anchors = known.filter((k): k is string => k !== undefined && parseDate(k) !== undefined).map(epochDay);
  if (anchors.length === 0) return undefined;
  const score = (order: DateOrder) => ambiguous.filter((d) => {
    const iso = numericDate(d, order, new Date(anchors[0]! * 86400000).getUTCFullYear());
    return iso !== undefined && anchors.some((a) => Math.abs(epochDay(iso) - a) <= 7);
  }).length;
  const dmy = score('dmy');
  const mdy = score('mdy');
  return dmy > mdy ? 'dmy' : mdy > dmy ? 'mdy' : undefined;
}

/** Numeric dates with a year anywhere in a text: `29-09-2021`, `07/27/2023`, `5-26-21` (a two-digit year only with `-` or `/`). */
const NUMERIC_DATES_IN_TEXT = /(?<![\w./-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d./-])/g;

/** The numeric dates with a year written anywhere in a text (at most `limit`). */
export function numericDatesIn(text: string, limit = 500): NumericDate[] {
  const out: NumericDate[] = [];
  NUMERIC_DATES_IN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while (out.length < limit && (m = NUMERIC_DATES_IN_TEXT.exec(text))) {
    if (m[4]!.length === 2 && m[2] === '.') continue;
    const year = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
    out.push({ first: Number(m[1]), second: Number(m[3]), year, separator: m[2]! });
  }
  return out;
}

/**
 * The order a whole document writes its numeric dates in. A date with a part over 12 anywhere
 * settles it (unless the document writes both orders). When every date could be read either way,
 * the reading under which the dates lie closest together wins: an incident and its follow-up span
 * days, so `04-03-2026` … `05-03-2026` is the 4th and 5th of March, not April 3rd and May 3rd.
 * Undefined when nothing decides.
 */
export function documentDateOrder(dates: readonly NumericDate[]): DateOrder | undefined {
  const certain = new Set(dates.map(certainOrder).filter((o): o is DateOrder => o !== undefined));
  if (certain.size > 0) return certain.size === 1 ? [...certain][0] : undefined;
  const span = (order: DateOrder): number | undefined => {
    const days = dates.map((d) => numericDate(d, order)).filter((x): x is string => x !== undefined).map(epochDay);
    return days.length < 2 ? undefined : Math.max(...days) - Math.min(...days);
  };
  const dmy = span('dmy');
  const mdy = span('mdy');
  if (dmy === undefined || mdy === undefined || dmy === mdy) return undefined;
  return dmy < mdy ? 'dmy' : 'mdy';
}

/** The text of the problem reported for a document whose numeric dates could be read either way. */
export function ambiguousDateOrderMessage(example: string): string {
  return `Date "${example}" could be day-month or month-day, and nothing in the document decides which. Write dates as YYYY-MM-DD (or with the month in words), or add the incident date to the frontmatter.`;
}

function monthNumber(name: string): number {
  return MONTHS[name.toLowerCase().slice(0, name.toLowerCase().startsWith('sept') ? 4 : 3)] ?? 0;
}

function checked(y: number | undefined, m: number, d: number): string | undefined {
  return y !== undefined && isValidDate(y, m, d) ? isoDate(y, m, d) : undefined;
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

const CLOCK_SPAN = /^\s*([01]?\d|2[0-3]):([0-5]\d)\s?(?:to|until|till|[-\u2013\u2014])\s?([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/;

/**
 * Reads a duration at the start of the text: `23 minutes`, `3 h 25 min`, `1h05m`, `1.5 hours`,
 * `90s`, `2 hours and 5 minutes`, `1:05` (hours:minutes). Returns minutes and the length read.
 */
export function parseDuration(raw: string): { minutes: number; length: number } | undefined {
  // `21:45 to 23:28 UTC`: a span of clock times, not 21 hours 45 minutes.
  const span = CLOCK_SPAN.exec(raw);
  if (span) {
    const from = Number(span[1]) * 60 + Number(span[2]);
    const to = Number(span[3]) * 60 + Number(span[4]);
    return { minutes: (to - from + 1440) % 1440, length: span[0].length };
  }
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
