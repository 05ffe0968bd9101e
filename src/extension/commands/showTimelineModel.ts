import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';
import type { TimelineSummary } from '../timeline-logic';
import { timelineSummary } from '../timeline-logic';

/** The timeline model of a document (the active one by default), as `postmortem timeline --format json` prints it. */
export class ShowTimelineModelCommand implements Command {
  readonly id = 'postmortem.showTimelineModel';

  constructor(private readonly services: Services) {}

  execute(uri?: vscode.Uri): TimelineSummary | undefined {
    const document = this.services.documentFor(uri);
    if (!document) {
      void vscode.window.showInformationMessage('Open a postmortem Markdown document first.');
      return undefined;
    }
    return timelineSummary(this.services.models.get(document));
  }
}
