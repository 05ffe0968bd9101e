import * as vscode from 'vscode';
import { CONFIG_FILE } from '../core';
import { ActionItemsLens, AuthoringCompletions, AuthoringHovers, AuthoringSymbols } from './authoring';
import { PostmortemCodeActions } from './codeActions';
import { EmptyPostmortemLens, SnippetCompletions } from './discover';
import type { Services } from './services';
import { TIMELINE_VIEW_TYPE, TimelinePanel } from './timelinePanel';

/**
 * The editor features over the shared services: completions, hovers, outline, lenses, quick
 * fixes, the timeline panel's restore, and the watch on configuration. Returns what to dispose.
 */
export function registerFeatures(services: Services): vscode.Disposable[] {
  const { context, engines, lint, models, people } = services;
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const lens = new ActionItemsLens(models);
  const emptyLens = new EmptyPostmortemLens(engines);
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_FILE}`);
  const onConfigFile = () => services.configurationChanged();
  return [
    vscode.languages.registerCompletionItemProvider(markdown, new AuthoringCompletions(models, people, engines), '|', '@', ' '),
    vscode.languages.registerHoverProvider(markdown, new AuthoringHovers(models, engines)),
    vscode.languages.registerDocumentSymbolProvider(markdown, new AuthoringSymbols(models), { label: 'Postmortem' }),
    vscode.languages.registerCodeLensProvider(markdown, lens),
    vscode.languages.registerCodeLensProvider(markdown, emptyLens),
    emptyLens,
    vscode.languages.registerCompletionItemProvider(markdown, new SnippetCompletions(context.extensionUri, engines), '/'),
    vscode.languages.registerCodeActionsProvider(markdown, new PostmortemCodeActions(lint, models), { providedCodeActionKinds: PostmortemCodeActions.kinds }),
    vscode.workspace.onDidChangeTextDocument(() => {
      lens.refresh();
      emptyLens.refresh();
    }),
    lint.onDidLint((d) => {
      lens.refresh();
      TimelinePanel.instance?.refreshIfShowing(d);
    }),
    watcher,
    watcher.onDidChange(onConfigFile),
    watcher.onDidCreate(onConfigFile),
    watcher.onDidDelete(onConfigFile),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('postmortem')) services.configurationChanged();
    }),
    vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => TimelinePanel.revive(panel, context, models, state as never),
    }),
    { dispose: () => TimelinePanel.instance?.dispose() },
  ];
}
