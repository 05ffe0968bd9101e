import type { FieldSection, Range, Section } from '../model';
import { allSections, hasKind, sectionPresence } from '../sections';
import type { Rule } from './types';

export const contributingFactorsMissing: Rule = {
  id: 'contributing-factors-missing',
  summary: 'A root-cause analysis comes with contributing factors',
  defaultSeverity: 'info',
  rationale: 'The root cause fix prevents this incident; addressing contributing factors (why it was not caught earlier) prevents the whole category. Factors count where people write them: a "Contributing factors" section, several causes in the root-cause section ("three compounding factors:", a numbered list of causes, a "Causes" heading), or the points under "What went wrong" / "What went poorly". Template text is not a factor, and a root-cause section of template text is reported by section-missing instead.',
  examples: [
    { markdown: '## Root cause\n\nA missing index on `orders.user_id`.\n', findings: ['1:1'] },
    { markdown: '## Root cause\n\nA missing index on `orders.user_id`.\n\n## Contributing factors\n\n- Staging has 1,000 rows, production 10M.\n', findings: [] },
    {
      title: 'several causes announced in the root-cause section',
      markdown: '## Root Cause Analysis\n\nThe outage came from three compounding factors:\n\n1. **Timeout change**: a shorter connect timeout during database load.\n2. **Retries**: no backoff, so failures multiplied.\n3. **Probes**: traffic kept going to crashing pods.\n',
      findings: [],
    },
    {
      title: 'a Causes heading with the causes of each service',
      markdown: '## Causes\n\nEach service failed for its own reasons.\n\n### Public endpoint\n\n- Too little proxy capacity.\n\n### Indexer\n\n- Too few replicas.\n',
      findings: [],
    },
    {
      title: 'factors under What went poorly',
      markdown: '## Root Cause\n\nA bug in the December release stopped the service from starting.\n\n## Lessons learned\n\n### What went poorly\n\n- The change was never tested.\n- Deploys of this service are manual.\n',
      findings: [],
    },
    {
      title: 'one cause in each subsection of the root cause',
      markdown: '## Root Cause\n\n### The builder sent invalid blocks\n\n- Its simulator was overloaded.\n\n### Demotion did not trigger on a timeout\n\n- Only failed validations demoted a builder.\n',
      findings: [],
    },
    {
      title: 'a later section says how the cause got through',
      markdown: '## Root cause of the outage\n\nThe temp folder was never cleaned, so the disk filled up.\n\n## Postmortem\n\nDisk use was graphed, but no alert was configured, so nobody noticed the growth.\n',
      findings: [],
    },
    {
      title: 'factors under What didn\'t work, and a label before a list of root causes',
      markdown: '## Root causes\n\nA plugin endorsed a web-only implementation.\n\n### What didn\'t work\n\n- Android builds did not support web-only dependencies.\n\n## Incident two\n\n**Root causes:**\n\n- Pods were short of CPU\n- Retries had no limit\n',
      findings: [],
    },
    {
      title: 'a bulleted list of evidence is not several causes',
      markdown: '## Root cause\n\nThe oracle read four spot prices:\n\n- Pool A\n- Pool B\n\n## What went well\n\n- The pool was halted within minutes.\n',
      findings: ['1:1'],
    },
    { title: 'a root cause of template text is no root cause', markdown: '## Root cause\n\n_Describe the root cause of the incident._\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const at = rootCauseAt(allSections(postmortem.sections), postmortem.fieldSections);
    if (!at || postmortem.contributingFactors.length > 0) return;
    if (sectionPresence(postmortem, 'what-went-wrong').written) return;
    if (allSections(postmortem.sections).some((s) => hasKind(s, 'contributing-factors')) || postmortem.fieldSections.some((f) => f.kind === 'contributing-factors')) return;
    report(at, 'There is a root cause but no contributing factors: list what let the cause through unnoticed (a "Contributing factors" section)');
  },
};

/** Where the root cause is written: the first root-cause heading with text, else a root-cause label with text. */
function rootCauseAt(sections: readonly Section[], fields: readonly FieldSection[]): Range | undefined {
  const heading = sections.find((s) => hasKind(s, 'root-cause') && s.content === 'text');
  if (heading) return heading.headingRange;
  return fields.find((f) => f.kind === 'root-cause' && f.content === 'text')?.labelRange;
}
