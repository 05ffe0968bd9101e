import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Marks done in their documents every open item whose ticket the tracker has closed, one edit per document. */
export class MarkAllClosedDoneCommand implements Command {
  readonly id = 'postmortem.markAllClosedDone';

  constructor(private readonly services: Services) {}

  async execute(): Promise<number> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return 0;
    }
    return sync.markClosedDone({ all: true });
  }
}
