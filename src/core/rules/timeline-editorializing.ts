import type { Rule } from './types';

const OPINION = /\b(?:unfortunately|fortunately|luckily|unluckily|thankfully|sadly|obviously|clearly|of course|naturally|surprisingly|amazingly|embarrassingly|shockingly|inexplicably|stupidly|foolishly|predictably|needless to say|as usual|should have|should've|could have|could've|would have|terrible|terribly|horrible|horribly|disaster(?:ous)?|awful|mess|nightmare|heroic(?:ally)?|brilliant(?:ly)?)\b|!+/gi;

export const timelineEditorializing: Rule = {
  id: 'timeline-editorializing',
  summary: 'Timeline entries state facts, without opinion',
  defaultSeverity: 'warning',
  rationale: 'The timeline is a factual record, not a narrative. Save judgement and analysis for the root-cause and lessons sections.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:31 Unfortunately Alice only saw the page now!\n', findings: ['3:9', '3:50'] },
    { markdown: '## Timeline (UTC)\n\n- 14:31 Alice acknowledges the page\n', findings: [] },
  ],
  check({ postmortem, lines, report }) {
    for (const e of postmortem.timeline.events) {
      // Read the event's own lines, so positions point at the words as written.
      for (let l = e.range.start.line; l <= e.range.end.line; l++) {
        const line = lines.lineText(l);
        const from = l === e.range.start.line ? e.range.start.column - 1 : 0;
        const to = l === e.range.end.line ? e.range.end.column - 1 : line.length;
        const part = line.slice(from, to);
        OPINION.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = OPINION.exec(part))) {
          const start = from + m.index;
          const word = m[0].startsWith('!') ? 'an exclamation mark' : `"${m[0]}"`;
          report(
            { start: { line: l, column: start + 1 }, end: { line: l, column: start + m[0].length + 1 } },
            `Editorialising in the timeline: ${word}. State what happened and when; keep judgement for the analysis sections`,
          );
        }
      }
    }
  },
};
