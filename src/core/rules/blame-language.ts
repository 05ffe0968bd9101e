import { findBlame } from '../blame';
import { blankNonProse, fenceTracker } from '../text';
import { documentPeople } from '../vocabulary/people';
import type { Rule } from './types';

const COUNTERFACTUAL = /^(?:should|could|would|ought)/i;

export const blameLanguage: Rule = {
  id: 'blame-language',
  summary: 'No blame or counterfactual judgement of people',
  defaultSeverity: 'warning',
  rationale: 'If people fear punishment they hide information, and what cannot be reconstructed cannot be prevented. Describe what the system allowed, not who is at fault: blameless does not mean unaccountable. Words such as "failed to", "misconfigured" or "should have" judge only when a person (a name, an @handle, a role such as "the engineer", a pronoun for a person) is their agent; about a system they are plain description.',
  examples: [
    { markdown: '## Root cause\n\nBob carelessly ran the migration on production.\n', findings: ['3:5'] },
    { markdown: '## Root cause\n\nThe migration ran on production because the deploy script defaults to the production database.\n', findings: [] },
    {
      title: 'A person as the agent of the judgement',
      markdown: '## Contributing factors\n\n- The on-call engineer failed to escalate.\n- @dana should have known the flag was global.\n- It was Sam\'s mistake.\n- The change was botched.\n',
      findings: ['3:24', '4:9', '5:10', '6:18'],
    },
    {
      title: 'Systems, configuration and template headings are not people',
      markdown: '## What could have gone better\n\n- The export failed to finish before 06:00.\n- Builds started to fail after the upgrade.\n- Misconfigured limits let one tenant fill the queue.\n- Without the cache, requests would have queued for minutes.\n- The proxy container failed to reboot.\n- The ORM avoids lazy lookups with a join.\n- Had jobs been running, many PRs would have been unable to merge.\n',
      findings: [],
    },
    {
      title: 'A team judging its own thinking, a team judged, a verdict on a decision, a person singled out, a typed value named as the cause',
      markdown: '## What went wrong\n\nWe dramatically underestimated the traffic the launch would bring.\nThe platform team did not take the certificate alerts seriously.\nThis was the wrong call.\nThe engineer who ran the script was not told it had no dry-run mode.\nIt came down to a wrong value typed into the load-balancer config.\nThis should have been caught in review.\n',
      findings: ['3:17', '4:19', '5:1', '6:1', '7:4', '8:6'],
    },
    {
      title: 'A counterfactual that names the missing means, a team that owns something, an act told as it happened, an outcome avoided',
      markdown: '## What went wrong\n\nWe could have detected this earlier with a latency alert.\nThe team responsible for DNS renewed the certificate.\nAn operator restarted the wrong replica.\nThe estimate of launch traffic was four times too low.\nWe could have lost data if the replica had been promoted.\n',
      findings: [],
    },
    {
      title: 'Code and quoted records are not the author\'s prose',
      markdown: '## Root cause\n\nThe node logged `failed to prune store: operator error` and stopped.\n\n> 17:05 Sam:\nsorry, I forgot the quota was 55, not 80\n',
      findings: [],
    },
  ],
  check({ postmortem, lines, report }) {
    const people = new Set(documentPeople(postmortem));
    const skip = new Set<number>();
    if (postmortem.frontmatter) for (let l = postmortem.frontmatter.range.start.line; l <= postmortem.frontmatter.range.end.line; l++) skip.add(l);
    const timeline = postmortem.timeline.section?.range;
    const inCode = fenceTracker();
    let quoted = false;
    for (let l = 1; l <= lines.lineCount; l++) {
      const line = lines.lineText(l);
      // A quote (`> …`, and the lines that lazily continue it) is a record, such as a chat log or a
      // customer's message, not the author's judgement.
      quoted = /^\s{0,3}>/.test(line) || (quoted && line.trim() !== '');
      if (inCode(line) || skip.has(l) || line.length > 5000 || quoted) continue;
      const inTimeline = timeline !== undefined && l > timeline.start.line && l <= timeline.end.line;
      // Code spans, link targets and comments are not prose: blanked, so columns stay put.
      for (const hit of findBlame(blankNonProse(line), people)) {
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
