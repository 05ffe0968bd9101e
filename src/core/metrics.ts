/**
 * Metric readings: milestones and durations computed from a resolved timeline, and every
 * defensible value of a metric to compare a stated figure with.
 */
import type { ComputedMetric, ComputedMetrics, EventTime, MetricName, MetricReading, MilestoneRef, StartPoint, TimelineEvent } from './model';
import { METRIC_ENDS } from './vocabulary/metrics';
import { isDeclaration } from './vocabulary/milestones';

type Timed = TimelineEvent & { time: EventTime };

function ref(e: Timed, kind: MilestoneRef['kind']): MilestoneRef {
  return { kind, line: e.line, iso: e.time.iso, minutes: e.time.minutes };
}

/** Milestones and metrics computed from the timed events, under each defensible start point. */
export function computeMetrics(events: readonly TimelineEvent[]): ComputedMetrics {
  const timed = events.filter((e): e is Timed => e.time !== undefined);
  const milestones: ComputedMetrics['milestones'] = {};
  for (const e of timed) {
    if (e.kind && !milestones[e.kind]) milestones[e.kind] = ref(e, e.kind);
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

/** Every defensible value of a metric: each start point the timeline has, to each end that fits the metric. */
export function metricCandidates(computed: ComputedMetrics, lastEvent: MilestoneRef | undefined, metric: MetricName): MetricCandidate[] {
  const out: MetricCandidate[] = [];
  const seen = new Set<string>();
  for (const reading of computed.readings) {
    for (const endKind of METRIC_ENDS[metric]) {
      const to = endKind === 'last-event' ? lastEvent : computed.milestones[endKind];
      if (!to || to.minutes < reading.from.minutes || to.line === reading.from.line) continue;
      const minutes = Math.round((to.minutes - reading.from.minutes) * 1000) / 1000;
      const key = `${reading.from.line}:${to.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ minutes, from: { ...reading.from, kind: reading.start }, to: { ...to, kind: endKind === 'last-event' ? 'last-event' : to.kind } });
    }
  }
  return out;
}

/** Whether a stated figure fits a reading of the timeline within a minute (true when there is nothing to compare). */
export function fitsTimeline(candidates: readonly MetricCandidate[], minutes: number): boolean {
  return candidates.length === 0 || candidates.some((c) => Math.abs(c.minutes - minutes) <= 1);
}
