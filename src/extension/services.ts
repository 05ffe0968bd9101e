import * as vscode from 'vscode';
import { ActionItemsView } from './actionItemsView';
import { PeopleIndex } from './authoring';
import { DocumentModels } from './documentModels';
import { Engines } from './engines';
import { LintController } from './lint';
import type { TrackerSync } from './trackerSync';

/** Set by the build: the web worker bundle leaves tracker sync (and its HTTP clients) out. */
declare const WEB_BUILD: boolean;

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
  /** Tracker sync (tickets created, linked and read); undefined in the web extension. */
  readonly sync: TrackerSync | undefined;
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
  const actionItems = new ActionItemsView(engines, models, lint.onDidLint);
  const services: Services & vscode.Disposable = {
    context, log, engines, models, lint, people, actionItems, docsUri, sync: undefined,
    documentFor: (uri) => (uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document),
    configurationChanged: () => {
      engines.clear();
      people.clear();
      lint.relintOpen();
      actionItems.scheduleAll();
    },
    dispose: () => [services.sync, actionItems, people, lint, models, log].forEach((d) => d?.dispose()),
  };
  if (!WEB_BUILD) {
    // Required here, not imported above, so that the web bundle does not carry the HTTP clients.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { TrackerSync: Sync } = require('./trackerSync') as typeof import('./trackerSync');
    (services as { sync: TrackerSync | undefined }).sync = new Sync(services);
  }
  return services;
}
