import * as vscode from 'vscode';
import type { Finding, Postmortem, ReadOptions, TicketMap } from '../core';
import { basename, rankedOwners } from '../core';
import { toVsRange, toVsSeverity } from './convert';
import type { DocumentModels } from './documentModels';
import type { Engines } from './engines';
import { debounceWait, overflowMessage, sameTickets, tooLargeMessage } from './lint-logic';
import { lintDebounce, lintEnabled, maxFileSize, maxProblems } from './settings';

/** Findings of one document version, kept for the code actions. */
export interface LintState {
  version: number;
  findings: Finding[];
}

/**
 * Lints Markdown documents that are postmortems through the engine: on open, as the user types
 * (debounced, stale results dropped by document version), and on demand for the whole workspace.
 * The model each lint parses goes to the shared {@link DocumentModels}.
 */
export class LintController implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('postmortem');
  private readonly linted = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's findings were published; views of large documents refresh then. */
  readonly onDidLint = this.linted.event;
  private readonly states = new Map<string, LintState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly people = new Set<string>();
  private readonly tooLarge = new Set<string>();
  private readonly subscriptions: vscode.Disposable[] = [];
  /** Tickets tracker sync has read, whose fields the rules check where `ticketsCarry` says so. */
  private tickets: TicketMap | undefined;

  constructor(
    private readonly engines: Engines,
    private readonly models: DocumentModels,
    private readonly docsUri: (ruleId: string) => vscode.Uri,
    private readonly log: vscode.OutputChannel,
  ) {
    this.subscriptions.push(
      this.diagnostics,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  state(uri: vscode.Uri): LintState | undefined {
    return this.states.get(uri.toString());
  }

  /** The lint state of the document as it is now: the last one if it is current, else a lint run now. */
  async current(document: vscode.TextDocument): Promise<LintState | undefined> {
    const state = this.state(document.uri);
    if (state?.version === document.version) return state;
    clearTimeout(this.timers.get(document.uri.toString()));
    return this.lintDocument(document);
  }

  /** Lints the open documents again (a configuration file or a setting changed). */
  relintOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  /**
   * The tickets tracker sync read (keyed as documents write them), used by every later lint.
   * Returns whether they differ from the ones in use: then the caller asks for {@link relintOpen}.
   */
  setTickets(tickets: TicketMap | undefined): boolean {
    if (sameTickets(this.tickets, tickets)) return false;
    this.tickets = tickets;
    return true;
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'git' || document.uri.scheme === 'output') return;
    const key = document.uri.toString();
    const wait = delay ?? debounceWait(lintDebounce(document.uri), document.lineCount);
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintDocument(document);
    }, wait));
  }

  private async lintDocument(document: vscode.TextDocument): Promise<LintState | undefined> {
    const version = document.version;
    const result = await this.lint(document.uri, document.getText(), { parser: this.models.parserFor(document.uri) });
    // The user typed on while we worked: a newer run will report.
    if (document.isClosed || document.version !== version) return undefined;
    if (!result) {
      this.forget(document.uri);
      this.models.settle(document);
      return undefined;
    }
    return this.record(document, version, result);
  }

  /** Lints every Markdown file of the workspace, open or not; returns files and findings counted. */
  async lintWorkspace(token?: vscode.CancellationToken): Promise<{ files: number; findings: number }> {
    let files = 0;
    let count = 0;
    for (const { host, engine, paths } of this.engines.workspaceFolders()) {
      const found = await engine.collect(paths).catch(() => []);
      for (const { path, explicit } of found) {
        if (token?.isCancellationRequested) return { files, findings: count };
        const uri = host.uri(path);
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        const version = open?.version;
        const text = open ? open.getText() : await host.readFile(path);
        if (text === undefined) continue;
        const result = await this.lint(uri, text, { explicit, ...(open ? { parser: this.models.parserFor(uri) } : {}) });
        if (!result) continue;
        files++;
        count += result.findings.length;
        if (open && !open.isClosed && open.version === version) this.record(open, version, result);
        else this.publish(uri, result.findings);
      }
    }
    return { files, findings: count };
  }

  /** Lints text for a document URI; undefined when it is not a postmortem or linting is off. */
  private async lint(uri: vscode.Uri, text: string, options: Pick<ReadOptions, 'parser' | 'explicit'>): Promise<{ findings: Finding[]; postmortem: Postmortem } | undefined> {
    if (!lintEnabled(uri)) return undefined;
    const limit = maxFileSize(uri);
    if (text.length > limit) {
      if (!this.tooLarge.has(uri.toString())) {
        this.tooLarge.add(uri.toString());
        void vscode.window.showWarningMessage(tooLargeMessage(basename(uri.path), text.length, limit));
      }
      return undefined;
    }
    try {
      const { host, engine } = this.engines.for(uri);
      const linted = await engine.lint(uri.path, {
        ...options,
        text,
        // People seen as owners in any postmortem linted so far, for owner quick fixes.
        workspacePeople: [...this.people],
        ...(this.tickets ? { tickets: this.tickets } : {}),
        onRuleError: (ruleId, error) => this.log.appendLine(`Rule ${ruleId} failed on ${uri.toString()}: ${(error as Error)?.stack ?? String(error)}`),
      });
      if (!linted) return undefined;
      this.engines.reportConfigProblems(host, linted);
      for (const owner of rankedOwners([linted.postmortem])) this.people.add(owner);
      return { findings: linted.findings, postmortem: linted.postmortem };
    } catch (error) {
      this.log.appendLine(`Linting ${uri.toString()} failed: ${(error as Error)?.stack ?? String(error)}`);
      return undefined;
    }
  }

  private record(document: vscode.TextDocument, version: number, result: { findings: Finding[]; postmortem: Postmortem }): LintState {
    const state = { version, findings: result.findings };
    this.states.set(document.uri.toString(), state);
    this.models.set(document, version, result.postmortem);
    this.publish(document.uri, state.findings);
    this.linted.fire(document);
    return state;
  }

  private publish(uri: vscode.Uri, findings: readonly Finding[]): void {
    const max = maxProblems(uri);
    const shown = findings.slice(0, max).map((f) => {
      const d = new vscode.Diagnostic(toVsRange(f.range), f.message, toVsSeverity(f.severity));
      d.source = 'postmortem';
      d.code = { value: f.ruleId, target: this.docsUri(f.ruleId) };
      return d;
    });
    // Thousands of squiggles help nobody and slow the editor down: say how many more there are.
    const overflow = overflowMessage(findings.length, max);
    if (overflow) {
      const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), overflow, vscode.DiagnosticSeverity.Information);
      d.source = 'postmortem';
      shown.push(d);
    }
    this.diagnostics.set(uri, shown);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.diagnostics.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.subscriptions.forEach((s) => s.dispose());
  }
}
