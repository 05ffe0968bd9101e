import type { ActionItem } from '../model';
import type { LineIndex } from '../text';
import { plainInline } from '../text';
import { laterClauseRequest, proseCommitments } from '../commitments';
import { scoreVagueness } from '../vague';
import { quote } from './helpers';
import type { Rule } from './types';

/** A list item's marker and task box: `- [ ] `, `2. `, `* [x] `. */
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;

/**
 * The text of the list item a nested item sits under, when that item introduces its children
 * ("Ensure that alerting is in place for:" over "Warp Speed"): read from the lines above.
 */
function introducingParent(item: ActionItem, lines: LineIndex): string | undefined {
  if (item.source !== 'list') return undefined;
  const own = LIST_ITEM.exec(lines.lineText(item.line));
  if (!own || own[1]!.length === 0) return undefined;
  const indent = own[1]!.length;
  for (let l = item.line - 1; l >= 1 && item.line - l <= 50; l--) {
    const text = lines.lineText(l);
    if (text.trim() === '') continue;
    const m = LIST_ITEM.exec(text);
    if (!m) {
      // A wrapped line of an item above: keep looking; anything else at the margin ends the list.
      if (/^\S/.test(text)) return undefined;
      continue;
    }
    if (m[1]!.length >= indent) continue;
    const parent = plainInline(text.slice(m[0].length)).trim();
    return /:$/.test(parent) ? parent : undefined;
  }
  return undefined;
}

export const actionVague: Rule = {
  id: 'action-vague',
  summary: 'Action items can be verified as complete',
  defaultSeverity: 'warning',
  rationale: '"Improve monitoring" is not actionable; "Add p99 query latency alert on progress-sync at 100ms, paging via PagerDuty" is. An action item that cannot be verified as complete will never be completed. An action that names a component, file, tool or setting and a change whose completion can be checked is concrete; a linked ticket counts as naming the change, and a nested item is read with the item that introduces it.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Improve monitoring | @bob | 2025-05-01 |\n', findings: ['5:8'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add p99 query latency alert on progress-sync at 100ms | @bob | 2025-05-01 |\n', findings: [] },
    {
      title: 'A checkable change to a named component, a linked ticket, and nested items read with their parent',
      markdown: '## Action items\n\n- Log the batch id when the nightly export starts\n- Make sure report workers run in their own node pool\n- [#311]: Add a consistency check between the index and the database\n- [ ] Ensure that alerting is in place for:\n  - [ ] Ledger sync\n  - [ ] Billing backend\n\n[#311]: https://example.com/issues/311\n',
      findings: [],
    },
    {
      title: 'The request inside a commitment or under an aim-only headline is what is judged; a ticket does not rescue an item that names nothing',
      markdown: '## Action items\n\n- We will expand the set of monitoring checks we run on the system\n- **Deployment strategy evolution**: Re-evaluate rollout approaches\n- Alerting follow-up ([#2291](https://example.com/issues/2291))\n- **Connection limiting**: Prevent unbounded concurrent connections to `pgbouncer`\n',
      findings: ['3:3', '4:3', '5:3'],
    },
    {
      title: 'Intentions without a checkable end stay vague, with or without a ticket',
      markdown: '## Action items\n\n- Consider ways to make deploys safer ([#12](https://example.com/issues/12))\n- Ensure on-call engineers are aware of the escalation policy\n',
      findings: ['3:3', '4:3'],
    },
  ],
  check({ postmortem, lines, report }) {
    for (const item of postmortem.actionItems) {
      if (item.action.text === '' || item.done) continue;
      const parent = introducingParent(item, lines);
      const text = parent ? `${parent} ${item.action.text}` : item.action.text;
      const s = scoreVagueness(laterClauseRequest(text) ?? text);
      if (!s.vague) continue;
      report(
        item.action.range,
        `Action "${item.action.text}" cannot be verified as done: it ${s.reasons.slice(0, 2).join(' and ')}. Name what changes where, with a number or a check (e.g. "Add p99 latency alert on <service> at <threshold>")`,
      );
    }
    // Follow-up work promised in a sentence ("We are investigating ways to improve resilience").
    for (const c of proseCommitments(postmortem, lines)) {
      const s = scoreVagueness(c.request);
      if (!s.vague) continue;
      report(
        c.range,
        `Commitment "${quote(c.text, 80)}" cannot be verified as done: it ${s.reasons.slice(0, 2).join(' and ')}. Make it an action item that names what changes where, with a number or a check`,
      );
    }
  },
};
