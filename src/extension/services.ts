import * as vscode from 'vscode';
import { ActionItemsView } from './actionItemsView';
import { PeopleIndex } from './authoring';
import { DocumentModels } from './documentModels';
import { Engines } from './engines';
import { LintController } from './lint';

/** What commands and editor features share: made once in `activate`, disposed with the extension. */
export interface Services {
  readonly context: vscode.ExtensionContext;
  readonly log: vscode.OutputChannel;
  readonly engines: Engines;
  readonly models: DocumentModels;
  readonly lint: LintController;
  readonly people: PeopleIndex;
  /** The Action Items view and the overdue count in the status bar. */
  readonly actionItems: ActionItemsView;
  /** The documentation page of a rule (shipped in the extension's docs/rules). */
  docsUri(ruleId: string): vscode.Uri;
  /** The open document with this URI, or without one the active editor's. */
  documentFor(uri?: vscode.Uri): vscode.TextDocument | undefined;
  /** A configuration file or a setting changed: forget cached configuration and owners, lint open documents again. */
  configurationChanged(): void;
}

export function createServices(context: vscode.ExtensionContext): Services & vscode.Disposable {
  const log = vscode.window.createOutputChannel('Postmortem');
  const docsUri = (ruleId: string) => vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`);
  const engines = new Engines(log);
  const models = new DocumentModels();
  const lint = new LintController(engines, models, docsUri, log);
  const people = new PeopleIndex(engines);
  const actionItems = new ActionItemsView(engines, models);
  return {
    context, log, engines, models, lint, people, actionItems, docsUri,
    documentFor: (uri) => (uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document),
    configurationChanged: () => {
      engines.clear();
      people.clear();
      lint.relintOpen();
      actionItems.scheduleAll();
    },
    dispose: () => [actionItems, people, lint, models, log].forEach((d) => d.dispose()),
  };
}
