import * as vscode from 'vscode';
import { copyText } from '../actionItems-logic';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Copies an action item as one line (priority, action, owner, deadline, ticket, where it is written). */
export class CopyActionItemCommand implements Command {
  readonly id = 'postmortem.copyActionItem';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<string | undefined> {
    const item = this.services.actionItems.itemOf(arg);
    if (!item) return undefined;
    const text = copyText(item);
    await vscode.env.clipboard.writeText(text);
    return text;
  }
}
