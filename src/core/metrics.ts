/**
 * Metric readings: milestones and durations computed from a resolved timeline, and every
 * defensible value of a metric to compare a stated figure with.
 */
import type { ComputedMetric, ComputedMetrics, EventTime, MetricName, MetricReading, MilestoneRef, StartPoint, TimelineEvent } from './model';
import { METRIC_ENDS, METRIC_NAMES, METRIC_STARTS, describeReading } from './vocabulary/metrics';
import { isDeclaration } from './vocabulary/milestones';

type Timed = TimelineEvent & { time: EventTime };

function ref(e: Timed, kind: MilestoneRef['kind']): MilestoneRef {
  return { kind, line: e.line, iso: e.time.iso, minutes: e.time.minutes };
}

/** Start points in the order readings are listed. */
const STARTS: readonly StartPoint[] = ['first-event', 'trigger', 'impact', 'declared', 'detected'];

/**
 * Milestones and metrics computed from the timed events: each metric by its definition, and every
 * defensible reading of it. A milestone is the earliest event of its kind (the first in the document
 * among events at the same time): a second alert is not a second detection.
 */
export function computeMetrics(events: readonly TimelineEvent[]): ComputedMetrics {
  const timed = events.filter((e): e is Timed => e.time !== undefined);
  const milestones: ComputedMetrics['milestones'] = {};
  for (const e of timed) {
    const seen = e.kind && milestones[e.kind];
    if (e.kind && (!seen || e.time.minutes < seen.minutes)) milestones[e.kind] = ref(e, e.kind);
  }
  const declared = timed.find((e) => e.kind !== 'resolved' && isDeclaration(e.text));
  if (declared) milestones.declared = ref(declared, 'declared');
  const resolved = milestones.resolved;
  const mitigations = timed.filter((e) => e.kind === 'mitigated' && (!resolved || e.time.minutes <= resolved.minutes));
  const lastMitigation = mitigations[mitigations.length - 1];
  if (lastMitigation) milestones['impact-end'] = ref(lastMitigation, 'impact-end');
  const first = timed[0];
  const last = timed[timed.length - 1];
  const readings: MetricReading[] = [];
  if (!first || !last) return { milestones, metrics: {}, readings };
  const end = milestones['impact-end'] ?? resolved ?? ref(last, 'last-event');
  const ends: Record<MetricName, MilestoneRef | undefined> = {
    timeToDetect: milestones.detected,
    timeToAcknowledge: milestones.acknowledged,
    timeToMitigate: milestones.mitigated,
    timeToResolve: resolved,
    totalDuration: end,
  };
  for (const start of STARTS) {
    const from = start === 'first-event' ? ref(first, 'first-event') : milestones[start];
    if (!from) continue;
    const metrics: MetricReading['metrics'] = {};
    for (const name of METRIC_NAMES) {
      const to = ends[name];
      if (METRIC_STARTS[name].includes(start) && to && to.minutes >= from.minutes && to.line !== from.line) metrics[name] = measure(from, to);
    }
    readings.push({ start, from, metrics });
  }
  return { milestones, metrics: definedMetrics(readings), readings };
}

/** Each metric from the first of its start points ({@link METRIC_STARTS}) that gives a reading. */
function definedMetrics(readings: readonly MetricReading[]): ComputedMetrics['metrics'] {
  const out: ComputedMetrics['metrics'] = {};
  for (const name of METRIC_NAMES) {
    for (const start of METRIC_STARTS[name]) {
      const m = readings.find((r) => r.start === start)?.metrics[name];
      if (m) {
        out[name] = m;
        break;
      }
    }
  }
  return out;
}

function measure(from: MilestoneRef, to: MilestoneRef): ComputedMetric {
  return { minutes: Math.round((to.minutes - from.minutes) * 1000) / 1000, from, to };
}

/** The last timed event of a timeline as a milestone (`last-event`), if any. */
export function lastEventRef(events: readonly TimelineEvent[]): MilestoneRef | undefined {
  const timed = events.filter((e) => e.time);
  const last = timed[timed.length - 1];
  return last?.time ? { kind: 'last-event', line: last.line, iso: last.time.iso, minutes: last.time.minutes } : undefined;
}

/** One defensible value of a metric: from a start point to an end that fits the metric. */
export interface MetricCandidate {
  minutes: number;
  from: MilestoneRef;
  to: MilestoneRef;
}

/**
 * Every defensible value of a metric: each start point the timeline has, to each end that fits the
 * metric. Most fitting first: by end ({@link METRIC_ENDS}), as the end is what names a metric, then
 * by start ({@link METRIC_STARTS}). Two start points on one event (the first event is the trigger)
 * give one value, named by the more fitting.
 */
export function metricCandidates(computed: ComputedMetrics, lastEvent: MilestoneRef | undefined, metric: MetricName): MetricCandidate[] {
  const out: MetricCandidate[] = [];
  const seen = new Set<string>();
  for (const endKind of METRIC_ENDS[metric]) {
    const to = endKind === 'last-event' ? lastEvent : computed.milestones[endKind];
    if (!to) continue;
    for (const start of METRIC_STARTS[metric]) {
      const from = computed.readings.find((r) => r.start === start)?.from;
      const key = `${from?.line}:${to.line}`;
      if (!from || to.minutes < from.minutes || to.line === from.line || seen.has(key)) continue;
      seen.add(key);
      const minutes = Math.round((to.minutes - from.minutes) * 1000) / 1000;
      out.push({ minutes, from: { ...from, kind: start }, to: { ...to, kind: endKind === 'last-event' ? 'last-event' : to.kind } });
    }
  }
  return out;
}

/** Whether a stated figure agrees with a measured one: within a minute, as stated figures are rounded. */
export function agrees(measured: { minutes: number }, stated: number): boolean {
  return Math.abs(measured.minutes - stated) <= 1;
}

/** Whether a stated figure fits a reading of the timeline (true when there is nothing to compare). */
export function fitsTimeline(candidates: readonly MetricCandidate[], minutes: number): boolean {
  return candidates.length === 0 || candidates.some((c) => agrees(c, minutes));
}

/** A point of a metric as plain data: what it is, its line and its ISO time. */
function pointJson(p: MilestoneRef) {
  return { kind: p.kind, line: p.line, iso: p.iso };
}

/**
 * Each metric by its definition as plain data, for `timeline --format json` and the "Show Timeline
 * Model" command: minutes, where it is measured from and to, and the same in words.
 */
export function metricsJson(computed: ComputedMetrics) {
  return Object.fromEntries(
    METRIC_NAMES.flatMap((name) => {
      const m = computed.metrics[name];
      return m ? [[name, { minutes: m.minutes, from: pointJson(m.from), to: pointJson(m.to), reading: describeReading(m) }]] : [];
    }),
  );
}
