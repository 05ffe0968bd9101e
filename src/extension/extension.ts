import * as vscode from 'vscode';
import { parsePostmortem } from '../core';
import type { Postmortem } from '../core';

/** Parsed models by document, dropped when the document changes or closes. */
class ModelCache implements vscode.Disposable {
  private readonly models = new Map<string, { version: number; model: Postmortem }>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => this.models.delete(d.uri.toString())));
  }

  get(document: vscode.TextDocument): Postmortem {
    const key = document.uri.toString();
    const cached = this.models.get(key);
    if (cached && cached.version === document.version) return cached.model;
    const model = parsePostmortem(document.getText());
    this.models.set(key, { version: document.version, model });
    return model;
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.models.clear();
  }
}

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
  const cache = new ModelCache();
  context.subscriptions.push(
    cache,
    vscode.commands.registerCommand('postmortem.showTimelineModel', (uri?: vscode.Uri) => {
      const document = uri
        ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
        : vscode.window.activeTextEditor?.document;
      if (!document) {
        void vscode.window.showInformationMessage('Open a postmortem Markdown document first.');
        return undefined;
      }
      return timelineSummary(cache.get(document));
    }),
  );
  return { parse: (text: string) => parsePostmortem(text) };
}

export function deactivate() {}
