import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Asks for (or takes `{ token, email }`) the tracker's token and keeps it in VS Code's secret storage. */
export class SetTrackerTokenCommand implements Command {
  readonly id = 'postmortem.setTrackerToken';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return false;
    }
    return sync.setToken(arg as { uri?: string; token?: string; email?: string } | undefined);
  }
}
