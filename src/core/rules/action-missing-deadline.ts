import { effectiveFields } from '../tickets';
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
    {
      title: 'With tickets carrying the deadline, an item with a ticket needs none of its own',
      config: { ticketsCarry: ['deadline'] },
      markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| P2 | Add chaos test for zone loss | @omar | | [#77](https://github.com/acme/ops/issues/77) |\n| P2 | Add a restore drill | @omar | | |\n',
      findings: ['6:37'],
    },
  ],
  check({ postmortem, config, tickets, today, report }) {
    for (const item of postmortem.actionItems) {
      if (item.done || item.deadline.text !== '') continue;
      // `ticketsCarry: [deadline]`: the ticket's due date stands for the item's (see src/core/tickets.ts).
      const carried = effectiveFields(item, config.ticketsCarry, tickets).deadline;
      if (carried.source === 'carried' || (carried.source === 'ticket' && carried.value !== undefined)) continue;
      report(
        item.deadline.origin === 'missing' ? item.range : item.deadline.range,
        carried.source === 'ticket'
          ? `Action item "${quote(item.action.text, 40)}" has no deadline and its ticket ${carried.ticket} has no due date: set one on the ticket, or add a date (YYYY-MM-DD) by which it is done`
          : `Action item "${quote(item.action.text, 40)}" has no deadline: add a date (YYYY-MM-DD) by which it is done`,
        deadlineFixes(item, today),
      );
    }
  },
};
