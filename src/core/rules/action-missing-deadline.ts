import { deadlineFixes, quote } from './helpers';
import type { Rule } from './types';

export const actionMissingDeadline: Rule = {
  id: 'action-missing-deadline',
  summary: 'Every open action item has a deadline',
  defaultSeverity: 'warning',
  rationale: 'Without a date an action item slides from sprint to sprint; "an unfinished action item from a postmortem is a prediction of the next incident".',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P2 | Add chaos test for zone loss | @omar | |\n', findings: ['5:46'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P2 | Add chaos test for zone loss | @omar | 2025-08-15 |\n', findings: [] },
  ],
  check({ postmortem, today, report }) {
    for (const item of postmortem.actionItems) {
      if (item.done || item.deadline.text !== '') continue;
      report(
        item.deadline.origin === 'missing' ? item.range : item.deadline.range,
        `Action item "${quote(item.action.text, 40)}" has no deadline: add a date (YYYY-MM-DD) by which it is done`,
        deadlineFixes(item, today),
      );
    }
  },
};
