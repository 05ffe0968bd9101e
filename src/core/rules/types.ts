import type { Postmortem, Range } from '../model';
import type { LineIndex } from '../text';
import type { ResolvedConfig } from '../config';

export type Severity = 'error' | 'warning' | 'info';

/** A text edit in document coordinates (1-based, end exclusive). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** A quick fix: a title and the edits that make it. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when a user asks for "the" fix (only one per finding). */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

/** What a rule reads. Rules read the model, not raw text, except where wording is the point. */
export interface RuleContext {
  postmortem: Postmortem;
  text: string;
  lines: LineIndex;
  config: ResolvedConfig;
  /** Today as ISO `YYYY-MM-DD` (the CLI's `--today` overrides it). */
  today: string;
  /** People named elsewhere in the workspace, offered as owners in quick fixes. */
  workspacePeople: readonly string[];
  /** Options of this rule from the config (`[severity, options]`). */
  options: Record<string, unknown>;
  report(range: Range, message: string, fixes?: Fix[]): void;
}

export interface Rule {
  id: string;
  /** One line for the rules table and settings. */
  summary: string;
  defaultSeverity: Severity;
  /** Why the rule exists, for the docs page. */
  rationale: string;
  /** A snippet that triggers the rule and one that passes, for the docs page. */
  examples: { bad: string; good: string };
  check(context: RuleContext): void;
}
