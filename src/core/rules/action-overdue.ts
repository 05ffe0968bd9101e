import { epochDay } from '../time';
import { addDays, quote } from './helpers';
import type { Rule } from './types';

export const actionOverdue: Rule = {
  id: 'action-overdue',
  summary: 'Open action items are not past their deadline',
  defaultSeverity: 'warning',
  rationale: 'An overdue action item is a risk that was accepted without anyone deciding to. Finish it, mark it done, or move the date on purpose.',
  examples: { bad: '| P1 | Add p99 latency alert on checkout | @bob | 2020-01-10 |', good: '| P1 | Add p99 latency alert on checkout | @bob | 2020-01-10 | Done |' },
  check({ postmortem, today, report }) {
    for (const item of postmortem.actionItems) {
      const due = item.deadline.value;
      if (item.done || !due || due >= today) continue;
      const days = epochDay(today) - epochDay(due);
      const moved = addDays(today, 14);
      report(
        item.deadline.range,
        `Action item "${quote(item.action.text, 40)}" was due ${due}, ${days} day${days === 1 ? '' : 's'} ago: finish it, mark it done, or set a new date`,
        item.deadline.origin === 'missing' ? [] : [{ title: `Move deadline to ${moved}`, edits: [{ range: item.deadline.range, newText: moved }] }],
      );
    }
  },
};
