import { documentPeople } from '../vocabulary/people';
import { isPlaceholderOwner } from '../vocabulary/placeholders';
import { quote, setFieldFix } from './helpers';
import type { Fix, Rule } from './types';

export const actionMissingOwner: Rule = {
  id: 'action-missing-owner',
  summary: 'Every action item names an owner',
  defaultSeverity: 'warning',
  rationale: 'An action item without a person who answers for it is nobody\'s job. "TBD", "team" or "someone" name nobody.',
  examples: [
    { title: 'An owner that names nobody', markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout at 300ms | TBD | 2025-05-01 |\n| P2 | Load-test checkout at 2x peak | team | 2025-06-01 |\n', findings: ['5:53', '6:40'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 latency alert on checkout at 300ms | @bob | 2025-05-01 |\n', findings: [] },
  ],
  check({ postmortem, workspacePeople, report }) {
    const people = [...new Set([...documentPeople(postmortem), ...workspacePeople])].slice(0, 6);
    for (const item of postmortem.actionItems) {
      if (!isPlaceholderOwner(item.owner.text)) continue;
      const what = item.owner.text === '' ? 'has no owner' : `has no real owner ("${item.owner.text}")`;
      const fixes = people.flatMap((p): Fix[] => {
        const fix = setFieldFix(item, item.owner, `Set owner to ${p}`, p, 'owner');
        return fix ? [fix] : [];
      });
      report(
        item.owner.origin === 'missing' ? item.range : item.owner.range,
        `Action item "${quote(item.action.text, 40)}" ${what}: name one person or @handle who answers for it`,
        fixes,
      );
    }
  },
};
