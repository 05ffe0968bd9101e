import type { Rule } from './types';

export const fiveWhysShort: Rule = {
  id: 'five-whys-short',
  summary: 'Why-chains go deep enough (5 steps by default)',
  defaultSeverity: 'info',
  rationale: 'The first answers of a why-chain describe symptoms; the systemic causes that prevent a whole category of incidents usually appear around the fourth or fifth why.',
  examples: { bad: 'Why did the API fail?\n→ The query timed out.', good: 'Why did the API fail?\n→ The query timed out.\n\nWhy did it time out?\n→ …(five steps)' },
  check({ postmortem, config, report }) {
    for (const chain of postmortem.whyChains) {
      if (chain.steps.length >= config.whyChainLength) continue;
      const unanswered = chain.steps.some((s) => s.answer === undefined);
      report(
        chain.range,
        `This why-chain stops after ${chain.steps.length} step${chain.steps.length === 1 ? '' : 's'}${unanswered ? ' and has an unanswered why' : ''}: keep asking why until you reach a cause in the system (${config.whyChainLength} steps)`,
      );
    }
  },
};
