import { effectiveFields } from '../tickets';
import { quote, setFieldFix } from './helpers';
import type { Fix, Rule } from './types';

export const actionMissingPriority: Rule = {
  id: 'action-missing-priority',
  summary: 'Every open action item has a priority',
  defaultSeverity: 'warning',
  rationale: 'Priorities say what to do first: P0 fixes the immediate cause, P1 shortens the next incident, P2 prevents the category, P3 is long-term. A done or dropped item needs none, and a priority word (`High`, `Sev2`) is not missing: action-invalid-priority maps it to a level.',
  examples: [
    { markdown: '## Action items\n\n- Add index on `orders.created_at` — owner: @ana, due: 2025-05-01\n', findings: ['3:3'] },
    { markdown: '## Action items\n\n- P0: Add index on `orders.created_at` — owner: @ana, due: 2025-05-01\n', findings: [] },
    {
      title: 'A priority word is a priority to map (see action-invalid-priority), and done items need none',
      markdown: '## Action items\n\n- **HIGH** Shard the audit log table — owner: @kim\n- [P2] Drop the unused indexes — owner: @kim\n- Rotate the signing key (critical) — owner: @kim\n- [x] Revert the cache TTL change — owner: @kim\n',
      findings: [],
    },
    {
      title: 'With tickets carrying the priority, an item with a ticket needs none of its own',
      config: { ticketsCarry: ['priority'] },
      markdown: '## Action items\n\n- Shard the audit log table — owner: @kim, due: 2025-06-01, ticket: OPS-31\n- Drop the unused indexes — owner: @kim, due: 2025-06-01\n',
      findings: ['4:3'],
    },
  ],
  check({ postmortem, config, tickets, report }) {
    for (const item of postmortem.actionItems) {
      // A done or dropped item has nothing left to rank.
      if (item.done || item.priority.text !== '') continue;
      // `ticketsCarry: [priority]`: the ticket's priority stands for the item's (see src/core/tickets.ts).
      const carried = effectiveFields(item, config.ticketsCarry, tickets).priority;
      if (carried.source === 'carried' || (carried.source === 'ticket' && carried.value !== undefined)) continue;
      const fixes = config.priorities.flatMap((p): Fix[] => {
        const fix = setFieldFix(item, item.priority, `Set priority ${p.id}${p.description ? ` (${p.description.replace(/[.;].*$/, '')})` : ''}`, p.id, 'priority');
        return fix ? [fix] : [];
      });
      report(
        item.priority.origin === 'missing' ? item.range : item.priority.range,
        `Action item "${quote(item.action.text, 40)}" has no priority${carried.source === 'ticket' ? ` and its ticket ${carried.ticket} has none` : ''}: ${carried.source === 'ticket' ? 'set one on the ticket, or write' : 'use'} one of ${config.priorities.map((p) => p.id).join(', ')}`,
        fixes,
      );
    }
  },
};
