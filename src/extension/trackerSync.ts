import * as vscode from 'vscode';
import { exportItems, stripBom } from '../core';
import type { CreateReport, Credentials, StatusResult, SyncDocument, Tracker, TrackerConfig, TrackerKind } from '../core/sync';
import { createTickets, makeTracker, markDoneByIds, planSync, readStatuses, ticketFields, trackerSettings, trackerTarget, writeBack } from '../core/sync';
import type { ViewItem } from './actionItems-logic';
import { toVsRange } from './convert';
import type { Services } from './services';
import { githubProvider, mergedTracker, previewLines, RefreshSchedule, reportMessage, secretKey, trackerTooltip } from './trackerSync-logic';

/** A folder's tracker as configured, before any credential is asked for. */
interface Configured {
  kind: TrackerKind;
  config: TrackerConfig;
  people: Record<string, string>;
  target: string;
}

/** What `createTickets` returns, for tests and callers. */
export interface CreateResult {
  planned: number;
  report: CreateReport | undefined;
  written: number;
  notWritten: string[];
}

/**
 * Tracker sync in the editor: create tickets for open action items (with a preview first), write
 * their links back as one undoable edit per document, read linked tickets' status (on demand and on
 * a schedule while the Action Items view is visible), and offer "Mark done in document" for items
 * the tracker has closed. Tokens come from VS Code's GitHub sign-in or from secret storage; they are
 * never logged, shown or written.
 */
export class TrackerSync implements vscode.Disposable {
  private readonly statuses = new Map<string, StatusResult>();
  private readonly disposables: vscode.Disposable[] = [];
  private scheduled = 0;
  private readonly refreshes = new RefreshSchedule(() => void this.refreshStatus({ interactive: false }).catch((e) => this.services.log.appendLine(`Refreshing ticket status failed: ${(e as Error).message}`)));

  constructor(private readonly services: Services) {
    services.actionItems.setTicketStatus((ticket) => this.statuses.get(ticket));
    // The sync commands and menus show where sync runs (the Node extension host), not in the browser's.
    void vscode.commands.executeCommand('setContext', 'postmortem.trackerSync', true);
    this.disposables.push(
      services.actionItems.onDidChangeVisibility((visible) => this.schedule(visible)),
      vscode.languages.registerHoverProvider({ language: 'markdown' }, { provideHover: (d, p) => this.hover(d, p) }),
    );
  }

  statusOf(ticket: string): StatusResult | undefined {
    return this.statuses.get(ticket);
  }

  /** The tracker configured for a document's folder, or why there is none. */
  async configured(uri: vscode.Uri, kind?: TrackerKind): Promise<Configured | { error: string }> {
    const config = await this.services.engines.configFor(uri);
    const inspected = vscode.workspace.getConfiguration('postmortem', uri).inspect<TrackerConfig>('tracker');
    const explicit = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    const settings = trackerSettings(mergedTracker(config.tracker, explicit && Object.keys(explicit).length > 0 ? explicit : undefined), kind);
    if ('error' in settings) return settings;
    return { ...settings, people: config.people ?? {}, target: trackerTarget(settings.kind, settings.config) };
  }

  /**
   * The credentials for a tracker: a token stored with "Set Tracker Token", else (GitHub) VS Code's
   * own sign-in, else, when `interactive`, a token asked for and kept in secret storage.
   */
  private async credentials(c: Configured, interactive: boolean): Promise<Credentials | undefined> {
    const stored = await this.services.context.secrets.get(secretKey(c.kind, c.config));
    if (stored) return JSON.parse(stored) as Credentials;
    if (c.kind === 'github') {
      const provider = githubProvider(c.config);
      try {
        const session = await vscode.authentication.getSession(provider, ['repo'], interactive ? { createIfNone: true } : { silent: true });
        if (session) return { token: session.accessToken };
      } catch (e) {
        this.services.log.appendLine(`Signing in to GitHub through VS Code (${provider}) did not work: ${(e as Error).message}`);
      }
    }
    return interactive ? this.askToken(c) : undefined;
  }

  private async askToken(c: Configured, given?: { token?: string; email?: string }): Promise<Credentials | undefined> {
    let email = given?.email ?? c.config.email;
    const cloud = c.kind === 'jira' && (c.config.api === 'cloud' || (!c.config.api && /\.atlassian\.net/i.test(c.config.site ?? '')));
    if (cloud && !email) {
      email = await vscode.window.showInputBox({ title: `Jira account for ${c.target}`, prompt: 'The email address of your Atlassian account', ignoreFocusOut: true });
      if (!email) return undefined;
    }
    const token = given?.token ?? await vscode.window.showInputBox({
      title: `Token for ${c.target}`,
      prompt: c.kind === 'github' ? 'A GitHub personal access token that may create issues in the repository (kept in VS Code\'s secret storage)' : 'A Jira API token (Cloud) or personal access token (Data Center), kept in VS Code\'s secret storage',
      password: true,
      ignoreFocusOut: true,
    });
    if (!token) return undefined;
    const credentials: Credentials = email ? { token, email } : { token };
    await this.services.context.secrets.store(secretKey(c.kind, c.config), JSON.stringify(credentials));
    return credentials;
  }

  /** "Set Tracker Token…": stores a token for the active document's (or the first folder's) tracker. */
  async setToken(arg?: { uri?: string; token?: string; email?: string }): Promise<boolean> {
    const c = await this.configuredAt(arg?.uri);
    if (!c) return false;
    return (await this.askToken(c, arg)) !== undefined;
  }

  async clearToken(arg?: { uri?: string }): Promise<boolean> {
    const c = await this.configuredAt(arg?.uri);
    if (!c) return false;
    await this.services.context.secrets.delete(secretKey(c.kind, c.config));
    void vscode.window.showInformationMessage(`Forgot the token for ${c.target}.`);
    return true;
  }

  private async configuredAt(uri?: string): Promise<Configured | undefined> {
    const at = uri ? vscode.Uri.parse(uri) : vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!at) {
      void vscode.window.showWarningMessage('Open a folder with a .postmortem.yaml that names a tracker first.');
      return undefined;
    }
    const c = await this.configured(at.scheme === 'file' && !/\.(?:md|markdown)$/i.test(at.path) ? vscode.Uri.joinPath(at, 'x.md') : at);
    if ('error' in c) {
      void vscode.window.showWarningMessage(`Postmortem: ${c.error}.`);
      return undefined;
    }
    return c;
  }

  private async tracker(c: Configured, interactive: boolean): Promise<Tracker | undefined> {
    const credentials = await this.credentials(c, interactive);
    return credentials ? makeTracker(c.kind, c.config, credentials) : undefined;
  }

  /** The documents and item ids an invocation names: a view item, `{ uri, ids }`, the view (`{ all }`), or the active editor's selection. */
  private async targets(arg: unknown): Promise<{ docs: SyncDocument[]; uris: Map<string, vscode.Uri>; only?: Set<string> } | undefined> {
    const a = arg as { kind?: string; item?: ViewItem; uri?: string; line?: number; ids?: string[]; all?: boolean } | undefined;
    const uris = new Map<string, vscode.Uri>();
    const docs: SyncDocument[] = [];
    const add = async (uri: vscode.Uri) => {
      const doc = await vscode.workspace.openTextDocument(uri);
      const file = vscode.workspace.asRelativePath(uri, false);
      const source = stripBom(doc.getText());
      docs.push({ file, source, pm: this.services.models.get(doc) });
      uris.set(file, uri);
      return docs[docs.length - 1]!;
    };
    if (a?.kind === 'item' && a.item) {
      const d = await add(vscode.Uri.parse(a.item.uri));
      const id = exportItems(d.pm, d.file).find((i) => i.line === a.item!.line)?.id;
      return { docs, uris, only: new Set(id ? [id] : []) };
    }
    if (a?.all) {
      const files = new Set(this.services.actionItems.items().filter((i) => i.state === 'open' && !i.ticket).map((i) => i.uri));
      for (const u of files) await add(vscode.Uri.parse(u));
      return { docs, uris };
    }
    if (typeof a?.uri === 'string' && typeof a.line === 'number') {
      // One item, as the view and the tests name it: `{ uri, line }`.
      const d = await add(vscode.Uri.parse(a.uri));
      const id = exportItems(d.pm, d.file).find((i) => i.line === a.line)?.id;
      return { docs, uris, only: new Set(id ? [id] : []) };
    }
    if (typeof a?.uri === 'string') {
      await add(vscode.Uri.parse(a.uri));
      return { docs, uris, ...(a.ids ? { only: new Set(a.ids) } : {}) };
    }
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return undefined;
    const d = await add(editor.document.uri);
    if (editor.selection.isEmpty) return { docs, uris };
    // A selection of rows: the items whose own text it touches.
    const from = editor.selection.start.line + 1;
    const to = editor.selection.end.line + 1;
    const lines = new Set(d.pm.actionItems.filter((i) => i.range.end.line >= from && i.range.start.line <= to).map((i) => i.line));
    return { docs, uris, only: new Set(exportItems(d.pm, d.file).filter((i) => lines.has(i.line)).map((i) => i.id)) };
  }

  /**
   * "Create Tickets": plans, shows the preview (every ticket to be created, each can be unticked),
   * creates what was confirmed, and writes the links back. `{ yes: true }` confirms without the
   * preview (tests, keybindings that mean it).
   */
  async createTickets(arg?: unknown): Promise<CreateResult> {
    const none: CreateResult = { planned: 0, report: undefined, written: 0, notWritten: [] };
    const targets = await this.targets(arg);
    if (!targets || targets.docs.length === 0) {
      void vscode.window.showInformationMessage('Open a postmortem (or select its action items) to create tickets for.');
      return none;
    }
    const first = targets.uris.get(targets.docs[0]!.file)!;
    const c = await this.configured(first);
    if ('error' in c) {
      void vscode.window.showWarningMessage(`Postmortem: ${c.error}.`);
      return none;
    }
    const linkBase = c.config.linkBase;
    // Which links are this tracker's needs no token: a client without one answers that.
    let plan = planSync(targets.docs, makeTracker(c.kind, c.config, { token: '' }), {
      labels: c.config.labels ?? [], people: c.people,
      ...(targets.only ? { only: targets.only } : {}),
      ...(linkBase ? { linkTo: (file: string) => `${linkBase.replace(/\/?$/, '/')}${file}` } : {}),
    });
    if (plan.create.length === 0) {
      void vscode.window.showInformationMessage(`Every open action item here already has a ticket (${plan.skip.length} skipped).`);
      return none;
    }
    let unticked = 0;
    if ((arg as { yes?: boolean } | undefined)?.yes !== true) {
      const picks = previewLines(plan).map((l) => ({ ...l, picked: true }));
      const chosen = await vscode.window.showQuickPick(picks, {
        canPickMany: true, ignoreFocusOut: true,
        title: `Create ${picks.length} ticket${picks.length === 1 ? '' : 's'} in ${c.target}`,
        placeHolder: `${plan.skip.length} skipped (done, dropped or linked). Untick what should wait; Enter creates.`,
      });
      if (!chosen || chosen.length === 0) return { ...none, planned: plan.create.length };
      const ids = new Set(chosen.map((p) => p.id));
      unticked = plan.create.length - ids.size;
      plan = { ...plan, create: plan.create.filter((p) => ids.has(p.item.id)) };
    }
    const tracker = await this.tracker(c, true);
    if (!tracker) return { ...none, planned: plan.create.length };
    const report = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Creating tickets in ${c.target}`, cancellable: true },
      (progress, token) => createTickets(plan, tracker, {
        cancelled: () => token.isCancellationRequested,
        onItem: (p, n) => progress.report({ message: `${n + 1}/${plan.create.length}: ${p.item.action}`, increment: 100 / plan.create.length }),
      }),
    );
    // What was created is written back, whatever stopped the run.
    const edit = new vscode.WorkspaceEdit();
    let written = 0;
    const notWritten: string[] = [];
    for (const d of targets.docs) {
      const links = report.created.filter((x) => x.doc.file === d.file).map((x) => ({ id: x.item.id, ref: x.ref }));
      if (links.length === 0) continue;
      const uri = targets.uris.get(d.file)!;
      const doc = await vscode.workspace.openTextDocument(uri);
      const back = writeBack(stripBom(doc.getText()), d.file, links);
      if (back.edit) edit.replace(uri, toVsRange(back.edit.range), back.edit.newText);
      written += back.written.length;
      for (const n of back.notWritten) notWritten.push(`${d.file}: ${n.ref.url} (${n.reason})`);
    }
    if (edit.size > 0) await vscode.workspace.applyEdit(edit);
    this.log(c.target, report, notWritten);
    const message = reportMessage(c.target, report, written, notWritten.length, plan.skip.length + unticked);
    if (report.failed.length || notWritten.length || report.stopped) void vscode.window.showWarningMessage(message, 'Show Output').then((a) => a && this.services.log.show(true));
    else void vscode.window.showInformationMessage(message);
    return { planned: plan.create.length, report, written, notWritten };
  }

  private log(target: string, report: CreateReport, notWritten: readonly string[]): void {
    const log = this.services.log;
    log.appendLine(`Tickets in ${target}:`);
    for (const x of report.created) log.appendLine(`  ${x.found ? 'found  ' : 'created'} ${x.ref.url}  ${x.doc.file}:${x.item.line}  ${x.item.action}`);
    for (const f of report.failed) log.appendLine(`  failed  ${f.doc.file}:${f.item.line}  ${f.item.action}: ${f.error}`);
    for (const n of notWritten) log.appendLine(`  not linked  ${n}`);
    if (report.stopped) log.appendLine(`  stopped: ${report.stopped}`);
  }

  /**
   * "Refresh Ticket Status": reads the tickets linked from open items of the view. Interactive runs
   * may ask for a token; the schedule never does. Offers "Mark done in document" when the tracker
   * has closed items that are open in the postmortems. Returns how many tickets were read.
   */
  async refreshStatus(arg?: { interactive?: boolean }): Promise<number> {
    const interactive = arg?.interactive !== false;
    await this.services.actionItems.refresh();
    const linked = this.services.actionItems.items().filter((i) => i.state === 'open' && i.ticket);
    const byTarget = new Map<string, { c: Configured; tickets: Set<string> }>();
    for (const item of linked) {
      const c = await this.configured(vscode.Uri.parse(item.uri));
      if ('error' in c) continue;
      const key = secretKey(c.kind, c.config) + c.target;
      const entry = byTarget.get(key) ?? { c, tickets: new Set<string>() };
      entry.tickets.add(item.ticket);
      byTarget.set(key, entry);
    }
    let read = 0;
    for (const { c, tickets } of byTarget.values()) {
      const tracker = await this.tracker(c, interactive);
      if (!tracker) continue;
      for (const [ticket, result] of await readStatuses(tickets, tracker)) {
        this.statuses.set(ticket, result);
        read++;
        if (!result.ok) this.services.log.appendLine(`Ticket ${ticket}: ${result.error}`);
      }
    }
    this.refreshes.ran();
    this.services.actionItems.rerender();
    // Items whose tickets carry fields (`ticketsCarry`) are checked against what the tracker says now.
    if (this.services.lint.setTickets(ticketFields(this.statuses))) this.services.lint.relintOpen();
    const closed = this.closedButOpen();
    if (closed.length > 0 && interactive) {
      void vscode.window.showInformationMessage(
        `${closed.length} action item${closed.length === 1 ? ' is' : 's are'} closed in the tracker but open in the postmortem${closed.length === 1 ? '' : 's'}.`,
        'Mark Done in Document',
      ).then((a) => a && this.markClosedDone({ all: true }));
    }
    return read;
  }

  /** Open items of the view whose tickets the tracker has closed. */
  closedButOpen(): ViewItem[] {
    return this.services.actionItems.items().filter((i) => {
      const s = i.state === 'open' && i.ticket ? this.statuses.get(i.ticket) : undefined;
      return s?.ok === true && s.status.state === 'closed';
    });
  }

  /** "Mark Done in Document": the view's item, or `{ all: true }` for every item closed in the tracker (one edit per document). */
  async markClosedDone(arg?: unknown): Promise<number> {
    const a = arg as { all?: boolean } | undefined;
    if (!a?.all) {
      const item = this.services.actionItems.itemOf(arg);
      if (!item) return 0;
      return (await this.services.actionItems.markDone(item)) ? 1 : 0;
    }
    const closed = this.closedButOpen();
    const edit = new vscode.WorkspaceEdit();
    let marked = 0;
    for (const uriText of new Set(closed.map((i) => i.uri))) {
      const uri = vscode.Uri.parse(uriText);
      const doc = await vscode.workspace.openTextDocument(uri);
      const file = vscode.workspace.asRelativePath(uri, false);
      const pm = this.services.models.get(doc);
      const lines = new Set(closed.filter((i) => i.uri === uriText).map((i) => i.line));
      const ids = exportItems(pm, file).filter((i) => lines.has(i.line)).map((i) => i.id);
      const result = markDoneByIds(stripBom(doc.getText()), file, ids);
      if (result.edit) edit.replace(uri, toVsRange(result.edit.range), result.edit.newText);
      marked += result.marked.length;
    }
    if (edit.size > 0) await vscode.workspace.applyEdit(edit);
    await this.services.actionItems.refresh();
    return marked;
  }

  /** Reads status every `tracker.refreshMinutes` (default 10) while the view is visible, without asking for a token. */
  private schedule(visible: boolean): void {
    // The configuration is read asynchronously: only the answer to the latest visibility change counts.
    const generation = ++this.scheduled;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!visible || !folder) {
      this.refreshes.update(false, undefined);
      return;
    }
    void this.configured(vscode.Uri.joinPath(folder, 'x.md')).then((c) => {
      if (generation === this.scheduled) this.refreshes.update(!('error' in c), 'error' in c ? undefined : c.config.refreshMinutes);
    });
  }

  /** The ticket's status on an action item's line, once read. */
  private hover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (this.statuses.size === 0) return undefined;
    const line = position.line + 1;
    const item = this.services.models.get(doc).actionItems.find((i) => line >= i.range.start.line && line <= i.range.end.line);
    const status = item?.ticket.value ? this.statuses.get(item.ticket.value) : undefined;
    if (!item || !status) return undefined;
    const text = new vscode.MarkdownString(`**Ticket ${status.ok ? status.status.key : item.ticket.value}**\n\n${trackerTooltip(status)}`);
    if (status.ok && status.status.state === 'closed' && !item.done) {
      const args = encodeURIComponent(JSON.stringify([{ uri: doc.uri.toString(), line: item.line }]));
      text.appendMarkdown(`\n\n[Mark done in document](command:postmortem.markDoneFromTracker?${args})`);
      text.isTrusted = { enabledCommands: ['postmortem.markDoneFromTracker'] };
    }
    return new vscode.Hover(text, toVsRange(item.range));
  }

  dispose(): void {
    this.refreshes.stop();
    for (const d of this.disposables) d.dispose();
  }
}
