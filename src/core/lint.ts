import type { Config, ConfigProblem, ResolvedConfig } from './config';
import { resolveConfig, ruleOptions } from './config';
import type { Postmortem, Range } from './model';
import { parsePostmortem } from './parse';
import { RULES, RULE_IDS } from './rules';
import type { Finding, Fix, Rule, Severity } from './rules/types';
import { LineIndex, stripBom } from './text';
import type { TicketMap } from './tickets';

export interface LintOptions {
  /** Parses the Markdown (an IncrementalParser in the editor); a whole parse by default. */
  parser?: { parse(text: string): import('mdast').Root };
  config?: Config;
  /** ISO date; defaults to the current UTC date. */
  today?: string;
  workspacePeople?: readonly string[];
  /**
   * Tickets read from the tracker, keyed by the ticket as the document writes it
   * (`item.ticket.value`): where `ticketsCarry` lets a ticket carry a field the document does not
   * write, the ticket's value is checked instead (see src/core/tickets.ts).
   */
  tickets?: TicketMap;
  /** Called when a rule throws; the runner turns it into one finding and goes on. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
}

export interface LintResult {
  postmortem: Postmortem;
  findings: Finding[];
  configProblems: ConfigProblem[];
}

/** Parses and lints a document. */
export function lintText(text: string, options: LintOptions = {}): LintResult {
  const body = stripBom(text);
  return lintPostmortem(parsePostmortem(body, options.parser ? { parser: options.parser } : {}), body, options);
}

/**
 * Runs every enabled rule on a parsed document, applies severities from the config and inline
 * `<!-- postmortem-disable… -->` comments, and sorts findings by position. A rule that throws
 * becomes one finding at the top of the document.
 */
export function lintPostmortem(postmortem: Postmortem, text: string, options: LintOptions = {}): LintResult {
  const rules = options.rules ?? RULES;
  const { config, problems } = resolveConfig(options.config ?? {}, rules === RULES ? RULE_IDS : rules.map((r) => r.id), rules);
  const lines = new LineIndex(text);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const suppressed = readSuppressions(lines);
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.id];
    const severity: Severity | 'off' = setting?.severity ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    const report = (range: Range, message: string, fixes: Fix[] = []) => {
      if (suppressed(rule.id, range.start.line)) return;
      findings.push({ ruleId: rule.id, severity, message, range: clampRange(range, lines), fixes });
    };
    try {
      rule.check({ postmortem, text, lines, config, today, workspacePeople: options.workspacePeople ?? [], tickets: options.tickets, options: ruleOptions(rule, config), report });
    } catch (error) {
      options.onRuleError?.(rule.id, error);
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message: `Rule ${rule.id} failed on this document and was skipped: ${(error as Error)?.message ?? String(error)}`,
        range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        fixes: [],
      });
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || a.ruleId.localeCompare(b.ruleId));
  return { postmortem, findings, configProblems: problems };
}

/** Keeps a range inside the document, so no consumer ever sees a position past its end. */
function clampRange(range: Range, lines: LineIndex): Range {
  const clamp = (p: Range['start']) => {
    const line = Math.max(1, Math.min(p.line, lines.lineCount));
    return { line, column: Math.max(1, Math.min(p.column, lines.lineText(line).length + 1)) };
  };
  const start = clamp(range.start);
  let end = clamp(range.end);
  if (end.line < start.line || (end.line === start.line && end.column < start.column)) end = start;
  // An empty table cell written `||` has no width: the finding takes its closing pipe, so the
  // squiggle shows (a cell with blanks already spans them).
  if (end.line === start.line && end.column === start.column) {
    const text = lines.lineText(start.line);
    if (text[start.column - 2] === '|' && text[start.column - 1] === '|') end = { line: start.line, column: start.column + 1 };
  }
  return { start, end };
}

const DIRECTIVE = /<!--\s*postmortem-(disable-next-line|disable-line|disable|enable)\b([^>]{0,500}?)-->/g;

/**
 * Reads suppression comments: `<!-- postmortem-disable-next-line rule-id -->`,
 * `<!-- postmortem-disable-line rule-id -->`, `<!-- postmortem-disable rule-id -->` …
 * `<!-- postmortem-enable -->`. Without ids they apply to every rule.
 */
export function readSuppressions(lines: LineIndex): (ruleId: string, line: number) => boolean {
  const single = new Map<number, Set<string> | 'all'>();
  const blocks: Array<{ from: number; to: number; ids: Set<string> | 'all' }> = [];
  const open = new Map<string, number>();
  if (!lines.text.includes('postmortem-')) return () => false;
  for (let l = 1; l <= lines.lineCount; l++) {
    const text = lines.lineText(l);
    if (!text.includes('postmortem-')) continue;
    DIRECTIVE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE.exec(text))) {
      const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
      const set: Set<string> | 'all' = ids.length ? new Set(ids) : 'all';
      if (m[1] === 'disable-next-line' || m[1] === 'disable-line') {
        const target = m[1] === 'disable-line' ? l : l + 1;
        const prev = single.get(target);
        single.set(target, prev === 'all' || set === 'all' ? 'all' : new Set([...(prev ?? []), ...set]));
      } else if (m[1] === 'disable') {
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, l);
      } else {
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          blocks.push({ from, to: l, ids: id === '*' ? 'all' : new Set([id]) });
          open.delete(id);
        }
      }
    }
  }
  for (const [id, from] of open) blocks.push({ from, to: Infinity, ids: id === '*' ? 'all' : new Set([id]) });
  const has = (ids: Set<string> | 'all' | undefined, ruleId: string) => ids === 'all' || (ids !== undefined && ids.has(ruleId));
  return (ruleId, line) => has(single.get(line), ruleId) || blocks.some((b) => line >= b.from && line <= b.to && has(b.ids, ruleId));
}

export type { Finding, Fix, Severity, Rule, ResolvedConfig };
