import type { Postmortem, Range } from '../model';
import type { LineIndex } from '../text';
import type { Config, ResolvedConfig } from '../config';
import type { TicketMap } from '../tickets';
import type { JsonSchema } from '../config/jsonSchema';

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
  /**
   * Safe without a choice: the one edit any author would make (a priority word mapped to its level,
   * the zone on the timeline heading, entries put in time order). `postmortem lint --fix` and the
   * editor's `source.fixAll.postmortem` apply these, and only these.
   */
  safe?: boolean;
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
  /**
   * Tickets read from the tracker, keyed as the document writes them; the fields they carry reach
   * the rules through `effectiveFields` (src/core/tickets.ts). Absent when none were read.
   */
  tickets?: TicketMap | undefined;
  /**
   * Options of this rule: the config's `[severity, options]`, validated against the rule's
   * `options.schema`, with `options.defaults` filled in.
   */
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
  /**
   * Small complete documents, shown on the docs page and run as tests: each lists where this rule
   * reports (`line:column` of each finding's start); an example with no findings passes the rule.
   * At least one example is flagged and one is fine.
   */
  examples: RuleExample[];
  /** Options the rule reads from `[severity, options]`, declared for the config schema and docs. */
  options?: RuleOptions;
  check(context: RuleContext): void;
}

export interface RuleExample {
  /** One line saying what the example shows. */
  title?: string;
  markdown: string;
  /** `line:column` of each finding of this rule, in order; empty when the rule is satisfied. */
  findings: string[];
  /** This rule's options for the example, when it shows one. */
  options?: Record<string, unknown>;
  /** Other `.postmortem.yaml` keys the example is linted with (not `rules`), when it shows them. */
  config?: Omit<Config, 'rules'>;
}

export interface RuleOptions {
  /** JSON Schema (draft-07 subset, see config/jsonSchema.ts) of the options mapping. */
  schema: JsonSchema & { type: 'object'; properties: Record<string, JsonSchema> };
  /**
   * The value of every option that the config leaves out. A function when a default follows the
   * rest of the configuration (e.g. `five-whys-short`'s `minSteps` follows `whyChainLength`).
   */
  defaults: Record<string, unknown> | ((config: ResolvedConfig) => Record<string, unknown>);
}
