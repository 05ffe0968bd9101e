/**
 * Lint findings in the formats CI systems read: GitHub workflow commands (inline annotations on the
 * diff), SARIF 2.1.0 (code scanning) and GitLab Code Quality JSON. Pure: findings in, text out.
 */
import { createHash } from 'node:crypto';
import type { Finding, Rule, Severity } from '../core';

/** One finding of one file, as the CLI reports it (`file` relative to the working folder, `/`-separated). */
export interface FileFinding {
  file: string;
  finding: Finding;
}

/** Where each rule's documentation lives, when the package knows a home page; else no links. */
export interface FormatContext {
  rules: readonly Rule[];
  version: string;
  /** `https://…/docs/rules/`: a rule's page is `${docsBase}${id}.md`. */
  docsBase?: string | undefined;
}

/** GitHub's escaping of a workflow command's message. */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** GitHub's escaping of a workflow command's property values (also `:` and `,`). */
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const GITHUB_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=<rule>::message`, one line per finding:
 * a GitHub Actions runner turns them into annotations on the pull request's diff.
 */
export function githubAnnotations(rows: readonly FileFinding[]): string[] {
  return rows.map(({ file, finding: f }) => {
    const props = [
      `file=${escapeProperty(file)}`,
      `line=${f.range.start.line}`,
      `col=${f.range.start.column}`,
      `endLine=${f.range.end.line}`,
      `endColumn=${f.range.end.column}`,
      `title=${escapeProperty(f.ruleId)}`,
    ];
    return `::${GITHUB_LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`;
  });
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** `action-missing-owner` → `ActionMissingOwner`: SARIF's readable rule name. */
function ruleName(id: string): string {
  return id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

/** A rule's help as Markdown: why it exists and, when the package has a home page, where its page is. */
function ruleHelp(rule: Rule, docsBase: string | undefined): { text: string; markdown: string } {
  const link = docsBase ? `\n\nMore: ${docsBase}${rule.id}.md` : '';
  return { text: `${rule.summary}. ${rule.rationale}${link}`, markdown: `**${rule.summary}**\n\n${rule.rationale}${link}` };
}

/**
 * A SARIF 2.1.0 log of one run: the tool with every rule's metadata (so code scanning can show the
 * rule's help), and one result per finding with its file (relative to `%SRCROOT%`) and region.
 */
export function sarifLog(rows: readonly FileFinding[], context: FormatContext): Record<string, unknown> {
  const ids = context.rules.map((r) => r.id);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'postmortem-markdown',
          semanticVersion: context.version,
          version: context.version,
          ...(context.docsBase ? { informationUri: context.docsBase } : {}),
          rules: context.rules.map((r) => ({
            id: r.id,
            name: ruleName(r.id),
            shortDescription: { text: r.summary },
            fullDescription: { text: r.rationale },
            help: ruleHelp(r, context.docsBase),
            ...(context.docsBase ? { helpUri: `${context.docsBase}${r.id}.md` } : {}),
            defaultConfiguration: { level: SARIF_LEVEL[r.defaultSeverity] },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder the linter ran in' } } },
      results: rows.map(({ file, finding: f }) => ({
        ruleId: f.ruleId,
        ...(ids.includes(f.ruleId) ? { ruleIndex: ids.indexOf(f.ruleId) } : {}),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.range.start.line, startColumn: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column },
          },
        }],
        partialFingerprints: { primaryLocationLineHash: fingerprint(file, f) },
      })),
    }],
  };
}

const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

/**
 * A stable id of a finding: the file, the rule, the message and the line's position among the
 * findings are what make it the same finding in the next pipeline.
 */
function fingerprint(file: string, f: Finding): string {
  return createHash('sha256').update(`${file}\u0000${f.ruleId}\u0000${f.message}\u0000${f.range.start.line}`).digest('hex').slice(0, 32);
}

/** GitLab Code Quality report: an array of issues with a fingerprint, a severity and a location. */
export function gitlabCodeQuality(rows: readonly FileFinding[]): Array<Record<string, unknown>> {
  return rows.map(({ file, finding: f }) => ({
    type: 'issue',
    description: f.message,
    check_name: f.ruleId,
    categories: ['Style'],
    fingerprint: fingerprint(file, f),
    severity: GITLAB_SEVERITY[f.severity],
    location: { path: file, lines: { begin: f.range.start.line, end: f.range.end.line } },
  }));
}
