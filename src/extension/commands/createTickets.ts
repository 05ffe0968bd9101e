import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';
import type { CreateResult } from '../trackerSync';

/**
 * Creates a ticket for each open action item without one — of the active postmortem (its selected
 * rows when there is a selection), of `{ uri, ids }`, or of the whole view (`{ all: true }`) — after
 * a preview, and writes the links back into the documents as one undoable edit each.
 */
export class CreateTicketsCommand implements Command {
  readonly id = 'postmortem.createTickets';

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
