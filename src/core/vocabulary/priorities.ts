/** Priority vocabulary: the default levels, the words people write for them, and reading a level. */

/** A priority level and what it means. */
export interface PriorityLevel {
  id: string;
  description: string;
}

/** The seed guide's meaning of each level. */
export const DEFAULT_PRIORITIES: PriorityLevel[] = [
  { id: 'P0', description: 'Fix the immediate cause; usually done during or right after the incident.' },
  { id: 'P1', description: 'Improve detection and response, so the next incident is shorter.' },
  { id: 'P2', description: 'Prevent the root cause category from reaching production again.' },
  { id: 'P3', description: 'Long-term systemic improvements to the organisation or tooling.' },
];

/** Words people write for priorities (lowercase), mapped to the default level. */
export const DEFAULT_PRIORITY_MAP: Record<string, string> = {
  critical: 'P0', blocker: 'P0', urgent: 'P0', highest: 'P0', sev1: 'P0', 'sev 1': 'P0',
  high: 'P1', major: 'P1', sev2: 'P1', 'sev 2': 'P1',
  medium: 'P2', med: 'P2', normal: 'P2', moderate: 'P2', sev3: 'P2', 'sev 3': 'P2',
  low: 'P3', lowest: 'P3', minor: 'P3', trivial: 'P3', sev4: 'P3', 'sev 4': 'P3',
};

/** A priority cell without Markdown decoration: `**P1**` and `[P1]` read as `P1`. */
export function bareLevel(text: string): string {
  return text.replace(/[*_`[\]()]/g, '').trim();
}

/** A priority written as `P0`…`P9` (any case, optionally bold or bracketed): its number. */
export function priorityLevel(text: string): number | undefined {
  const m = /^(?:\*\*|__|\[|\()?\s?P([0-9])\s?(?:\*\*|__|\]|\))?$/i.exec(text.trim());
  return m ? Number(m[1]) : undefined;
}
