import type { Rule } from './types';

export const fiveWhysShort: Rule = {
  id: 'five-whys-short',
  summary: 'Why-chains go deep enough (5 steps by default)',
  defaultSeverity: 'info',
  rationale: 'The first answers of a why-chain describe symptoms; the systemic causes that prevent a whole category of incidents usually appear around the fourth or fifth why.',
  examples: [
    { markdown: '## Root cause\n\nWhy did the API fail?\n→ The query timed out.\n\nWhy did the query time out?\n→ It scanned 10M rows.\n', findings: ['3:1'] },
    { markdown: '## Five whys\n\n1. Why did checkout fail? Because payments returned 503.\n2. Why did payments return 503? Because its pool was exhausted.\n3. Why was the pool exhausted? Because a retry loop held connections.\n4. Why did the loop hold connections? Because it had no timeout.\n5. Why had it no timeout? Because the client default is infinite.\n', findings: [] },
    { title: 'A shorter chain is enough with minSteps', options: { minSteps: 2 }, markdown: '## Root cause\n\nWhy did the API fail?\n→ The query timed out.\n\nWhy did the query time out?\n→ It scanned 10M rows.\n', findings: [] },
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
  check({ postmortem, options, report }) {
    const minSteps = options.minSteps as number;
    for (const chain of postmortem.whyChains) {
      if (chain.steps.length >= minSteps) continue;
      const unanswered = chain.steps.some((s) => s.answer === undefined);
      report(
        chain.range,
        `This why-chain stops after ${chain.steps.length} step${chain.steps.length === 1 ? '' : 's'}${unanswered ? ' and has an unanswered why' : ''}: keep asking why until you reach a cause in the system (${minSteps} steps)`,
      );
    }
  },
};
