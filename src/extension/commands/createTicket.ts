import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';
import type { CreateResult } from '../trackerSync';

/** Creates the ticket of one action item of the Action Items view (after the same preview). */
export class CreateTicketCommand implements Command {
  readonly id = 'postmortem.createTicket';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<CreateResult | undefined> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return undefined;
    }
    return sync.createTickets(arg);
  }
}
