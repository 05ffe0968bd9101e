/**
 * Authoring decisions that need no editor (unit-tested in test/unit/extension-authoring.test.ts).
 * Nothing here imports 'vscode'.
 */
/** Core's 1-based position of a 0-based editor position. */
export function corePosition(p: { line: number; character: number }): { line: number; column: number } {
  return { line: p.line + 1, column: p.character + 1 };
}

/** Today's date in UTC, as the rules and the hovers compare deadlines against it. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
