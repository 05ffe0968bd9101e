import { quote } from './helpers';
import type { Rule } from './types';

export const actionNotTracked: Rule = {
  id: 'action-not-tracked',
  summary: 'Open action items link to a ticket where the table has a ticket column (or config asks for one)',
  defaultSeverity: 'info',
  rationale: 'Action items get done in the issue tracker, not in the postmortem document. A link keeps the two from drifting apart.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| P1 | Add alert on queue lag > 10k | @sam | 2025-05-01 | |\n', findings: ['5:58'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| P1 | Add alert on queue lag > 10k | @sam | 2025-05-01 | OPS-142 |\n', findings: [] },
    {
      title: '`n/a`, `tbd` or `-` in the ticket cell is no ticket; a link is one',
      markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| P2 | Add alert on inode usage | @sam | 2025-05-01 | n/a |\n| P2 | Add alert on swap usage | @sam | 2025-05-01 | [issue](https://github.com/acme/ops/issues/7) |\n',
      findings: ['5:55'],
    },
  ],
  check({ postmortem, config, report }) {
    for (const item of postmortem.actionItems) {
      // `n/a`, `tbd` or `-` in a ticket cell is no ticket.
      if (item.done || item.ticket.value !== undefined) continue;
      const hasColumn = item.source === 'table' && item.ticket.origin === 'cell';
      if (!hasColumn && !config.requireTicket) continue;
      report(
        item.ticket.origin === 'missing' ? item.range : item.ticket.range,
        `Action item "${quote(item.action.text, 40)}" is not tracked: add the ticket key or link from your issue tracker`,
      );
    }
  },
};
