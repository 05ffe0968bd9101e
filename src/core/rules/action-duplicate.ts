import type { Rule } from './types';

/** Action text compared without case, Markdown, punctuation or extra spaces. */
export function actionKey(text: string): string {
  return text.toLowerCase().replace(/[`*_~]/g, '').replace(/[^\p{L}\p{N}%.]+/gu, ' ').replace(/\.(?=\s|$)/g, '').trim();
}

export const actionDuplicate: Rule = {
  id: 'action-duplicate',
  summary: 'No action item is listed twice',
  defaultSeverity: 'warning',
  rationale: 'Two copies of an action get two tickets, two owners, and half the attention each.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add index on orders.user_id | @ana | 2025-05-01 |\n| P2 | Add index on orders.user_id | @bo | 2025-06-01 |\n', findings: ['6:8'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add index on orders.user_id | @ana | 2025-05-01 |\n| P2 | Add index on orders.created_at | @bo | 2025-06-01 |\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const seen = new Map<string, number>();
    for (const item of postmortem.actionItems) {
      const key = actionKey(item.action.text);
      if (key === '') continue;
      const first = seen.get(key);
      if (first !== undefined) {
        report(item.action.range, `Same action as line ${first}: merge the two items into one`, [
          { title: 'Delete this duplicate row', edits: [{ range: { start: { line: item.range.start.line, column: 1 }, end: { line: item.range.end.line + 1, column: 1 } }, newText: '' }] },
        ]);
      } else seen.set(key, item.line);
    }
  },
};
