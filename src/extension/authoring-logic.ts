/**
 * Authoring decisions that need no editor (unit-tested in test/unit/extension-authoring.test.ts).
 * Nothing here imports 'vscode'.
 */
import type { Postmortem } from '../core';

/** Owners named in postmortems, most often named first (ties in order of first appearance); handles and placeholders left out. */
export function rankOwners(postmortems: Iterable<Postmortem>): string[] {
  const counts = new Map<string, number>();
  for (const pm of postmortems) {
    for (const item of pm.actionItems) {
      const owner = item.owner.value;
      if (owner && /^[\p{L}]/u.test(owner)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}

/** Core's 1-based position of a 0-based editor position. */
export function corePosition(p: { line: number; character: number }): { line: number; column: number } {
  return { line: p.line + 1, column: p.character + 1 };
}

/** Today's date in UTC, as the rules and the hovers compare deadlines against it. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
