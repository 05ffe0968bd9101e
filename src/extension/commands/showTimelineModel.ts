import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';
import type { TimelineSummary } from '../timeline-logic';
import { timelineSummary } from '../timeline-logic';

/** The timeline model of a document (the active one by default), as `postmortem timeline --format json` prints it. */
export class ShowTimelineModelCommand implements Command {
  readonly id = 'postmortem.showTimelineModel';

  constructor(private readonly services: Services) {}

  /**
   * Returns the model to callers; run from the palette (no argument) it also opens the JSON in an
   * editor beside the document, since a returned value is invisible there.
   */
  async execute(uri?: vscode.Uri | unknown): Promise<TimelineSummary | undefined> {
    const document = this.services.documentFor(uri instanceof vscode.Uri ? uri : undefined);
    if (!document) {
      void vscode.window.showInformationMessage('Open a postmortem Markdown document first.');
      return undefined;
    }
    const summary = timelineSummary(this.services.models.get(document));
    if (!(uri instanceof vscode.Uri)) {
      const json = await vscode.workspace.openTextDocument({ language: 'json', content: `${JSON.stringify(summary, null, 2)}\n` });
      await vscode.window.showTextDocument(json, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
    return summary;
  }
}
