import * as vscode from 'vscode';
import type { Finding, Postmortem } from '../core';
import { IncrementalParser, isPostmortem, lintPostmortem, parsePostmortem, resolveConfig, RULE_IDS } from '../core';
import { toVsRange, toVsSeverity } from './convert';
import type { ConfigFiles } from './settings';
import { configFor, maxFileSize } from './settings';
import { currentText, workspaceMarkdown } from './workspaceFiles';

/** Findings of one document version, kept for the code actions. */
export interface LintState {
  version: number;
  findings: Finding[];
  postmortem: Postmortem;
}

/**
 * Lints Markdown documents that are postmortems: on open, as the user types (debounced, stale
 * results dropped by document version), and on demand for the whole workspace.
 */
export class LintController implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('postmortem');
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's findings were published; views of large documents refresh then. */
  readonly onDidLint = this.linted.event;
  private readonly states = new Map<string, LintState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly people = new Set<string>();
  private readonly tooLarge = new Set<string>();
  /** One incremental parser per open document: after an edit only the changed chunks are parsed. */
  private readonly parsers = new Map<string, IncrementalParser>();

  parserFor(uri: vscode.Uri): IncrementalParser {
    const key = uri.toString();
    let parser = this.parsers.get(key);
    if (!parser) {
      parser = new IncrementalParser();
      this.parsers.set(key, parser);
    }
    return parser;
  }
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly configFiles: ConfigFiles,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.subscriptions.push(
      this.diagnostics,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.relintOpen();
      }),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  state(uri: vscode.Uri): LintState | undefined {
    return this.states.get(uri.toString());
  }

  /** People seen as owners or authors in any postmortem linted so far, for owner quick fixes. */
  knownPeople(): string[] {
    return [...this.people];
  }

  relintOpen(): void {
    this.configFiles.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  schedule(document: vscode.TextDocument, delay?: number): void {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'git' || document.uri.scheme === 'output') return;
    const key = document.uri.toString();
    // Linting costs about linear time in the document's size: wait longer after typing in a big one.
    const configured = vscode.workspace.getConfiguration('postmortem', document.uri).get<number>('lint.debounce', 300);
    const wait = delay ?? Math.max(configured, Math.min(10_000, Math.floor(document.lineCount / 5)));
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintDocument(document);
    }, wait));
  }

  async lintDocument(document: vscode.TextDocument): Promise<LintState | undefined> {
    const version = document.version;
    const result = await this.lint(document.uri, document.getText(), this.parserFor(document.uri));
    // The user typed on while we worked: a newer run will report.
    if (document.isClosed || document.version !== version) return undefined;
    if (!result) {
      this.forget(document.uri);
      return undefined;
    }
    const state = { version, ...result };
    this.states.set(document.uri.toString(), state);
    this.publish(document.uri, state.findings);
    this.linted.fire(document);
    return state;
  }

  /** Lints text for a document URI; undefined when it is not a postmortem or linting is off. */
  async lint(uri: vscode.Uri, text: string, parser?: IncrementalParser): Promise<{ findings: Finding[]; postmortem: Postmortem } | undefined> {
    const settings = vscode.workspace.getConfiguration('postmortem', uri);
    if (!settings.get<boolean>('lint.enable', true)) return undefined;
    const limit = maxFileSize(uri);
    if (text.length > limit) {
      if (!this.tooLarge.has(uri.toString())) {
        this.tooLarge.add(uri.toString());
        const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} MB`;
        void vscode.window.showWarningMessage(`Postmortem: ${uri.path.split('/').pop()} is ${mb(text.length)}, over the ${mb(limit)} limit (postmortem.maxFileSize): it is not linted.`);
      }
      return undefined;
    }
    try {
      const { config, file } = await configFor(uri, this.configFiles);
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const postmortem = parsePostmortem(body, parser ? { parser } : {});
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const relative = folder ? uri.path.slice(folder.uri.path.length).replace(/^\//, '') : uri.path;
      if (!isPostmortem(postmortem, relative, resolveConfig(config, RULE_IDS).config.files)) return undefined;
      if (file && file.problems.length > 0) this.log.appendLine(`${file.uri.toString()}: ${file.problems.map((p) => p.message).join('; ')}`);
      for (const item of postmortem.actionItems) if (item.owner.value && /^[\p{L}@]/u.test(item.owner.value)) this.people.add(item.owner.value);
      const { findings } = lintPostmortem(postmortem, body, {
        config,
        workspacePeople: this.knownPeople(),
        onRuleError: (ruleId, error) => this.log.appendLine(`Rule ${ruleId} failed on ${uri.toString()}: ${(error as Error)?.stack ?? String(error)}`),
      });
      return { findings, postmortem };
    } catch (error) {
      this.log.appendLine(`Linting ${uri.toString()} failed: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
  }

  publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    const max = vscode.workspace.getConfiguration('postmortem', uri).get<number>('lint.maxProblems', 500);
    const shown = findings.slice(0, max).map((f) => {
      const d = new vscode.Diagnostic(toVsRange(f.range), f.message, toVsSeverity(f.severity));
      d.source = 'postmortem';
      d.code = { value: f.ruleId, target: this.docsUri(f.ruleId) };
      return d;
    });
    // Thousands of squiggles help nobody and slow the editor down: say how many more there are.
    if (findings.length > max) {
      shown.push(new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${findings.length - max} more postmortem findings are not shown (postmortem.lint.maxProblems is ${max})`, vscode.DiagnosticSeverity.Information));
      shown[shown.length - 1]!.source = 'postmortem';
    }
    this.diagnostics.set(uri, shown);
  }

  /** Lints every Markdown file of the workspace, open or not; returns files and findings counted. */
  async lintWorkspace(token?: vscode.CancellationToken): Promise<{ files: number; findings: number }> {
    const uris = await workspaceMarkdown(5000, token);
    let files = 0;
    let count = 0;
    for (const uri of uris) {
      if (token?.isCancellationRequested) break;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const result = await this.lint(uri, await currentText(uri));
      if (!result) continue;
      files++;
      count += result.findings.length;
      if (open) this.states.set(uri.toString(), { version: open.version, ...result });
      this.publish(uri, result.findings);
    }
    return { files, findings: count };
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.parsers.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
