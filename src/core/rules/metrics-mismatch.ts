import { fitsTimeline, lastEventRef, metricCandidates } from '../metrics';
import { allSections } from '../sections';
import type { MilestoneRef, Postmortem } from '../model';
import { epochDay, formatMinutes } from '../time';
import { metricLabel } from '../vocabulary/metrics';
import { milestoneLabel } from '../vocabulary/milestones';
import type { Rule } from './types';

function clock(ref: MilestoneRef): string {
  return ref.iso.replace(/^.*T/, '').slice(0, 5);
}

/** Whether some later entry is `minutes` (within a minute) after some earlier one. */
function spansTwoEntries(times: readonly number[], minutes: number): boolean {
  for (let i = 0; i < times.length && i < 2000; i++) {
    for (let j = i + 1; j < times.length && j < i + 2000; j++) {
      if (Math.abs(times[j]! - times[i]! - minutes) <= 1) return true;
    }
  }
  return false;
}

/**
 * Whether the figure is the time from a start the document states (`Date/time: 2016-11-07 21:30`)
 * to an entry of the timeline, both read as local wall-clock time.
 */
function fromStatedStart(postmortem: Postmortem, minutes: number): boolean {
  const start = postmortem.statedStart;
  if (!start) return false;
  const startLocal = epochDay(start.date) * 1440 + start.hour * 60 + start.minute;
  return postmortem.timeline.events.some((e) => {
    if (!e.time?.date) return false;
    const local = epochDay(e.time.date) * 1440 + e.time.hour * 60 + e.time.minute;
    return Math.abs(local - startLocal - minutes) <= 1;
  });
}

export const metricsMismatch: Rule = {
  id: 'metrics-mismatch',
  summary: 'Stated durations agree with the timeline',
  defaultSeverity: 'warning',
  rationale: 'A stated "Time to detect: 5 minutes" that the timeline contradicts undermines both. Each metric is read by its industry definition (time to detect from the start of impact or the trigger, time to acknowledge from the alert or page, time to mitigate and to resolve from the start of impact or the detection, duration from the start of impact), and teams also measure from the first event or the declaration, so any of these readings within a minute counts as agreement.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 10 minutes\n', findings: ['6:21'] },
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n\n**Time to detect:** 2 minutes\n', findings: [] },
    { title: 'a figure that is the time between two entries whose milestones are not named is no contradiction', markdown: '## Timeline (UTC)\n\n- 10:46 Healthy nodes are terminated\n- 10:48 The cluster has no nodes\n- 11:01 New nodes take traffic\n\n**Time to recovery:** 13 minutes\n', findings: [] },
    { title: 'a duration stated for each of several incidents is not compared with the whole timeline', markdown: '## Timeline (UTC)\n\n### First outage\n\n**Duration:** 40 minutes\n\n- 09:00 Errors start\n- 09:40 Fix deployed\n\n### Second outage\n\n**Duration:** 25 minutes\n\n- 16:00 Errors start\n- 16:25 Fix deployed\n', findings: [] },
    { title: 'a duration from the start the summary states to an entry of the timeline agrees', markdown: '## Summary\n\nStarted: 2024-03-04 21:30\nDuration: 2h 45m\n\n## Timeline (UTC)\n\n### 2024-03-04\n\n- 21:36 Builds fail on every branch\n\n### 2024-03-05\n\n- 00:15 The pinned version lands and builds pass [resolved]\n', findings: [] },
    { title: 'time to acknowledge runs from the alert, not from the deploy', markdown: '## Timeline (UTC)\n\n- 14:00 Deploy of v2 reaches production\n- 14:05 Alert fires\n- 14:15 Bob acknowledges the page\n\n**Time to acknowledge:** 10 minutes\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const last = lastEventRef(postmortem.timeline.events);
    const timed = postmortem.timeline.events.filter((e) => e.time).map((e) => e.time!.minutes);
    // A metric stated under several headings with different values belongs to several incidents in
    // one report: which part of the timeline each figure measures is not known, so none is compared.
    const sections = allSections(postmortem.sections);
    const sectionOf = (line: number) => sections.filter((s) => s.range.start.line <= line && line <= s.range.end.line).pop();
    const repeated = new Set(postmortem.statedMetrics
      .filter((s, i, all) => all.some((o, j) => j !== i && o.metric === s.metric && o.minutes !== s.minutes && sectionOf(o.range.start.line) !== sectionOf(s.range.start.line)))
      .map((s) => s.metric));
    for (const stated of postmortem.statedMetrics) {
      if (stated.minutes === undefined || repeated.has(stated.metric)) continue;
      const candidates = metricCandidates(postmortem.computedMetrics, last, stated.metric);
      if (fitsTimeline(candidates, stated.minutes)) continue;
      // The figure is the time between two entries of the timeline whose milestones were not
      // recognised (`We have no nodes` → `traffic flows again`): not a contradiction.
      if (spansTwoEntries(timed, stated.minutes)) continue;
      // The figure runs from the start the summary states (`Date/time: … 21:30`) to an entry.
      if (stated.metric === 'totalDuration' && fromStatedStart(postmortem, stated.minutes)) continue;
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
