import type { Rule } from './types';

/** The timeline problems this rule reports: what the parser could read two ways and had to guess. */
const AMBIGUOUS = new Set(['ambiguous-time-zone', 'ambiguous-date-order']);

export const timelineAmbiguousTime: Rule = {
  id: 'timeline-ambiguous-time',
  summary: 'Timeline dates and zones can be read only one way',
  defaultSeverity: 'warning',
  rationale: 'A zone such as IST names three zones hours apart, and 03/04/2024 is March 4th in one country and April 3rd in another. The timeline is read one way (India, and the order the rest of the document uses); when nothing in the document decides, readers may disagree with that reading, and so may every metric computed from it. Write an offset, an IANA zone, or dates as YYYY-MM-DD.',
  examples: [
    { markdown: '## Timeline\n\n- 03/04/2024 10:00 UTC Deploy starts\n- 03/04/2024 10:20 UTC Rollback\n', findings: ['3:3'] },
    { markdown: '## Timeline\n\n- 03/04/2024 10:00 UTC Deploy starts\n- 17/04/2024 10:20 UTC Follow-up review\n', findings: [] },
    { markdown: '## Timeline (all times IST)\n\n- 2024-03-04 10:00 Deploy starts\n', findings: ['3:3'] },
    { markdown: '## Timeline (all times UTC+05:30)\n\n- 2024-03-04 10:00 Deploy starts\n', findings: [] },
  ],
  check({ postmortem, report }) {
    for (const p of postmortem.problems) {
      if (AMBIGUOUS.has(p.code)) report(p.range, p.message);
    }
  },
};
