/** Resolves raw events: dates, zones, midnight rollover, actors and milestone kinds. */
import type { EventTime, TimeZone, TimelineEvent } from '../../model';
import type { LineIndex } from '../../text';
import { plainInline } from '../../text';
import { dateOfEpochDay, epochDay } from '../../time';
import { classifyEvent } from '../../vocabulary/milestones';
import { readExplicitActor, readNamedActor } from './actors';
import type { RawEvent } from './raw';

/** What events are resolved against: the zones and date stated around them, and known names. */
export interface ResolveContext {
  index: LineIndex;
  headingZone: TimeZone | undefined;
  sectionZone: TimeZone | undefined;
  frontmatterZone: TimeZone | undefined;
  incidentDate: string | undefined;
  knownActors: ReadonlySet<string>;
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
      const zone = r.zone ?? raw.tableZone ?? ctx.headingZone ?? ctx.sectionZone ?? ctx.frontmatterZone;
      const context = raw.dateContext ?? ctx.incidentDate;
      const local = r.hour * 60 + r.minute + r.second / 60;
      if (r.date) {
        dayOffset = 0;
        lastContext = r.date;
      } else {
        if (context !== lastContext) {
          dayOffset = 0;
          lastContext = context;
        } else if (prevLocal !== undefined && prevLocal - local > ROLLOVER_MINUTES) {
          dayOffset++;
        }
      }
      prevLocal = local;
      const baseDate = r.date ?? context;
      const date = baseDate !== undefined ? dateOfEpochDay(epochDay(baseDate) + (r.date ? 0 : dayOffset)) : undefined;
      const dayMinutes = (date !== undefined ? epochDay(date) : r.date ? 0 : dayOffset) * 1440;
      const minutes = dayMinutes + local - (zone?.offsetMinutes ?? 0);
      time = {
        hour: r.hour, minute: r.minute, second: r.second,
        date, dayOffset: r.date ? 0 : dayOffset, zone, minutes,
        iso: isoTime(date, r.hour, r.minute, r.second, zone),
        range: ctx.index.range(r.start, r.end),
      };
    }
    events.push({
      line: raw.line,
      range: raw.range,
      time,
      text: plainInline(text.replace(/^\s*(?:[\u2014\u2013]|-{1,2}|:)\s+/, '')),
      actor: actorRead.actor,
      kind: cls.kind,
      explicitKind: cls.explicit,
      source: raw.source,
    });
  });
  return events;
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
