import { findBlame } from '../blame';
import { documentPeople } from '../vocabulary/people';
import type { Rule } from './types';

const COUNTERFACTUAL = /^(?:should|could|would|ought)/i;

export const blameLanguage: Rule = {
  id: 'blame-language',
  summary: 'No blame or counterfactual judgement of people',
  defaultSeverity: 'warning',
  rationale: 'If people fear punishment they hide information, and what cannot be reconstructed cannot be prevented. Describe what the system allowed, not who is at fault: blameless does not mean unaccountable.',
  examples: [
    { markdown: '## Root cause\n\nBob carelessly ran the migration on production.\n', findings: ['3:5'] },
    { markdown: '## Root cause\n\nThe migration ran on production because the deploy script defaults to the production database.\n', findings: [] },
  ],
  check({ postmortem, lines, report }) {
    const people = new Set(documentPeople(postmortem));
    const skip = new Set<number>();
    if (postmortem.frontmatter) for (let l = postmortem.frontmatter.range.start.line; l <= postmortem.frontmatter.range.end.line; l++) skip.add(l);
    const timeline = postmortem.timeline.section?.range;
    let fence: string | undefined;
    for (let l = 1; l <= lines.lineCount; l++) {
      const line = lines.lineText(l);
      const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (f) {
        if (!fence) fence = f[1]![0]!;
        else if (f[1]![0] === fence) fence = undefined;
        continue;
      }
      if (fence || skip.has(l) || line.length > 5000) continue;
      const inTimeline = timeline !== undefined && l > timeline.start.line && l <= timeline.end.line;
      for (const hit of findBlame(line, people)) {
        // In the timeline, timeline-editorializing already reports "should have".
        if (inTimeline && COUNTERFACTUAL.test(hit.phrase)) continue;
        report(
          { start: { line: l, column: hit.start + 1 }, end: { line: l, column: hit.end + 1 } },
          `Blame language: "${hit.phrase}". ${hit.suggestion}`,
        );
      }
    }
  },
};
