import type { WhyChain, WhyStep } from '../model';
import type { LineIndex } from '../text';
import { isPlaceholderText } from '../vocabulary/placeholders';
import type { Rule } from './types';

/** A line written as a step of a chain: an arrow answer, `A:`/`Q:`, a numbered `Why 2:` or a bold `**Why?**`. */
const CHAIN_SYNTAX = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:(?:\*\*|__)?(?:Q\d{0,2}|A\d{0,2}|Question|Answer)(?:\*\*|__)?\s*[:.]|(?:\*\*|__)Why\b[^*_\n]{0,12}(?:\*\*|__)|Why\s*#?\d{1,2}\s*[:.])|^\s*(?:[-*+]\s+)?(?:\u2192|->|=>|\u21d2|\u27f6)|\?\s*(?:\*\*|__)?\s*(?:\u2192|->|=>|\u21d2|\u27f6)/i;

/** A section about the whys: "Five whys", "5 Whys", "Root cause (why-chain)". */
const WHYS_TITLE = /\bwhys?\b/i;

/** Longer than this, an answer is a paragraph of analysis, not a step of a chain. */
const PROSE_ANSWER = 240;

/** A step with something written in it: a question or an answer that is more than a placeholder. */
const written = (s: WhyStep) => (s.question !== undefined && !isPlaceholderText(s.question)) || (s.answer !== undefined && !isPlaceholderText(s.answer));
const answered = (s: WhyStep) => s.answer !== undefined && s.answer.trim() !== '' && !isPlaceholderText(s.answer);

/**
 * Whether a chain is written as a why-chain rather than analysis prose that happens to ask why: it
 * sits under a heading about the whys, or uses chain syntax (arrows, `A:`, numbered or bold whys),
 * or links two or more short answered steps. One question answered in a paragraph is prose.
 */
function isChain(chain: WhyChain, steps: readonly WhyStep[], lines: LineIndex): boolean {
  if (chain.section && WHYS_TITLE.test(chain.section.title)) return true;
  for (let l = chain.range.start.line; l <= chain.range.end.line; l++) if (CHAIN_SYNTAX.test(lines.lineText(l))) return true;
  return steps.length >= 2 && steps.every((s) => answered(s) && s.answer!.length <= PROSE_ANSWER);
}

export const fiveWhysShort: Rule = {
  id: 'five-whys-short',
  summary: 'Why-chains go deep enough (5 steps by default)',
  defaultSeverity: 'info',
  rationale: 'The first answers of a why-chain describe symptoms; the systemic causes that prevent a whole category of incidents usually appear around the fourth or fifth why. Only chains are counted: a why asked and answered in a paragraph of analysis is prose, a nested list of whys and answers is one chain, and steps left as template placeholders (`Why …?`, `→ …`) do not count.',
  examples: [
    { markdown: '## Root cause\n\nWhy did the API fail?\n→ The query timed out.\n\nWhy did the query time out?\n→ It scanned 10M rows.\n', findings: ['3:1'] },
    { markdown: '## Five whys\n\n1. Why did checkout fail? Because payments returned 503.\n2. Why did payments return 503? Because its pool was exhausted.\n3. Why was the pool exhausted? Because a retry loop held connections.\n4. Why did the loop hold connections? Because it had no timeout.\n5. Why had it no timeout? Because the client default is infinite.\n', findings: [] },
    { title: 'A shorter chain is enough with minSteps', options: { minSteps: 2 }, markdown: '## Root cause\n\nWhy did the API fail?\n→ The query timed out.\n\nWhy did the query time out?\n→ It scanned 10M rows.\n', findings: [] },
    {
      title: 'A nested list of whys and answers is one chain',
      options: { minSteps: 3 },
      markdown: '## Five whys\n\n- Why did the import stall?\n  - The worker pool was empty.\n    - Why was the pool empty?\n      - Every worker waited on one lock.\n        - Why one lock?\n          - The queue table has a single advisory lock.\n',
      findings: [],
    },
    {
      title: 'Placeholders are not steps',
      markdown: '## Root cause\n\nWhy did the import stall?\n→ The worker pool was empty.\n\nWhy …?\n→ …\n\nWhy …?\n→ …\n\nWhy …?\n→ …\n\nWhy …?\n→ …\n',
      findings: ['3:1'],
    },
    {
      title: 'A question answered in analysis prose is not a chain',
      markdown: '## Root cause\n\nWhy did only the EU node stall? Because it alone ran with aggressive pruning, which we confirmed by reproducing the stall on a seed node with the same setting.\n',
      findings: [],
    },
  ],
  options: {
    schema: {
      type: 'object',
      properties: {
        minSteps: { type: 'integer', minimum: 1, maximum: 20, markdownDescription: 'Steps a why-chain should reach; defaults to the top-level `whyChainLength`.' },
      },
      additionalProperties: false,
    },
    defaults: (config) => ({ minSteps: config.whyChainLength }),
  },
  check({ postmortem, lines, options, report }) {
    const minSteps = options.minSteps as number;
    for (const chain of postmortem.whyChains) {
      const steps = chain.steps.filter(written);
      // A chain of placeholders only is an unwritten template: placeholder-left reports it.
      if (steps.length === 0 || steps.length >= minSteps || !isChain(chain, steps, lines)) continue;
      const unanswered = steps.some((s) => !answered(s));
      report(
        chain.range,
        `This why-chain stops after ${steps.length} step${steps.length === 1 ? '' : 's'}${unanswered ? ' and has an unanswered why' : ''}: keep asking why until you reach a cause in the system (${minSteps} steps)`,
      );
    }
  },
};
