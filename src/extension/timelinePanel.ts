import * as vscode from 'vscode';
import { basename, timelineSvg, timelineViewModel } from '../core';
import { todayUtc as today } from './authoring-logic';
import type { FromPanel, PanelState, ToPanel } from '../webview/messages';
import type { DocumentModels } from './documentModels';
import { maxFileSize } from './settings';

export const TIMELINE_VIEW_TYPE = 'postmortem.timeline';

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * One timeline panel that follows the active Markdown editor, like Markdown's preview to the side:
 * switching documents should not leave a trail of panels, and the panel stays where the user put it.
 */
export class TimelinePanel implements vscode.Disposable {
  private static current: TimelinePanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  /** Lines of the timeline section in the shown document, for cursor highlighting. */
  private section: { from: number; to: number } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  static show(context: vscode.ExtensionContext, models: DocumentModels, document: vscode.TextDocument | undefined): TimelinePanel {
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    if (TimelinePanel.current) {
      TimelinePanel.current.panel.reveal(column, true);
      if (document) TimelinePanel.current.follow(document);
      return TimelinePanel.current;
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Timeline', { viewColumn: column, preserveFocus: true }, TimelinePanel.options(context));
    TimelinePanel.current = new TimelinePanel(panel, context, models, document);
    return TimelinePanel.current;
  }

  /** Restores the panel after a window reload. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, models: DocumentModels, state: PanelState | undefined): void {
    panel.webview.options = TimelinePanel.options(context);
    const document = state?.uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === state.uri) : undefined;
    TimelinePanel.current?.dispose();
    TimelinePanel.current = new TimelinePanel(panel, context, models, document ?? vscode.window.activeTextEditor?.document);
    if (!document && state?.uri) {
      void vscode.workspace.openTextDocument(vscode.Uri.parse(state.uri)).then((d) => TimelinePanel.current?.follow(d), () => undefined);
    }
  }

  static get instance(): TimelinePanel | undefined {
    return TimelinePanel.current;
  }

  private static options(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      retainContextWhenHidden: false,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
    };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly models: DocumentModels,
    document: vscode.TextDocument | undefined,
  ) {
    this.document = document?.languageId === 'markdown' ? document : undefined;
    panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'timeline.svg');
    panel.webview.html = this.html();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((m: FromPanel) => this.receive(m)),
      vscode.window.onDidChangeActiveTextEditor((e) => {
        if (e && e.document.languageId === 'markdown') this.follow(e.document);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) {
          this.document = undefined;
          this.update();
        }
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor.document !== this.document) return;
        const line = e.selections[0]!.active.line + 1;
        const inside = this.section !== undefined && line >= this.section.from && line <= this.section.to;
        this.post({ type: 'highlight', line: inside ? line : undefined });
      }),
    );
    this.updateTitle();
  }

  /** Called when a document was linted: a large document's panel catches up then. */
  refreshIfShowing(document: vscode.TextDocument): void {
    if (document === this.document) this.update();
  }

  follow(document: vscode.TextDocument): void {
    if (document === this.document) return;
    this.document = document;
    this.updateTitle();
    this.update();
  }

  /** The SVG picture of the current timeline, or undefined when no postmortem is shown. */
  svg(): string | undefined {
    if (!this.document) return undefined;
    return timelineSvg(timelineViewModel(this.models.get(this.document), today()));
  }

  get documentUri(): vscode.Uri | undefined {
    return this.document?.uri;
  }

  private updateTitle(): void {
    const name = this.document ? basename(this.document.uri.path) : undefined;
    this.panel.title = name ? `Timeline: ${name}` : 'Timeline';
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 250);
  }

  private update(): void {
    if (!this.ready) return;
    const document = this.document;
    if (!document) {
      this.post({ type: 'update', uri: '', version: 0, model: undefined });
      return;
    }
    if (document.getText().length > maxFileSize(document.uri)) {
      this.post({ type: 'update', uri: document.uri.toString(), version: document.version, model: undefined, error: 'This document is larger than postmortem.maxFileSize, so it is not previewed.' });
      return;
    }
    try {
      const pm = this.models.get(document);
      const range = pm.timeline.section?.range;
      this.section = range ? { from: range.start.line, to: range.end.line } : undefined;
      const model = timelineViewModel(pm, today());
      this.post({ type: 'update', uri: document.uri.toString(), version: document.version, model });
    } catch (error) {
      this.post({ type: 'update', uri: document.uri.toString(), version: document.version, model: undefined, error: `The timeline could not be built: ${(error as Error)?.message ?? String(error)}` });
    }
  }

  private post(message: ToPanel): void {
    if (this.ready) void this.panel.webview.postMessage(message);
  }

  private async receive(message: FromPanel): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.update();
        break;
      case 'reveal': {
        if (!this.document) return;
        const line = Math.max(0, Math.min(message.line - 1, this.document.lineCount - 1));
        const visible = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        const range = this.document.lineAt(line).range;
        await vscode.window.showTextDocument(this.document, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: range, preserveFocus: false });
        break;
      }
      case 'copySvg':
        await vscode.commands.executeCommand('postmortem.copyTimelineSvg');
        break;
      case 'saveSvg':
        await vscode.commands.executeCommand('postmortem.saveTimelineSvg');
        break;
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', file));
    const n = nonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${n}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('timeline.css')}">
<title>Timeline</title>
</head>
<body>
<main id="root" aria-live="polite"></main>
<script nonce="${n}" src="${media('timeline.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    if (TimelinePanel.current === this) TimelinePanel.current = undefined;
    clearTimeout(this.timer);
    this.subscriptions.forEach((s) => s.dispose());
    this.panel.dispose();
  }
}
