import { agentBefore } from '../blame';
import { documentPeople } from '../vocabulary/people';
import { blankNonProse } from '../text';
import type { Rule } from './types';

/**
 * Opinion in a timeline entry: judging adverbs and adjectives, counterfactuals, and exclamation
 * marks that come in twos (`!!`, `?!`). A single `!` on a factual line ("Incident officially
 * resolved!") is enthusiasm, not judgement, and is left alone.
 */
const OPINION = /\b(?:unfortunately|fortunately|luckily|unluckily|thankfully|sadly|obviously|clearly|of course|naturally|surprisingly|amazingly|embarrassingly|shockingly|inexplicably|stupidly|foolishly|predictably|needless to say|as usual|should have|should've|could have|could've|would have|terrible|terribly|horrible|horribly|disaster(?:ous)?|awful|mess|nightmare|heroic(?:ally)?|brilliant(?:ly)?)\b|(?:!!|\?!|!\?)[!?]{0,20}/gi;

/** A counterfactual: it judges only when a person or the team is its agent and it is not about a state ("should've been removed"). */
const COUNTERFACTUAL = /^(?:should|could|would)/i;

export const timelineEditorializing: Rule = {
  id: 'timeline-editorializing',
  summary: 'Timeline entries state facts, without opinion',
  defaultSeverity: 'warning',
  rationale: 'The timeline is a factual record, not a narrative. Save judgement and analysis for the root-cause and lessons sections. A counterfactual ("should have") counts when a person or the team is its agent; an image (`![…](…)`), code and a single exclamation mark on a factual line do not.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:31 Unfortunately Alice only saw the page now!!\n', findings: ['3:9', '3:50'] },
    { markdown: '## Timeline (UTC)\n\n- 14:31 Alice acknowledges the page\n', findings: [] },
    {
      title: 'A person or the team as the agent of a counterfactual',
      markdown: '## Timeline (UTC)\n\n- 14:31 Alice should have paged the database team\n- 14:40 We could have rolled back sooner\n',
      findings: ['3:15', '4:12'],
    },
    {
      title: 'Images, code, states of the system and a plain exclamation mark are facts',
      markdown: '## Timeline (UTC)\n\n- 09:15 Uptime drops to 40% ![uptime graph](uptime.png)\n- 09:20 Config has `enabled: !true`\n- 09:31 Statuses that should\'ve been removed are still present\n- 09:40 Any operator could have restarted the node\n- 10:02 Incident officially resolved!\n',
      findings: [],
    },
  ],
  check({ postmortem, lines, report }) {
    const people = new Set(documentPeople(postmortem));
    for (const e of postmortem.timeline.events) {
      // Read the event's own lines, so positions point at the words as written.
      for (let l = e.range.start.line; l <= e.range.end.line; l++) {
        const line = blankNonProse(lines.lineText(l));
        const from = l === e.range.start.line ? e.range.start.column - 1 : 0;
        const to = l === e.range.end.line ? e.range.end.column - 1 : line.length;
        const part = line.slice(from, to);
        OPINION.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = OPINION.exec(part))) {
          if (COUNTERFACTUAL.test(m[0])) {
            const agent = agentBefore(part.slice(0, m.index), people);
            // "could have" by anyone is a capability ("any operator could have restarted it"); by a person or us, hindsight.
            const generic = /^c/i.test(m[0]) && /\b(?:any|anyone|anybody)\b/i.test(part.slice(0, m.index));
            if (!agent || generic || /^\s*been\b/i.test(part.slice(m.index + m[0].length))) continue;
          }
          const start = from + m.index;
          const word = /^[!?]/.test(m[0]) ? 'exclamation marks' : `"${m[0]}"`;
          report(
            { start: { line: l, column: start + 1 }, end: { line: l, column: start + m[0].length + 1 } },
            `Editorialising in the timeline: ${word}. State what happened and when; keep judgement for the analysis sections`,
          );
        }
      }
    }
  },
};
