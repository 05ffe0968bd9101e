import * as vscode from 'vscode';
import type { Postmortem } from '../core';
import { markDoneAt, normalizePath, stripBom } from '../core';
import type { GroupBy, ItemGroup, StatusNode, ViewFilter, ViewItem } from './actionItems-logic';
import { buildTree, filterDescription, itemDescription, itemTooltip, overdueCount, statusBarText, ticketUrl, todayIso, viewItems } from './actionItems-logic';
import { toVsRange, toWorkspaceEdit } from './convert';
import type { DocumentModels } from './documentModels';
import type { Engines } from './engines';
import { LARGE_DOCUMENT_LINES, maxFileSize } from './settings';
import type { StatusResult } from '../core/sync/run';
import { trackerDescription, trackerTooltip } from './trackerSync-logic';

export const ACTION_ITEMS_VIEW = 'postmortem.actionItems';

/** A node of the tree: a status group, an owner or postmortem under it, or an item. */
export type ActionNode =
  | { kind: 'status'; node: StatusNode }
  | { kind: 'group'; status: StatusNode['status']; group: ItemGroup }
  | { kind: 'item'; item: ViewItem };

/** What the integration tests read: the tree as labels, and the status bar. */
export interface ActionItemsSnapshot {
  groups: Array<{ label: string; groups: Array<{ label: string; items: Array<{ label: string; description: string; file: string; line: number }> }> }>;
  statusBar: string | undefined;
}

/** How long to wait after a file change or an edit before reading again. */
const REFRESH_DELAY_MS = 500;

/**
 * The "Action Items" view over every postmortem of the workspace, open or not (read through the
 * shared engine, as Lint Workspace and the workspace export do), and the status bar item that
 * counts overdue items. A file that cannot be read or parsed is left out, never breaking the view.
 */
export class ActionItemsView implements vscode.TreeDataProvider<ActionNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ActionNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly byFile = new Map<string, ViewItem[]>();
  private readonly tree: vscode.TreeView<ActionNode>;
  private readonly status = vscode.window.createStatusBarItem('postmortem.overdue', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [];
  private groupBy: GroupBy;
  private filter: ViewFilter = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirty = new Set<string>();
  private fullScan = true;
  private running: Promise<void> | undefined;
  private roots: StatusNode[] = [];
  /** What the tracker says about a linked ticket, once tracker sync has read it. */
  private ticketStatus: (ticket: string) => StatusResult | undefined = () => undefined;

  /**
   * `onDidLint` fires when the lint recorded a document's model: a large document's model is not
   * re-parsed per edit (see {@link DocumentModels}), so its items are read again once it caught up.
   */
  constructor(private readonly engines: Engines, private readonly models: DocumentModels, onDidLint: vscode.Event<vscode.TextDocument>) {
    this.groupBy = vscode.workspace.getConfiguration('postmortem').get<GroupBy>('actionItems.groupBy', 'owner') === 'postmortem' ? 'postmortem' : 'owner';
    this.tree = vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: this, showCollapseAll: true });
    this.status.name = 'Postmortem: overdue action items';
    this.status.command = `${ACTION_ITEMS_VIEW}.focus`;
    this.status.tooltip = 'Show the overdue action items';
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,markdown}');
    this.disposables.push(
      this.tree, this.status, this.changed, watcher,
      watcher.onDidCreate((u) => this.schedule(u)),
      watcher.onDidChange((u) => this.schedule(u)),
      watcher.onDidDelete((u) => this.forget(u)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'markdown' && e.contentChanges.length > 0) this.schedule(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.schedule(d.uri)),
      onDidLint((d) => {
        if (d.lineCount > LARGE_DOCUMENT_LINES) this.schedule(d.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.scheduleAll()),
    );
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.groupBy', this.groupBy);
    this.scheduleAll(0);
  }

  /** Reads every postmortem again (the configuration or the workspace changed, or the user asked). */
  scheduleAll(delay = REFRESH_DELAY_MS): void {
    this.fullScan = true;
    this.arm(delay);
  }

  /** Reads one file again after the pause (debounced with other changes). */
  schedule(uri: vscode.Uri): void {
    if (!/\.(?:md|markdown)$/i.test(uri.path)) return;
    this.dirty.add(uri.toString());
    this.arm(REFRESH_DELAY_MS);
  }

  private forget(uri: vscode.Uri): void {
    if (this.byFile.delete(uri.toString())) this.render();
  }

  private arm(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, delay);
  }

  /** Reads what changed now; resolves when the tree shows it. */
  async refresh(): Promise<void> {
    while (this.running) await this.running;
    const full = this.fullScan;
    const dirty = [...this.dirty];
    this.fullScan = false;
    this.dirty.clear();
    this.running = (full ? this.scanAll() : this.readFiles(dirty.map((u) => vscode.Uri.parse(u)))).finally(() => {
      this.running = undefined;
    });
    await this.running;
    this.render();
  }

  private async scanAll(): Promise<void> {
    const seen = new Map<string, ViewItem[]>();
    for (const { host, engine, paths } of this.engines.workspaceFolders()) {
      const found = await engine.collect(paths).catch(() => []);
      for (const { path, explicit } of found) {
        const uri = host.uri(path);
        seen.set(uri.toString(), await this.readOne(uri, explicit));
      }
    }
    this.byFile.clear();
    for (const [k, v] of seen) if (v.length > 0) this.byFile.set(k, v);
  }

  private async readFiles(uris: vscode.Uri[]): Promise<void> {
    for (const uri of uris) {
      if (!vscode.workspace.getWorkspaceFolder(uri)) continue;
      const items = await this.readOne(uri, false);
      if (items.length > 0) this.byFile.set(uri.toString(), items);
      else this.byFile.delete(uri.toString());
    }
  }

  /** The items of one file: none when it is not a postmortem, too large, unreadable or fails to parse. */
  private async readOne(uri: vscode.Uri, explicit: boolean): Promise<ViewItem[]> {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const postmortem = open ? await this.openModel(open, explicit) : await this.readClosed(uri, explicit);
      return postmortem ? viewItems(postmortem, vscode.workspace.asRelativePath(uri, false), uri.toString()) : [];
    } catch {
      return [];
    }
  }

  /**
   * The model of an open document when it is a postmortem. The document's model is already parsed
   * (and shared with the lint and the editor features), so this view does not parse it again per
   * typing pause; the engine still makes the same "is it a postmortem" decision as `engine.read`.
   */
  private async openModel(document: vscode.TextDocument, explicit: boolean): Promise<Postmortem | undefined> {
    if (document.getText().length > maxFileSize(document.uri)) return undefined;
    const model = this.models.get(document);
    if (explicit) return model;
    const { engine } = this.engines.for(document.uri);
    // engine.read decides on the normalized path with the configuration that applies to it.
    const path = normalizePath(document.uri.path);
    return engine.isPostmortem(path, model, await engine.configFor(path)) ? model : undefined;
  }

  /** The model of a file that is not open, read and parsed through the engine. */
  private async readClosed(uri: vscode.Uri, explicit: boolean): Promise<Postmortem | undefined> {
    const { host, engine } = this.engines.for(uri);
    const text = await host.readFile(uri.path);
    if (text === undefined || text.length > maxFileSize(uri)) return undefined;
    return (await engine.read(uri.path, { text, explicit }))?.postmortem;
  }

  private all(): ViewItem[] {
    return [...this.byFile.values()].flat();
  }

  private render(): void {
    const today = todayIso();
    const items = this.all();
    this.roots = buildTree(items, { today, groupBy: this.groupBy, filter: this.filter });
    const described = filterDescription(this.filter);
    this.tree.description = described ?? '';
    this.tree.message = this.roots.length > 0 || !described ? '' : `No action items match the filter (${described}).`;
    const text = statusBarText(overdueCount(items, today));
    if (text) {
      this.status.text = text;
      this.status.show();
    } else this.status.hide();
    this.statusText = text;
    this.changed.fire(undefined);
  }

  private statusText: string | undefined;

  /** Tracker sync tells the view how to read a ticket's status. */
  setTicketStatus(statusOf: (ticket: string) => StatusResult | undefined): void {
    this.ticketStatus = statusOf;
  }

  /** Draws the tree again (ticket status changed; the items did not). */
  rerender(): void {
    this.render();
  }

  get onDidChangeVisibility(): vscode.Event<boolean> {
    return (listener, thisArg, disposables) => this.tree.onDidChangeVisibility((e) => listener.call(thisArg, e.visible), undefined, disposables);
  }

  getTreeItem(node: ActionNode): vscode.TreeItem {
    const today = todayIso();
    if (node.kind === 'status') {
      const t = new vscode.TreeItem(node.node.label, node.node.status === 'done' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      t.id = `status:${node.node.status}`;
      t.description = String(node.node.count);
      t.contextValue = 'actionStatus';
      t.iconPath = new vscode.ThemeIcon(node.node.status === 'overdue' ? 'warning' : node.node.status === 'week' ? 'clock' : node.node.status === 'done' ? 'pass' : 'circle-large-outline');
      return t;
    }
    if (node.kind === 'group') {
      const t = new vscode.TreeItem(node.group.label, vscode.TreeItemCollapsibleState.Expanded);
      t.id = `group:${node.status}:${this.groupBy}:${node.group.key}`;
      t.description = String(node.group.items.length);
      t.iconPath = new vscode.ThemeIcon(this.groupBy === 'owner' ? 'person' : 'file');
      return t;
    }
    const { item } = node;
    const t = new vscode.TreeItem(item.action, vscode.TreeItemCollapsibleState.None);
    const tracker = item.ticket ? this.ticketStatus(item.ticket) : undefined;
    t.description = [itemDescription(item, today), trackerDescription(tracker)].filter(Boolean).join(' · ');
    const tip = new vscode.MarkdownString([itemTooltip(item, today), trackerTooltip(tracker)].filter(Boolean).join('\n'));
    tip.isTrusted = false;
    t.tooltip = tip;
    const closedInTracker = item.state === 'open' && tracker?.ok === true && tracker.status.state === 'closed';
    t.contextValue = ['actionItem', item.state === 'open' ? 'open' : 'closed', ...(ticketUrl(item.ticket) ? ['ticket'] : item.ticket ? ['key'] : ['noTicket']), ...(closedInTracker ? ['closedInTracker'] : [])].join('.');
    if (closedInTracker) t.iconPath = new vscode.ThemeIcon('issue-closed');
    t.command = { title: 'Reveal', command: 'postmortem.revealActionItem', arguments: [node] };
    return t;
  }

  getChildren(node?: ActionNode): ActionNode[] {
    if (!node) return this.roots.map((s) => ({ kind: 'status', node: s }));
    if (node.kind === 'status') return node.node.groups.map((g) => ({ kind: 'group', status: node.node.status, group: g }));
    if (node.kind === 'group') return node.group.items.map((item) => ({ kind: 'item', item }));
    return [];
  }

  /** The item an argument names: a tree node, or `{ uri, line }` from a test or keybinding. */
  itemOf(arg: unknown): ViewItem | undefined {
    const a = arg as { kind?: string; item?: ViewItem; uri?: unknown; line?: unknown } | undefined;
    if (a?.kind === 'item' && a.item) return a.item;
    if (a && typeof a.uri === 'string' && typeof a.line === 'number') return this.byFile.get(a.uri)?.find((i) => i.line === a.line);
    const selected = this.tree.selection[0];
    return selected?.kind === 'item' ? selected.item : undefined;
  }

  /** Opens the item's document with its text selected. */
  async reveal(item: ViewItem): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
    const range = toVsRange(item.range);
    await vscode.window.showTextDocument(doc, { selection: range, preview: true });
  }

  /** Records the item as done in its document (one edit, undoable); false when it could not. */
  async markDone(item: ViewItem): Promise<boolean> {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(item.uri));
    const fix = markDoneAt(this.models.get(doc), stripBom(doc.getText()), item.line);
    if (!fix) {
      void vscode.window.showWarningMessage(`"${item.action}" is no longer an open action item on line ${item.line} of ${item.file}.`);
      this.schedule(doc.uri);
      return false;
    }
    const ok = await vscode.workspace.applyEdit(toWorkspaceEdit(doc.uri, fix.edits));
    if (ok) {
      this.dirty.add(doc.uri.toString());
      await this.refresh();
    }
    return ok;
  }

  toggleGrouping(): GroupBy {
    this.groupBy = this.groupBy === 'owner' ? 'postmortem' : 'owner';
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.groupBy', this.groupBy);
    this.render();
    return this.groupBy;
  }

  setFilter(filter: ViewFilter): void {
    this.filter = filter;
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.filtered', filterDescription(filter) !== undefined);
    this.render();
  }

  currentFilter(): ViewFilter {
    return this.filter;
  }

  items(): ViewItem[] {
    return this.all();
  }

  /** The tree and status bar as text, after any pending refresh. */
  async snapshot(): Promise<ActionItemsSnapshot> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.refresh();
    const today = todayIso();
    return {
      groups: this.roots.map((s) => ({
        label: s.label,
        groups: s.groups.map((g) => ({
          label: g.label,
          items: g.items.map((i) => ({
            label: i.action, file: i.file, line: i.line,
            description: [itemDescription(i, today), trackerDescription(i.ticket ? this.ticketStatus(i.ticket) : undefined)].filter(Boolean).join(' · '),
          })),
        })),
      })),
      statusBar: this.statusText,
    };
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
