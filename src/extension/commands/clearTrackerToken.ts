import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Removes the tracker's token from VS Code's secret storage. */
export class ClearTrackerTokenCommand implements Command {
  readonly id = 'postmortem.clearTrackerToken';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return false;
    }
    return sync.clearToken(arg as { uri?: string } | undefined);
  }
}
