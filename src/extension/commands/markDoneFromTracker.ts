import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Marks done in its document an item whose ticket the tracker has closed (the view's item, or `{ uri, line }`). */
export class MarkDoneFromTrackerCommand implements Command {
  readonly id = 'postmortem.markDoneFromTracker';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<number> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return 0;
    }
    return sync.markClosedDone(arg);
  }
}
