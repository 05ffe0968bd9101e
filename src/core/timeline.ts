import type {
  ComputedMetric, ComputedMetrics, EventTime, MetricName, MetricReading, MilestoneKind, MilestoneRef,
  StartPoint, StatedMetric, TimeZone, TimelineEvent,
} from './model';
import type { LineIndex, Span } from './text';
import { plainInline, sliceSpan, trimSpan } from './text';
import { ZONE_PATTERN, dateOfEpochDay, epochDay, parseDate, parseDuration, parseZone } from './time';

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

/** Actors that are systems rather than people, recognised at the start of an event. */
const SYSTEM_ACTORS = [
  'Monitoring', 'PagerDuty', 'Opsgenie', 'Alertmanager', 'Prometheus', 'Datadog', 'Grafana', 'Sentry', 'Nagios',
  'CloudWatch', 'New Relic', 'Splunk', 'Statuspage', 'Automation', 'CI', 'Deploy pipeline', 'Kubernetes', 'Autoscaler',
  'On-call', 'Support', 'Customer support', 'A customer', 'Customers',
];
const NOT_ACTORS = new Set([
  'note', 'notes', 'update', 'status', 'impact', 'action', 'result', 'summary', 'cause', 'root cause', 'detected',
  'resolved', 'mitigated', 'acknowledged', 'start', 'end', 'outcome', 'decision', 'fix', 'error', 'warning', 'info',
  'todo', 'question', 'answer', 'why', 'because',
]);

/**
 * Finds an actor written explicitly (`Actor:` prefix, `[Actor]`, `@handle`) and strips a prefix
 * from the text.
 */
export function readExplicitActor(rest: Span): { actor: string | undefined; text: Span } {
  const t = rest.text;
  let m = /^(?:\*\*|__)?(@?[\p{Lu}@][\p{L}\p{N}.@'_-]{0,30}(?:\s[\p{Lu}(][\p{L}\p{N}.@'()_-]{0,30}){0,2})(?:\*\*|__)?:(?:\*\*|__)?\s+/u.exec(t);
  if (m && !NOT_ACTORS.has(m[1]!.toLowerCase())) {
    return { actor: m[1]!.replace(/^@/, ''), text: sliceSpan(rest, m[0].length) };
  }
  m = /^\[([^\]\n]{1,40})\]\s+/.exec(t);
  if (m && !explicitMarker(m[1]!)) return { actor: m[1]!.trim(), text: sliceSpan(rest, m[0].length) };
  m = /^@([\w][\w.-]{0,39})/.exec(t);
  if (m) return { actor: m[1]!, text: rest };
  return { actor: undefined, text: rest };
}

/** An actor named at the start of the text: a person known from elsewhere, or a system. */
export function readNamedActor(text: string, knownActors: Iterable<string>): string | undefined {
  const plain = plainInline(text);
  for (const name of knownActors) {
    if (plain.startsWith(name) && !/^[\p{L}\p{N}]/u.test(plain.slice(name.length, name.length + 1))) {
      return name;
    }
  }
  for (const name of SYSTEM_ACTORS) {
    if (plain.toLowerCase().startsWith(name.toLowerCase()) && !/^[\p{L}\p{N}]/u.test(plain.slice(name.length, name.length + 1))) {
      return name;
    }
  }
  return undefined;
}

const MARKERS: Array<[RegExp, MilestoneKind]> = [
  [/^(?:start|started|trigger|triggered|cause)$/i, 'trigger'],
  [/^(?:impact|impact start|impact begins|outage begins|outage start|incident begins|incident start|begin|begins)$/i, 'impact'],
  [/^(?:detect|detected|detection|alert|alerted|paged)$/i, 'detected'],
  [/^(?:ack|acked|acknowledge|acknowledged)$/i, 'acknowledged'],
  [/^(?:mitigate|mitigated|mitigation|outage mitigated|impact ends?|recovered|recovery)$/i, 'mitigated'],
  [/^(?:resolve|resolved|resolution|outage ends|outage ended|incident ends|incident resolved|closed|end|all clear)$/i, 'resolved'],
];

function explicitMarker(word: string): MilestoneKind | undefined {
  const w = word.trim();
  return MARKERS.find(([re]) => re.test(w))?.[1];
}

/** Explicit markers: `[detected]`, `(mitigated)` at the end, or a bold all-caps phrase such as `**OUTAGE BEGINS**`. */
const BRACKET_MARKER = /\[([A-Za-z][A-Za-z ]{1,24})\]|(?:\*\*|__)([A-Z][A-Z ]{2,30}[A-Z])(?:\*\*|__)/g;

const KEYWORDS: Array<[RegExp, MilestoneKind]> = [
  [/\bincident\b[^.;]{0,40}\b(?:resolved|closed|over|ended)\b|\b(?:declares?|declared|marks?|marked|considered)\b[^.;]{0,30}\b(?:resolved|closed)\b|^resolved\b|\ball[- ]clear\b|\bclos(?:e|es|ed|ing) (?:the |out the )?incident\b|\bfully (?:resolved|recovered)\b/, 'resolved'],
  [/\broll(?:s|ed|ing)? ?back\b|\brollback\b|\brevert(?:s|ed|ing)?\b|\bfail(?:s|ed|ing)? ?over\b|\bfailover\b|\b(?:fix|hotfix|patch)\b[^.;]{0,20}\b(?:deployed|applied|rolled out|shipped)\b|\bdeploy(?:s|ed)? (?:a |the )?(?:fix|hotfix|patch)\b|\bmitigat\w*|\brestor(?:e|es|ed|ing)\b|\brecover(?:s|ed|y)\b|\b(?:back|returns?|returned|recovers?) to (?:normal|baseline)\b|\bscal(?:es|ed) (?:up|out)\b|\brestart(?:s|ed)\b|\bdisabl(?:es|ed) (?:the )?(?:feature|flag|job)|\bdrain(?:s|ed)\b|\bblock(?:s|ed) (?:the )?traffic\b/, 'mitigated'],
  [/\backnowledg(?:e|es|ed|ing)\b|\back(?:s|ed|'d)\b/, 'acknowledged'],
  [/\balert(?:s|ed|ing)?\b|(?<!status )\bpag(?:e|es|ed|ing)\b|\bfires?\b|\bfired\b|\bdetect(?:s|ed|ion)?\b|\bnotic(?:es|ed)\b|\bmonitoring\b|\bcustomers? reports?\b|\breported by\b|\bsupport ticket\b/, 'detected'],
  [/\berror rate (?:rises|rose|spikes|spiked|increases|increased|climbs|climbed|jumps|jumped)\b|\berrors? (?:begin|began|start|started|spike|spiked)\b|\b(?:users?|customers?) (?:begin|began|start|started|unable|cannot|can't)\b|\b(?:outage|impact|degradation) (?:begins|began|starts|started)\b|\blatency (?:rises|rose|spikes|spiked|increases|increased)\b|\b(?:goes|went|is) down\b|\bunavailable\b/, 'impact'],
  [/\bdeploy(?:ed|s|ment)? (?:of|to)\b|\breaches production\b|\brolled out\b|\brollout of\b|\b(?:config(?:uration)?|dns|schema) change\b|\bchange (?:is )?(?:applied|pushed|merged)\b|\bmigration (?:runs|ran|starts|started|begins)\b|\bpushed to production\b|\bis released\b|\bcertificate expire[sd]\b/, 'trigger'],
];

/**
 * The milestone an event marks: an explicit marker wins over keywords. The actor counts as part of
 * the text for keywords, so `Monitoring: error rate rises` reads as a detection.
 */
export function classifyEvent(text: string, actor?: string): { kind: MilestoneKind | undefined; explicit: boolean; markerSpans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let explicit: MilestoneKind | undefined;
  BRACKET_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKET_MARKER.exec(text))) {
    const kind = explicitMarker(m[1] ?? m[2]!);
    if (kind) {
      explicit ??= kind;
      if (m[1] !== undefined) spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (explicit) return { kind: explicit, explicit: true, markerSpans: spans };
  const lower = plainInline(actor ? `${actor}: ${text}` : text).toLowerCase();
  for (const [re, kind] of KEYWORDS) {
    if (re.test(lower)) return { kind, explicit: false, markerSpans: spans };
  }
  return { kind: undefined, explicit: false, markerSpans: spans };
}

/** An event as read from the text, before times are resolved against dates and zones. */
export interface RawEvent {
  range: TimelineEvent['range'];
  line: number;
  raw: RawTime | undefined;
  /** The date in force where the event was written (a date heading or an earlier dated event). */
  dateContext: string | undefined;
  /** A zone given by the table header of the event's table. */
  tableZone: TimeZone | undefined;
  textSpans: Span[];
  actor: string | undefined;
  /** The text after the timestamp, for actor detection once all names are known. */
  lead: Span;
  source: TimelineEvent['source'];
}

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

/** A zone named in a sentence or heading: `all times UTC`, `Times are in PDT (UTC-7)`, `Time (UTC)`. */
const ZONE_SENTENCE = new RegExp(String.raw`\b(?:times?|timestamps?|clock)\b[^\n.]{0,40}?(?:\(|\b|\s)(${ZONE_PATTERN})(?![\w/])`, 'i');

/** The sentence pattern `zoneInText` uses (exported for the regex timing test). */
export function zoneSentenceRegExp(): RegExp {
  return ZONE_SENTENCE;
}

export function zoneInText(text: string, source: TimeZone['source'], date?: string): TimeZone | undefined {
  const m = ZONE_SENTENCE.exec(text.slice(0, 400));
  if (m) {
    const z = parseZone(m[1]!, source, date);
    if (z) return z;
  }
  const bare = new RegExp(String.raw`\((${ZONE_PATTERN})\)`).exec(text.slice(0, 400));
  if (bare && source !== 'section-text') return parseZone(bare[1]!, source, date);
  return undefined;
}

/** A date heading inside the timeline (`### 2025-06-14`, `### Day 2 — June 15, 2025`). */
export function dateInHeading(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '');
  const iso = /\b(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  if (iso) return parseDate(iso[1]!);
  const words = /\b((?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})|(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4}))\b/.exec(plain);
  return words ? parseDate(words[1]!) : undefined;
}

const METRIC_LABELS: Array<[RegExp, MetricName]> = [
  [/^(?:total |incident |outage |impact |overall )?(?:duration|length)(?: of (?:the )?(?:incident|outage|impact))?$|^total (?:time|impact)$|^time to (?:full )?resolution$|^time to resolve$/i, 'totalDuration'],
  [/^(?:mean )?time to (?:detect|detection)$|^m?ttd$|^detection time$/i, 'timeToDetect'],
  [/^(?:mean )?time to (?:acknowledge|acknowledgement|acknowledgment|ack)$|^m?tta$|^acknowledg(?:e)?ment time$/i, 'timeToAcknowledge'],
  [/^(?:mean )?time to (?:mitigate|mitigation)$|^m?ttm$|^mitigation time$/i, 'timeToMitigate'],
  [/^(?:mean )?time to (?:recover|recovery|restore|repair)$|^m?ttr$|^recovery time$|^resolution time$/i, 'timeToResolve'],
];

/** Which metric a label names, if any. */
export function metricOfLabel(label: string): MetricName | undefined {
  const l = plainInline(label).replace(/[*_`]/g, '').trim();
  return METRIC_LABELS.find(([re]) => re.test(l))?.[1];
}

const STATED_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()]{1,40}?)\s*(?::(?:\*\*|__)|(?:\*\*|__):|:|\s[\u2014\u2013=]\s)\s*(?:\*\*|__)?\s*(.*)$/;

/** A stated metric on one line: `**Total duration:** 23 minutes`, `- TTR: 1h05m`. */
export function readStatedMetric(line: Span, index: LineIndex): StatedMetric | undefined {
  if (line.text.length > 500) return undefined;
  const m = STATED_LINE.exec(line.text);
  if (!m) return undefined;
  const metric = metricOfLabel(m[1]!);
  if (!metric) return undefined;
  const valueStart = line.text.length - m[2]!.length;
  const value = trimSpan(sliceSpan(line, valueStart));
  const duration = parseDuration(value.text.replace(/^(?:\*\*|__)/, ''));
  const trimmed = trimSpan(line);
  return {
    metric,
    label: m[1]!.trim(),
    text: plainInline(value.text),
    minutes: duration?.minutes,
    range: index.range(trimmed.offset, trimmed.offset + trimmed.text.length),
    valueRange: index.range(value.offset, value.offset + value.text.length),
  };
}

/** `Incident declared`, `declares a SEV-2`, `IC declares an incident` (but not `declares the incident resolved`). */
const DECLARED = /\b(?:incident|sev[- ]?\d|outage)\b[^.;]{0,20}\bdeclared\b|\bdeclar(?:e|es|ed|ing)\b[^.;]{0,20}\b(?:an? |the )?(?:incident|sev[- ]?\d|outage|major incident)\b(?![^.;]{0,30}\b(?:resolved|over|closed|ended)\b)/i;

/** Milestones and metrics computed from the timed events, under each defensible start point. */
export function computeMetrics(events: readonly TimelineEvent[]): ComputedMetrics {
  const timed = events.filter((e): e is TimelineEvent & { time: EventTime } => e.time !== undefined);
  const ref = (e: TimelineEvent & { time: EventTime }, kind: MilestoneRef['kind']): MilestoneRef => ({
    kind, line: e.line, iso: e.time.iso, minutes: e.time.minutes,
  });
  const milestones: ComputedMetrics['milestones'] = {};
  for (const e of timed) {
    if (e.kind && !milestones[e.kind]) milestones[e.kind] = ref(e, e.kind);
  }
  const declared = timed.find((e) => e.kind !== 'resolved' && DECLARED.test(e.text));
  if (declared) milestones.declared = ref(declared, 'declared');
  const resolved = milestones.resolved;
  const mitigations = timed.filter((e) => e.kind === 'mitigated' && (!resolved || e.time.minutes <= resolved.minutes));
  const lastMitigation = mitigations[mitigations.length - 1];
  if (lastMitigation) milestones['impact-end'] = ref(lastMitigation, 'impact-end');
  const first = timed[0];
  const last = timed[timed.length - 1];
  const readings: MetricReading[] = [];
  if (!first || !last) return { milestones, readings };
  const starts: Array<[StartPoint, MilestoneRef | undefined]> = [
    ['first-event', ref(first, 'first-event')],
    ['trigger', milestones.trigger],
    ['impact', milestones.impact],
    ['declared', milestones.declared],
  ];
  const end = milestones['impact-end'] ?? resolved ?? ref(last, 'last-event');
  for (const [start, from] of starts) {
    if (!from) continue;
    const metrics: MetricReading['metrics'] = {};
    const put = (name: MetricName, to: MilestoneRef | undefined) => {
      if (to && to.minutes >= from.minutes && to.line !== from.line) metrics[name] = measure(from, to);
    };
    put('timeToDetect', milestones.detected);
    put('timeToAcknowledge', milestones.acknowledged);
    put('timeToMitigate', milestones.mitigated);
    put('timeToResolve', resolved);
    put('totalDuration', end);
    readings.push({ start, from, metrics });
  }
  return { milestones, readings };
}

function measure(from: MilestoneRef, to: MilestoneRef): ComputedMetric {
  return { minutes: Math.round((to.minutes - from.minutes) * 1000) / 1000, from, to };
}
