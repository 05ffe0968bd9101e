/** Resolves raw events: dates, zones, midnight rollover, actors and milestone kinds. */
import type { EventTime, Problem, TimeZone, TimelineEvent } from '../../model';
import type { LineIndex } from '../../text';
import { blankHtmlComments, plainInline } from '../../text';
import type { DateOrder } from '../../time';
import { ambiguousDateOrderMessage, certainOrder, dateOfEpochDay, decideDateOrder, epochDay, numericDate, parseDate, zoneAmbiguity, zoneOffsetAt } from '../../time';
import { classifyEvent } from '../../vocabulary/milestones';
import { readExplicitActor, readNamedActor } from './actors';
import type { RawEvent } from './raw';

/** What events are resolved against: the zones and date stated around them, and known names. */
export interface ResolveContext {
  index: LineIndex;
  headingZone: TimeZone | undefined;
  sectionZone: TimeZone | undefined;
  frontmatterZone: TimeZone | undefined;
  /** The one zone the prose outside the timeline writes next to its times, if any. */
  proseZone?: TimeZone | undefined;
  incidentDate: string | undefined;
  knownActors: ReadonlySet<string>;
  /**
   * Where problems found while resolving go (`ambiguous-time-zone`, `ambiguous-date-order`);
   * without it they are not reported.
   */
  problems?: Problem[];
}

/**
 * How the ambiguous numeric dates of the events (`03/04/2024`) are read: by a date with a part
 * over 12, else the dates nearest the incident date and the dates written unambiguously. Reports
 * `ambiguous-date-order` when nothing decides.
 */
function eventDateOrder(raws: readonly RawEvent[], ctx: ResolveContext): DateOrder | undefined {
  const numeric = raws.filter((r) => r.raw?.numericDate !== undefined);
  if (numeric.length === 0) return undefined;
  // Dates in force after an ambiguous date are that date as first read: not evidence.
  const firstRead = new Set(numeric.map((r) => r.raw!.date));
  const known: Array<string | undefined> = [ctx.incidentDate];
  for (const r of raws) {
    if (r.raw?.date && (!r.raw.numericDate || certainOrder(r.raw.numericDate))) known.push(r.raw.date);
    else if (!r.raw?.numericDate && !firstRead.has(r.dateContext)) known.push(r.dateContext);
  }
  const order = decideDateOrder(numeric.map((r) => r.raw!.numericDate!), known);
  const ambiguous = numeric.find((r) => certainOrder(r.raw!.numericDate!) === undefined && r.raw!.numericDate!.first !== r.raw!.numericDate!.second);
  if (!order && ambiguous && ctx.problems) {
    const r = ambiguous.raw!;
    const d = r.numericDate!;
    const pad = (n: number) => String(n).padStart(2, '0');
    const written = `${pad(d.first)}${d.separator}${pad(d.second)}${d.year !== undefined ? `${d.separator}${d.year}` : ''}`;
    ctx.problems.push({ code: 'ambiguous-date-order', message: ambiguousDateOrderMessage(written), range: ctx.index.range(r.start, r.end) });
  }
  return order;
}

/** The zone of one event: a zone with daylight saving takes its offset at the event's date and time. */
function eventZone(zone: TimeZone | undefined, date: string | undefined, local: number): TimeZone | undefined {
  if (!zone?.iana || date === undefined) return zone;
  const offset = zoneOffsetAt(zone.iana, date, local);
  return offset === undefined || offset === zone.offsetMinutes ? zone : { ...zone, offsetMinutes: offset };
}

/** Times going back by more than this many minutes, without a date, are read as the next day. */
const ROLLOVER_MINUTES = 6 * 60;

/** Resolves dates, zones, midnight rollover, actors and milestone kinds of raw events. */
export function resolveEvents(raws: readonly RawEvent[], ctx: ResolveContext): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  let lastContext: string | undefined;
  let dayOffset = 0;
  let prevLocal: number | undefined;
  // Explicit actors first, so a name written as `Priya:` once is recognised in `Priya rolls back`.
  const explicit = raws.map((raw) => (raw.actor !== undefined ? { actor: raw.actor, text: raw.lead } : readExplicitActor(raw.lead)));
  const known = new Set(ctx.knownActors);
  for (const e of explicit) if (e.actor && e.actor.length >= 2) known.add(e.actor);
  const order = eventDateOrder(raws, ctx);
  const twelveHour = raws.some((r) => r.raw?.halfDay);
  let carried: TimeZone | undefined;
  const reported = new Set<string>();
  // Dates read month first that the decided order reads day first, for the events after them.
  const reread = new Map<string, string>();
  // The last event with a time written out: what `+30 minutes` rows count from.
  let anchor: EventTime | undefined;
  raws.forEach((raw, i) => {
    const found = explicit[i]!;
    const actorRead = found.actor !== undefined ? found : { actor: readNamedActor(found.text.text, known), text: found.text };
    const spans = [actorRead.text, ...raw.textSpans];
    const joined = spans.map((s) => s.text).join('\n');
    const cls = classifyEvent(joined, actorRead.actor);
    let text = joined;
    for (const [a, b] of [...cls.markerSpans].reverse()) text = text.slice(0, a) + text.slice(b);
    let time: EventTime | undefined;
    if (raw.raw) {
      const r = raw.raw;
      const stated = r.zone ?? raw.tableZone ?? raw.localZone ?? ctx.headingZone ?? ctx.sectionZone ?? ctx.frontmatterZone ?? carried ?? ctx.proseZone;
      // `**April 4, 2023, 1:22 pm (UTC):**` then `**1:42 pm:**`: a zone written on an entry goes on to the next.
      if (r.zone) carried = r.zone;
      const context = (raw.dateContext !== undefined ? reread.get(raw.dateContext) ?? raw.dateContext : undefined) ?? ctx.incidentDate;
      const read = order && r.numericDate && !certainOrder(r.numericDate)
        ? numericDate(r.numericDate, order, context !== undefined ? Number(context.slice(0, 4)) : undefined) ?? r.date
        : r.date;
      const rDate = r.yearless ? yearBefore(read, ctx.incidentDate) : read;
      if (r.date !== undefined && rDate !== undefined && rDate !== r.date) reread.set(r.date, rDate);
      if (stated && ctx.problems && !reported.has(stated.name.toUpperCase())) {
        const why = zoneAmbiguity(stated);
        if (why) {
          reported.add(stated.name.toUpperCase());
          ctx.problems.push({ code: 'ambiguous-time-zone', message: why, range: ctx.index.range(r.start, r.end) });
        }
      }
      let local = r.hour * 60 + r.minute + r.second / 60;
      // In a 12-hour timeline, `4:00` right after `1:00 PM` is 4 PM, not the next morning.
      if (twelveHour && !r.halfDay && r.hour >= 1 && r.hour <= 11 && !rDate && context === lastContext
        && prevLocal !== undefined && prevLocal > local && local + 720 >= prevLocal) local += 720;
      const hour = Math.floor(local / 60);
      if (rDate) {
        dayOffset = 0;
        lastContext = rDate;
      } else {
        if (context !== lastContext) {
          dayOffset = 0;
          lastContext = context;
        } else if (prevLocal !== undefined && prevLocal - local > ROLLOVER_MINUTES) {
          dayOffset++;
        }
      }
      prevLocal = local;
      const baseDate = rDate ?? context;
      const date = baseDate !== undefined ? dateOfEpochDay(epochDay(baseDate) + (rDate ? 0 : dayOffset)) : undefined;
      const dayMinutes = (date !== undefined ? epochDay(date) : rDate ? 0 : dayOffset) * 1440;
      const zone = eventZone(stated, date, local);
      const minutes = dayMinutes + local - (zone?.offsetMinutes ?? 0);
      time = {
        hour, minute: r.minute, second: r.second,
        date, dayOffset: rDate ? 0 : dayOffset, zone, minutes,
        iso: isoTime(date, hour, r.minute, r.second, zone),
        range: ctx.index.range(r.start, r.end),
      };
      anchor = time;
    } else if (raw.after !== undefined && anchor) {
      time = afterAnchor(anchor, raw.after.minutes, ctx.index.range(raw.after.start, raw.after.end));
    }
    events.push({
      line: raw.line,
      range: raw.range,
      time,
      text: plainInline(text.replace(/^\s*(?:[\u2014\u2013]|-{1,2}|:)\s+/, '')),
      markdown: blankHtmlComments(text.replace(/^\s*(?:[\u2014\u2013]|-{1,2}|:)\s+/, '')).replace(/\s+/g, ' ').trim(),
      actor: actorRead.actor,
      kind: cls.kind,
      explicitKind: cls.explicit,
      source: raw.source,
    });
  });
  return events;
}

/** The time `after` minutes after an anchor event, on its date and in its zone; the range is the row's. */
function afterAnchor(anchor: EventTime, after: number, range: TimelineEvent['range']): EventTime {
  const offset = anchor.zone?.offsetMinutes ?? 0;
  const local = anchor.minutes + offset + after;
  const day = Math.floor(local / 1440);
  const inDay = local - day * 1440;
  const hour = Math.floor(inDay / 60);
  const minute = Math.floor(inDay % 60);
  const second = anchor.second;
  const date = anchor.date !== undefined ? dateOfEpochDay(day) : undefined;
  return {
    hour, minute, second, date,
    dayOffset: anchor.date !== undefined ? anchor.dayOffset : day,
    zone: anchor.zone, minutes: anchor.minutes + after,
    iso: isoTime(date, hour, minute, second, anchor.zone),
    range,
  };
}

/** Days after the incident date past which a date written without its year is read in the year before. */
const YEAR_BEFORE_DAYS = 60;

/**
 * A date written without its year (`[12-05 16:21]` in a March 2019 report) that would fall months
 * after the incident happened in the year before: a report looks back on the incident's history.
 */
function yearBefore(date: string | undefined, incident: string | undefined): string | undefined {
  if (date === undefined || incident === undefined || epochDay(date) - epochDay(incident) <= YEAR_BEFORE_DAYS) return date;
  const before = `${String(Number(date.slice(0, 4)) - 1).padStart(4, '0')}${date.slice(4)}`;
  return parseDate(before) ?? date;
}

/** ISO 8601 of a time, with its date when known and its zone as `Z` or an offset. */
function isoTime(date: string | undefined, h: number, m: number, s: number, zone: TimeZone | undefined): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  let suffix = '';
  if (zone) {
    if (zone.offsetMinutes === 0) suffix = 'Z';
    else {
      const abs = Math.abs(zone.offsetMinutes);
      suffix = `${zone.offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
    }
  }
  const clock = `${pad(h)}:${pad(m)}:${pad(s)}${suffix}`;
  return date ? `${date}T${clock}` : clock;
}
