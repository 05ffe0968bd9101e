import { fitsTimeline, lastEventRef, metricCandidates } from '../metrics';
import type { MilestoneRef } from '../model';
import { formatMinutes } from '../time';
import { metricLabel } from '../vocabulary/metrics';
import { milestoneLabel } from '../vocabulary/milestones';
import type { Rule } from './types';

function clock(ref: MilestoneRef): string {
  return ref.iso.replace(/^.*T/, '').slice(0, 5);
}

export const metricsMismatch: Rule = {
  id: 'metrics-mismatch',
  summary: 'Stated durations agree with the timeline',
  defaultSeverity: 'warning',
  rationale: 'A stated "Time to detect: 5 minutes" that the timeline contradicts undermines both. Each metric is read by its industry definition (time to detect from the start of impact or the trigger, time to acknowledge from the alert or page, time to mitigate and to resolve from the start of impact or the detection, duration from the start of impact), and teams also measure from the first event or the declaration, so any of these readings within a minute counts as agreement.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 10 minutes\n', findings: ['6:21'] },
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 2 minutes\n', findings: [] },
    { title: 'time to acknowledge runs from the alert, not from the deploy', markdown: '## Timeline (UTC)\n\n- 14:00 Deploy of v2 reaches production\n- 14:05 Alert fires\n- 14:15 Bob acknowledges the page\n\n**Time to acknowledge:** 10 minutes\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const last = lastEventRef(postmortem.timeline.events);
    for (const stated of postmortem.statedMetrics) {
      if (stated.minutes === undefined) continue;
      const candidates = metricCandidates(postmortem.computedMetrics, last, stated.metric);
      if (fitsTimeline(candidates, stated.minutes)) continue;
      const readings = candidates
        .slice(0, 4)
        .map((c) => `${formatMinutes(c.minutes)} from ${milestoneLabel(c.from.kind)} ${clock(c.from)} (line ${c.from.line}) to ${milestoneLabel(c.to.kind)} ${clock(c.to)} (line ${c.to.line})`);
      report(
        stated.valueRange,
        `Stated ${metricLabel(stated.metric, true)} (${formatMinutes(stated.minutes)}) fits no reading of the timeline: ${readings.join('; ')}. Correct the figure or the timeline`,
      );
    }
  },
};
