import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Reads the status of every ticket linked from an open action item; the view and hovers show it. */
export class RefreshTicketStatusCommand implements Command {
  readonly id = 'postmortem.refreshTicketStatus';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<number> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return 0;
    }
    return sync.refreshStatus(arg as { interactive?: boolean } | undefined);
  }
}
