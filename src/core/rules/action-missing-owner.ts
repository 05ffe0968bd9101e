import { effectiveFields } from '../tickets';
import { documentPeople } from '../vocabulary/people';
import { isPlaceholderOwner } from '../vocabulary/placeholders';
import { quote, setFieldFix } from './helpers';
import type { Fix, Rule } from './types';

export const actionMissingOwner: Rule = {
  id: 'action-missing-owner',
  summary: 'Every open action item names an owner',
  defaultSeverity: 'warning',
  rationale: 'An action item without a person who answers for it is nobody\'s job. "TBD", "team" or "someone" name nobody. A done or dropped item has nothing left to answer for, so it needs no owner.',
  examples: [
    { title: 'An owner that names nobody', markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout at 300ms | TBD | 2025-05-01 |\n| P2 | Load-test checkout at 2x peak | team | 2025-06-01 |\n', findings: ['5:53', '6:40'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout at 300ms | @bob | 2025-05-01 |\n', findings: [] },
    {
      title: 'Owners written inline or as a team; done items need none',
      markdown: '## Action items\n\n| Description | Owning Team |\n| --- | --- |\n| Alert on failed check-ins | checkin-squad |\n\n- Document the failover (owner: Jane Doe)\n- Tune the autoscaler — @raj\n- [Platform] Pin the base image digest\n- [x] Added a log metric for disk-full errors\n- Add a lag alert on the replica\n',
      findings: ['11:3'],
    },
    { title: 'A team or person named first, as who will do it', markdown: '## Action items\n\n- QA to run the upgrade on the testnet at the announced height\n- Relay team will publish the binary checksum\n- We will write down who answers the upgrade channel\n', findings: ['5:3'] },
    {
      title: 'With tickets carrying the owner, an item with a ticket needs none of its own',
      config: { ticketsCarry: ['owner'] },
      markdown: '## Action items\n\n| Priority | Action | Owner | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout | | 2025-05-01 | OPS-12 |\n| P2 | Load-test checkout at 2x peak | | 2025-06-01 | n/a |\n',
      findings: ['6:39'],
    },
  ],
  check({ postmortem, config, tickets, workspacePeople, report }) {
    const people = [...new Set([...documentPeople(postmortem), ...workspacePeople])].slice(0, 6);
    for (const item of postmortem.actionItems) {
      // A done or dropped item has nothing left for anyone to answer for.
      if (item.done || !isPlaceholderOwner(item.owner.text)) continue;
      // `ticketsCarry: [owner]`: the ticket's assignee stands for the owner (see src/core/tickets.ts).
      const carried = effectiveFields(item, config.ticketsCarry, tickets).owner;
      if (carried.source === 'carried' || (carried.source === 'ticket' && carried.value !== undefined)) continue;
      const what = carried.source === 'ticket'
        ? `has no owner and its ticket ${carried.ticket} has no assignee`
        : item.owner.text === '' ? 'has no owner' : `has no real owner ("${item.owner.text}")`;
      const fixes = people.flatMap((p): Fix[] => {
        const fix = setFieldFix(item, item.owner, `Set owner to ${p}`, p, 'owner');
        return fix ? [fix] : [];
      });
      report(
        item.owner.origin === 'missing' ? item.range : item.owner.range,
        `Action item "${quote(item.action.text, 40)}" ${what}: ${carried.source === 'ticket' ? 'assign the ticket, or name' : 'name'} one person or @handle who answers for it`,
        fixes,
      );
    }
  },
};
