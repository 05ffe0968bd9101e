/**
 * The lint controller's decisions that need no editor (unit-tested in test/unit/extension-lint.test.ts).
 * Nothing here imports 'vscode'.
 */
import type { ConfigProblem, TicketMap } from '../core';

/** The longest wait after typing, however large the document. */
export const MAX_DEBOUNCE_MS = 10_000;

/**
 * How long to wait after an edit before linting: linting costs about linear time in the document's
 * size, so a big document waits longer (a fifth of a millisecond per line, at most 10 s), never
 * less than the configured `postmortem.lint.debounce`.
 */
export function debounceWait(configured: number, lineCount: number): number {
  return Math.max(configured, Math.min(MAX_DEBOUNCE_MS, Math.floor(lineCount / 5)));
}

/** The one notice for a document over `postmortem.maxFileSize`. */
export function tooLargeMessage(name: string, size: number, limit: number): string {
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
  return `Postmortem: ${name} is ${mb(size)}, over the ${mb(limit)} limit (postmortem.maxFileSize): it is not linted.`;
}

/** The diagnostic that stands for the findings over `postmortem.lint.maxProblems`, if there are any. */
export function overflowMessage(total: number, max: number): string | undefined {
  return total > max ? `${total - max} more postmortem findings are not shown (postmortem.lint.maxProblems is ${max})` : undefined;
}

/** Whether two sets of tickets read from the tracker say the same (so open documents need no new lint). */
export function sameTickets(a: TicketMap | undefined, b: TicketMap | undefined): boolean {
  if ((a?.size ?? 0) !== (b?.size ?? 0)) return false;
  for (const [ticket, x] of a ?? []) {
    const y = b?.get(ticket);
    if (!y || x.assignee !== y.assignee || x.priority !== y.priority || x.due !== y.due || x.state !== y.state) return false;
  }
  return true;
}

/** What the output channel says about a configuration: where it came from and its problems; undefined when there are none. */
export function configProblemReport(file: string | undefined, problems: readonly ConfigProblem[]): { source: string; line: string } | undefined {
  if (problems.length === 0) return undefined;
  const source = file ?? 'Settings (postmortem.*)';
  return { source, line: `${source}: ${problems.map((p) => p.message).join('; ')}` };
}

/** The one-line summary of Lint Workspace. */
export function lintWorkspaceMessage(files: number, findings: number): string {
  return `Postmortem lint: ${findings} finding${findings === 1 ? '' : 's'} in ${files} postmortem${files === 1 ? '' : 's'}.`;
}
