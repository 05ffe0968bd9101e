import type { Rule } from './types';

const NEEDED = [
  ['detected', 'detection (an alert, a page, a report)'],
  ['mitigated', 'mitigation (rollback, failover, fix deployed)'],
  ['resolved', 'resolution (incident declared resolved)'],
] as const;

export const timelineMissingMilestone: Rule = {
  id: 'timeline-missing-milestone',
  summary: 'The timeline shows when the incident was detected, mitigated and resolved',
  defaultSeverity: 'info',
  rationale: 'Time to detect, mitigate and resolve are measured from these events; without them the metrics cannot be checked. Mark one explicitly with [detected], [mitigated] or [resolved] if the wording does not show it.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:40 Things look fine\n', findings: ['1:1', '1:1', '1:1'] },
    { markdown: '## Timeline (UTC)\n\n- 14:23 Deploy\n- 14:25 Alert fires [detected]\n- 14:35 Rollback [mitigated]\n- 14:40 Incident resolved [resolved]\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const timed = postmortem.timeline.events.filter((e) => e.time);
    if (timed.length === 0) return;
    const at = postmortem.timeline.section?.headingRange ?? timed[0]!.range;
    for (const [kind, what] of NEEDED) {
      if (timed.some((e) => e.kind === kind)) continue;
      report(at, `The timeline has no ${what} event: add it, or mark the entry with [${kind}]`);
    }
  },
};
