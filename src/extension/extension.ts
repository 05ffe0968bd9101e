import * as vscode from 'vscode';
import { parsePostmortem } from '../core';
import type { Postmortem } from '../core';
import { ActionItemsLens, AuthoringCompletions, AuthoringHovers, AuthoringSymbols, insertTimelineEntry, PeopleIndex } from './authoring';
import { PostmortemCodeActions } from './codeActions';
import type { ExportArgs } from './export';
import { exportActionItems } from './export';
import { LintController } from './lint';
import { CONFIG_FILE, ConfigFiles, LARGE_DOCUMENT_LINES, maxFileSize } from './settings';
import { TIMELINE_VIEW_TYPE, TimelinePanel } from './timelinePanel';

/** What the timeline command returns: the same shape as `postmortem timeline --format json`, minus the file. */
function timelineSummary(model: Postmortem) {
  return {
    title: model.title ?? null,
    timezone: model.timeline.zone?.name ?? null,
    events: model.timeline.events.map((e) => ({ line: e.line, time: e.time?.iso ?? null, text: e.text, actor: e.actor ?? null, kind: e.kind ?? null })),
    statedMetrics: model.statedMetrics.map((m) => ({ line: m.range.start.line, metric: m.metric, minutes: m.minutes ?? null })),
    computedMetrics: model.computedMetrics.readings.map((r) => ({
      start: r.start,
      metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, v.minutes])),
    })),
    actionItems: model.actionItems.length,
  };
}

export function activate(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Postmortem');
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const configFiles = new ConfigFiles();
  const lint = new LintController(configFiles, docsUri, log);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const onConfigFile = () => lint.relintOpen();

  const models = new Map<string, { version: number; model: Postmortem }>();
  /**
   * The model of an open document, parsed once per version and shared by every feature. A large
   * document is not re-parsed per keystroke for hovers, lenses or the panel: they use the last
   * model until the (longer-debounced) lint has caught up. Documents over the size limit get an
   * empty model.
   */
  const modelOf = (document: vscode.TextDocument): Postmortem => {
    const key = document.uri.toString();
    const state = lint.state(document.uri);
    if (state && state.version === document.version) return state.postmortem;
    const hit = models.get(key);
    if (hit && (hit.version === document.version || document.lineCount > LARGE_DOCUMENT_LINES)) return hit.model;
    if (state && document.lineCount > LARGE_DOCUMENT_LINES) return state.postmortem;
    const text = document.getText();
    const model = text.length > maxFileSize(document.uri) ? parsePostmortem('') : parsePostmortem(text, { parser: lint.parserFor(document.uri) });
    models.set(key, { version: document.version, model });
    return model;
  };

  const people = new PeopleIndex();
  const lens = new ActionItemsLens(modelOf);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  context.subscriptions.push(
    vscode.workspace.onDidCloseTextDocument((d) => models.delete(d.uri.toString())),
    people,
    vscode.languages.registerCompletionItemProvider(markdown, new AuthoringCompletions(modelOf, people, configFiles), '|', '@', ' '),
    vscode.languages.registerHoverProvider(markdown, new AuthoringHovers(modelOf, configFiles)),
    vscode.languages.registerDocumentSymbolProvider(markdown, new AuthoringSymbols(modelOf), { label: 'Postmortem' }),
    vscode.languages.registerCodeLensProvider(markdown, lens),
    vscode.workspace.onDidChangeTextDocument(() => lens.refresh()),
    lint.onDidLint((d) => {
      lens.refresh();
      TimelinePanel.instance?.refreshIfShowing(d);
    }),
    vscode.commands.registerCommand('postmortem.insertTimelineEntry', () => insertTimelineEntry(vscode.window.activeTextEditor, modelOf)),
  );
  context.subscriptions.push(
    log,
    lint,
    watcher,
    watcher.onDidChange(onConfigFile),
    watcher.onDidCreate(onConfigFile),
    watcher.onDidDelete(onConfigFile),
    vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new PostmortemCodeActions(lint), {
      providedCodeActionKinds: PostmortemCodeActions.kinds,
    }),
    vscode.commands.registerCommand('postmortem.showTimelineModel', (uri?: vscode.Uri) => {
      const document = uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a postmortem Markdown document first.');
        return undefined;
      }
      return timelineSummary(modelOf(document));
    }),
    vscode.commands.registerCommand('postmortem.lintWorkspace', async () => {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Linting postmortems', cancellable: false },
        () => lint.lintWorkspace(),
      );
      void vscode.window.showInformationMessage(`Postmortem lint: ${result.findings} finding${result.findings === 1 ? '' : 's'} in ${result.files} postmortem${result.files === 1 ? '' : 's'}.`);
      return result;
    }),
    vscode.commands.registerCommand('postmortem.exportActionItems', async (args?: ExportArgs) => {
      try {
        return await exportActionItems(args, configFiles);
      } catch (error) {
        void vscode.window.showErrorMessage(`Export failed: ${(error as Error).message}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('postmortem.showTimeline', (uri?: vscode.Uri) => {
      const document = uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      TimelinePanel.show(context, modelOf, document);
    }),
    vscode.commands.registerCommand('postmortem.copyTimelineSvg', async () => {
      const svg = TimelinePanel.instance?.svg();
      if (!svg) {
        void vscode.window.showInformationMessage('Open the timeline preview of a postmortem first.');
        return undefined;
      }
      await vscode.env.clipboard.writeText(svg);
      void vscode.window.showInformationMessage('Timeline copied as SVG.');
      return svg.length;
    }),
    vscode.commands.registerCommand('postmortem.saveTimelineSvg', async (target?: vscode.Uri) => {
      const panel = TimelinePanel.instance;
      const svg = panel?.svg();
      if (!panel || !svg) {
        void vscode.window.showInformationMessage('Open the timeline preview of a postmortem first.');
        return undefined;
      }
      const source = panel.documentUri;
      const uri = target ?? await vscode.window.showSaveDialog({
        ...(source ? { defaultUri: source.with({ path: `${source.path.replace(/\.(md|markdown)$/i, '')}-timeline.svg` }) } : {}),
        filters: { 'SVG image': ['svg'] },
        title: 'Save timeline as SVG',
      });
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
      void vscode.window.showInformationMessage(`Timeline saved to ${uri.path.split('/').pop()}.`);
      return uri.toString();
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => TimelinePanel.revive(panel, context, modelOf, state as never),
    }),
    { dispose: () => TimelinePanel.instance?.dispose() },
    vscode.commands.registerCommand('postmortem.showRuleDocumentation', async (ruleId?: string) => {
      if (!ruleId) return;
      await vscode.commands.executeCommand('markdown.showPreview', docsUri(ruleId));
    }),
  );
  return { parse: (text: string) => parsePostmortem(text) };
}

export function deactivate() {}
