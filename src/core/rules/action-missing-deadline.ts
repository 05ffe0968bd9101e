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
    {
      title: 'Done and dropped items need no deadline: a checked box, a completed heading or lead-in, a done note, strike-through',
      markdown: '## Action items\n\n### Immediate actions (completed)\n\n- Raised the connection pool limit to 200\n\n### Later\n\nCompleted:\n\n- Traffic moved off the degraded zone\n\n### Metrics\n\n- [x] Add a lag alert on the replica\n- Graph the import backlog per tenant _done in grafana_\n- ~~Rewrite the importer in Go~~\n- Add a restore drill — owner: @kim\n',
      findings: ['18:3'],
    },
    { title: 'A report of what was done that says what will still be done stays open', markdown: '## Action items\n\n- P2 Affected validators have been identified and will be contacted about missed rewards (owner: Ana)\n- P2 Affected validators have been identified (owner: Ana)\n', findings: ['3:3'] },
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
