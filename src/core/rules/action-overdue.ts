import { effectiveFields } from '../tickets';
import { epochDay } from '../time';
import { addDays, quote } from './helpers';
import type { Rule } from './types';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  summary: 'Open action items are not past their deadline',
  defaultSeverity: 'warning',
  rationale: 'An overdue action item is a risk that was accepted without anyone deciding to. Finish it, mark it done, or move the date on purpose.',
  examples: [
    { title: 'Due 2025-04-01, open on 2025-04-15', markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout | @bob | 2025-04-01 | open |\n', findings: ['5:51'] },
    { title: "Dropped items are never overdue: struck through, `Won't do`, `FAILED`", markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| P2 | Move backups to the new bucket | @omar | 2025-03-01 | Won\'t do |\n\n- ~~P2: Rewrite the importer — owner: @omar, due: 2025-03-01~~\n', findings: [] },
    { title: 'Done items are never overdue', markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout | @bob | 2025-04-01 | Done |\n', findings: [] },
    { title: 'Within the grace period', options: { graceDays: 7 }, markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout | @bob | 2025-04-08 | open |\n', findings: [] },
    { title: 'Past the grace period', options: { graceDays: 7 }, markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Status |\n| --- | --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout | @bob | 2025-04-07 | open |\n', findings: ['5:51'] },
  ],
  options: {
    schema: {
      type: 'object',
      properties: {
        graceDays: { type: 'integer', minimum: 0, markdownDescription: 'Days after its deadline before an open item counts as overdue.' },
      },
      additionalProperties: false,
    },
    defaults: { graceDays: 0 },
  },
  check({ postmortem, config, tickets, today, options, report }) {
    const graceDays = options.graceDays as number;
    for (const item of postmortem.actionItems) {
      // `ticketsCarry: [deadline]` with the ticket read: its due date is the item's (see src/core/tickets.ts).
      const carried = item.done ? undefined : effectiveFields(item, config.ticketsCarry, tickets).deadline;
      const fromTicket = carried?.source === 'ticket' ? carried : undefined;
      const due = fromTicket ? fromTicket.value : item.deadline.value;
      if (item.done || !due || due >= today) continue;
      const days = epochDay(today) - epochDay(due);
      if (days <= graceDays) continue;
      if (fromTicket) {
        report(
          item.deadline.origin === 'missing' ? item.range : item.deadline.range,
          `Action item "${quote(item.action.text, 40)}" was due ${due} (the due date of its ticket ${fromTicket.ticket}), ${days} day${days === 1 ? '' : 's'} ago: finish it, close the ticket, or set a new due date`,
        );
        continue;
      }
      const moved = addDays(today, 14);
      report(
        item.deadline.range,
        `Action item "${quote(item.action.text, 40)}" was due ${due}, ${days} day${days === 1 ? '' : 's'} ago: finish it, mark it done, or set a new date`,
        item.deadline.origin === 'missing' ? [] : [{ title: `Move deadline to ${moved}`, edits: [{ range: item.deadline.range, newText: moved }] }],
      );
    }
  },
};
