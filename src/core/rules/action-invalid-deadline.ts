import { isDoneMarker } from '../vocabulary/status';
import { deadlineFixes } from './helpers';
import type { Rule } from './types';

export const actionInvalidDeadline: Rule = {
  id: 'action-invalid-deadline',
  summary: 'Deadlines are dates one can check',
  defaultSeverity: 'warning',
  rationale: '"Soon", "ASAP" or "next sprint" cannot be missed, so they cannot be met either. A calendar date can be checked.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Document failover runbook for db-primary | @ana | ASAP |\n', findings: ['5:58'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Document failover runbook for db-primary | @ana | 2025-05-02 |\n', findings: [] },
  ],
  check({ postmortem, today, report }) {
    for (const item of postmortem.actionItems) {
      const d = item.deadline;
      if (d.text === '' || d.value !== undefined || isDoneMarker(d.text)) continue;
      report(d.range, `Deadline "${d.text}" is not a date: write it as YYYY-MM-DD`, deadlineFixes(item, today));
    }
  },
};
