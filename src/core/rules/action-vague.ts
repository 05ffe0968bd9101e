import { scoreVagueness } from '../vague';
import type { Rule } from './types';

export const actionVague: Rule = {
  id: 'action-vague',
  summary: 'Action items can be verified as complete',
  defaultSeverity: 'warning',
  rationale: '"Improve monitoring" is not actionable; "Add p99 query latency alert on progress-sync at 100ms, paging via PagerDuty" is. An action item that cannot be verified as complete will never be completed.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Improve monitoring | @bob | 2025-05-01 |\n', findings: ['5:8'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 query latency alert on progress-sync at 100ms | @bob | 2025-05-01 |\n', findings: [] },
  ],
  check({ postmortem, report }) {
    for (const item of postmortem.actionItems) {
      if (item.action.text === '' || item.done) continue;
      const s = scoreVagueness(item.action.text);
      if (!s.vague) continue;
      report(
        item.action.range,
        `Action "${item.action.text}" cannot be verified as done: it ${s.reasons.slice(0, 2).join(' and ')}. Name what changes where, with a number or a check (e.g. "Add p99 latency alert on <service> at <threshold>")`,
      );
    }
  },
};
