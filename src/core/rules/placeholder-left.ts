import type { Range } from '../model';
import { blankCodeSpans, blankHtmlComments } from '../text';
import { PLACEHOLDER } from '../vocabulary/placeholders';
import type { Rule } from './types';

/** Whether a position lies inside a range (end exclusive). */
const inside = (r: Range, line: number, column: number) =>
  (line > r.start.line || (line === r.start.line && column >= r.start.column)) && (line < r.end.line || (line === r.end.line && column < r.end.column));

export const placeholderLeft: Rule = {
  id: 'placeholder-left',
  summary: 'No template placeholder is left unfilled',
  defaultSeverity: 'warning',
  rationale: 'A postmortem that still says TBD, <describe the impact> or YYYY-MM-DD was published before it was written. Fill in what is known, or say plainly what is not known yet and who finds out.',
  examples: [
    { markdown: '## Impact\n\nTBD\n\n## Root cause\n\n<describe the root cause>\n', findings: ['3:1', '7:1'] },
    { title: 'A snippet default left in place', markdown: '## Timeline (UTC)\n\n- **HH:MM** — Deploy of v2.4.1 starts\n', findings: ['3:5'] },
    { markdown: '## Impact\n\nCheckout failed for 12% of requests for 23 minutes.\n\n## Root cause\n\nA missing index on `orders.user_id` (see <https://example.com/pr/42>).\n', findings: [] },
    {
      title: 'An unfilled why-step and snippet prompts',
      markdown: '## Root cause\n\nWhy \u2026?\n\u2192 \u2026\n\n## Timeline (UTC)\n\n- 14:02 how it was noticed [detected]\n',
      findings: ['3:5', '4:3', '8:9'],
    },
    {
      title: 'TODO as the status of an action item is a status',
      markdown: '## Action items\n\n| Action | Owner | Deadline | Status |\n| --- | --- | --- | --- |\n| Add a disk-usage alert on db-1 at 85% | @ana | 2025-05-01 | **TODO** |\n',
      findings: [],
    },
  ],
  check({ postmortem, lines, report }) {
    // Owners and deadlines that say TBD already get their own finding from the action-item rules;
    // a status of TODO is a status (the item is not started), not template text.
    const fields = postmortem.actionItems.flatMap((i) => [i.owner, i.deadline, i.priority, i.status].filter((f) => f.origin !== 'missing').map((f) => f.range));
    let fence: string | undefined;
    const first = postmortem.frontmatter ? postmortem.frontmatter.range.end.line + 1 : 1;
    for (let l = first; l <= lines.lineCount; l++) {
      const raw = lines.lineText(l);
      const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
      if (fence) {
        if (open && open[1]![0] === fence[0] && open[1]!.length >= fence.length) fence = undefined;
        continue;
      }
      if (open) {
        fence = open[1];
        continue;
      }
      // Code spans and HTML comments hold code and directives, not unfilled prose.
      const text = blankCodeSpans(blankHtmlComments(raw));
      PLACEHOLDER.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PLACEHOLDER.exec(text))) {
        const shown = m[0].trim();
        const start = m.index + (m[0].length - m[0].trimStart().length) + 1;
        if (shown === '' || fields.some((r) => inside(r, l, start))) continue;
        report(
          { start: { line: l, column: start }, end: { line: l, column: start + shown.length } },
          `Template text left unfilled: "${shown.replace(/^[-*+][ \t]+/, '')}". Write what is known, or say what is not known yet and who finds out`,
        );
      }
    }
  },
};
