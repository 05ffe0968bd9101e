import { findSection } from '../sections';
import type { Rule } from './types';

export const contributingFactorsMissing: Rule = {
  id: 'contributing-factors-missing',
  summary: 'A root-cause analysis comes with contributing factors',
  defaultSeverity: 'info',
  rationale: 'The root cause fix prevents this incident; addressing contributing factors (why it was not caught earlier) prevents the whole category.',
  examples: [
    { markdown: '## Root cause\n\nA missing index on `orders.user_id`.\n', findings: ['1:1'] },
    { markdown: '## Root cause\n\nA missing index on `orders.user_id`.\n\n## Contributing factors\n\n- Staging has 1,000 rows, production 10M.\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const root = findSection(postmortem.sections, 'root-cause');
    if (!root || postmortem.contributingFactors.length > 0 || findSection(postmortem.sections, 'contributing-factors')) return;
    report(root.headingRange, 'There is a root cause but no contributing factors: list what let the cause through unnoticed (a "Contributing factors" section)');
  },
};
