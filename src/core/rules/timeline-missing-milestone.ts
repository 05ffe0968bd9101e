import type { TimelineEvent } from '../model';
import type { ExpectedMilestone } from '../vocabulary/milestones';
import { couldMark } from '../vocabulary/milestones';
import type { Rule } from './types';

const NEEDED = [
  ['detected', 'detection (an alert, a page, a report)'],
  ['mitigated', 'mitigation (rollback, failover, fix deployed)'],
  ['resolved', 'resolution (incident declared resolved)'],
] as const;

/** Fewer timed events than this are a summary, not a timeline to hold to every milestone. */
const MIN_TIMED_EVENTS = 3;

/**
 * Whether the timeline shows a milestone, or at least an entry that could be it (timed or not: an
 * entry without a time is still the milestone, and timeline-missing-time asks for its time). A resolution
 * also ends the impact, so it counts as the mitigation; a mitigation among the last two events
 * (the timeline ends with the impact over) counts as the resolution. Events before the first sign
 * of the incident (its impact, detection or acknowledgement) are neither its mitigation nor its
 * resolution, and an event already read as another milestone is not a candidate for this one.
 */
function shows(events: readonly TimelineEvent[], kind: ExpectedMilestone): boolean {
  const is = (k: ExpectedMilestone) => events.some((e) => e.kind === k);
  const firstSign = Math.max(0, events.findIndex((e) => e.kind === 'impact' || e.kind === 'detected' || e.kind === 'acknowledged'));
  const could = (k: ExpectedMilestone) =>
    events.some((e, i) => {
      if (e.kind === 'trigger' || (k !== 'detected' && (i < firstSign || e.kind === 'impact'))) return false;
      return couldMark(e.actor ? `${e.actor}: ${e.text}` : e.text, k);
    });
  switch (kind) {
    case 'detected':
      return is('detected') || events.some((e) => e.kind === 'acknowledged') || could('detected');
    case 'mitigated':
      return is('mitigated') || is('resolved') || could('mitigated') || could('resolved');
    case 'resolved':
      return is('resolved') || events.slice(-2).some((e) => e.kind === 'mitigated') || could('resolved');
  }
}

export const timelineMissingMilestone: Rule = {
  id: 'timeline-missing-milestone',
  summary: 'The timeline shows when the incident was detected, mitigated and resolved',
  defaultSeverity: 'info',
  rationale: 'Time to detect, mitigate and resolve are measured from these events; without them the metrics cannot be checked. Mark one explicitly with [detected], [mitigated] or [resolved] if the wording does not show it. The rule speaks only when no entry of a timeline with at least three timed entries could be the milestone: a milestone written in words the metrics do not read ("Status page is set to resolved", "Maintenance window enabled") is there, and only needs a marker to be measured.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy of v2 reaches production\n- 14:31 Checkout latency doubles\n- 14:40 Things look calm\n', findings: ['1:1', '1:1', '1:1'] },
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n- 14:35 Rollback [mitigated]\n- 14:40 Incident resolved [resolved]\n', findings: [] },
    {
      title: 'Milestones in other words: a report, a fix released, service back',
      markdown: '## Timeline (UTC)\n\n- 09:02 Nightly export starts\n- 09:40 A partner reports on Slack that files are missing\n- 10:15 Released v2.3.1 containing the fix\n- 10:30 Status page is set to resolved\n',
      findings: [],
    },
    {
      title: 'A resolution ends the impact too',
      markdown: '## Timeline (UTC)\n\n- 09:02 Queue depth alert fires\n- 09:20 Cause found in the consumer config\n- 09:41 Incident resolved\n',
      findings: [],
    },
    {
      title: 'A timeline that ends on its mitigation ends with the impact over',
      markdown: '## Timeline (UTC)\n\n- 09:02 Queue depth alert fires\n- 09:20 Cause found in the consumer config\n- 09:41 Sam rolls back the consumer\n',
      findings: [],
    },
    {
      title: 'Two timed entries are too few to hold to every milestone',
      markdown: '## Timeline (UTC)\n\n- 2021-08-17 12:50 Issue exploited on mainnet\n- 2021-08-18 09:00 Analysis starts\n',
      findings: [],
    },
  ],
  check({ postmortem, report }) {
    const { events } = postmortem.timeline;
    const timed = events.filter((e) => e.time);
    if (timed.length < MIN_TIMED_EVENTS) return;
    const at = postmortem.timeline.section?.headingRange ?? timed[0]!.range;
    for (const [kind, what] of NEEDED) {
      if (shows(events, kind)) continue;
      report(at, `The timeline has no ${what} event: add it, or mark the entry with [${kind}]`);
    }
  },
};
