import type { ComputedMetrics, MetricName, MilestoneRef } from '../model';
import { formatMinutes } from '../time';
import type { Rule } from './types';

const ENDS: Record<MetricName, Array<keyof ComputedMetrics['milestones'] | 'last-event'>> = {
  timeToDetect: ['detected'],
  timeToAcknowledge: ['acknowledged'],
  timeToMitigate: ['mitigated', 'impact-end'],
  timeToResolve: ['resolved', 'impact-end', 'last-event'],
  totalDuration: ['impact-end', 'resolved', 'last-event'],
};

const NAMES: Record<string, string> = {
  'first-event': 'first event', trigger: 'trigger', impact: 'impact start', declared: 'declaration', detected: 'detection',
  acknowledged: 'acknowledgement', mitigated: 'first mitigation', 'impact-end': 'end of impact', resolved: 'resolution', 'last-event': 'last event',
};

const LABELS: Record<MetricName, string> = {
  timeToDetect: 'time to detect', timeToAcknowledge: 'time to acknowledge', timeToMitigate: 'time to mitigate',
  timeToResolve: 'time to resolve', totalDuration: 'total duration',
};

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
    for (const endKind of ENDS[metric]) {
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

function clock(ref: MilestoneRef): string {
  return ref.iso.replace(/^.*T/, '').slice(0, 5);
}

export const metricsMismatch: Rule = {
  id: 'metrics-mismatch',
  summary: 'Stated durations agree with the timeline',
  defaultSeverity: 'warning',
  rationale: 'A stated "Time to detect: 5 minutes" that the timeline contradicts undermines both. Starting points differ between teams (first event, impact start, declaration), so any defensible reading within a minute counts as agreement.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 10 minutes\n', findings: ['6:21'] },
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 2 minutes\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const timed = postmortem.timeline.events.filter((e) => e.time);
    const lastTimed = timed[timed.length - 1];
    const last: MilestoneRef | undefined = lastTimed?.time
      ? { kind: 'last-event', line: lastTimed.line, iso: lastTimed.time.iso, minutes: lastTimed.time.minutes }
      : undefined;
    for (const stated of postmortem.statedMetrics) {
      if (stated.minutes === undefined) continue;
      const candidates = metricCandidates(postmortem.computedMetrics, last, stated.metric);
      if (candidates.length === 0) continue;
      if (candidates.some((c) => Math.abs(c.minutes - stated.minutes!) <= 1)) continue;
      const readings = candidates
        .slice(0, 4)
        .map((c) => `${formatMinutes(c.minutes)} from ${NAMES[c.from.kind]} ${clock(c.from)} (line ${c.from.line}) to ${NAMES[c.to.kind]} ${clock(c.to)} (line ${c.to.line})`);
      report(
        stated.valueRange,
        `Stated ${LABELS[stated.metric]} (${formatMinutes(stated.minutes)}) fits no reading of the timeline: ${readings.join('; ')}. Correct the figure or the timeline`,
      );
    }
  },
};
