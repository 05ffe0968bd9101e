import * as vscode from 'vscode';
import { ticketUrl } from '../actionItems-logic';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Opens an action item's ticket in the browser, when the ticket is a web address. */
export class OpenActionItemTicketCommand implements Command {
  readonly id = 'postmortem.openActionItemTicket';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const item = this.services.actionItems.itemOf(arg);
    const url = item && ticketUrl(item.ticket);
    if (!url) {
      void vscode.window.showInformationMessage(item?.ticket ? `The ticket "${item.ticket}" is not a web address.` : 'This action item has no ticket.');
      return false;
    }
    return vscode.env.openExternal(vscode.Uri.parse(url));
  }
}
