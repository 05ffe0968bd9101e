import { bareLevel } from '../vocabulary/priorities';
import { setFieldFix } from './helpers';
import type { Fix, Rule } from './types';

export const actionInvalidPriority: Rule = {
  id: 'action-invalid-priority',
  summary: 'Priorities use the configured scheme (P0–P3 by default)',
  defaultSeverity: 'warning',
  rationale: 'Words like High or Critical mean different things to different teams; one scheme makes priorities comparable across postmortems and trackers.',
  examples: [
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| Urgent-ish | Add retry budget to payments-client | @nora | 2025-07-01 |\n| High | Add circuit breaker to payments-client | @nora | 2025-07-01 |\n', findings: ['5:3', '6:3'] },
    { markdown: '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add retry budget to payments-client | @nora | 2025-07-01 |\n', findings: [] },
    {
      title: 'Priority words written inline: bold at the start, with a colon, in a trailing parenthesis',
      markdown: '## Action items\n\n- **HIGH** Shard the audit log table — owner: @kim\n- Sev2: Drop the unused indexes — owner: @kim\n- Rotate the signing key (critical) — owner: @kim\n- P2: Pin the base image digest — owner: @kim\n',
      findings: ['3:5', '4:3', '5:27'],
    },
  ],
  check({ postmortem, config, report }) {
    const ids = config.priorities.map((p) => p.id);
    for (const item of postmortem.actionItems) {
      const text = bareLevel(item.priority.text);
      if (text === '' || ids.some((id) => id.toLowerCase() === text.toLowerCase())) continue;
      const mapped = config.priorityMap[text.toLowerCase()];
      const fixes: Fix[] = [];
      for (const id of mapped && ids.includes(mapped) ? [mapped, ...ids.filter((i) => i !== mapped)] : ids) {
        const fix = setFieldFix(item, item.priority, `Change priority to ${id}${id === mapped ? ` (what "${text}" maps to)` : ''}`, id, 'priority');
        if (fix) fixes.push(id === mapped ? { ...fix, preferred: true, safe: true } : fix);
      }
      report(
        item.priority.range,
        `Priority "${text}" is not one of ${ids.join(', ')}${mapped ? `: "${text}" maps to ${mapped}` : ''}`,
        fixes,
      );
    }
  },
};
