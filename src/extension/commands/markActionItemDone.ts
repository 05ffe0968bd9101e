import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/**
 * Records an action item as done in its document: the view's item (or `{ uri, line }`), edited as
 * the "Mark done" quick fix does, in one undoable edit. Returns whether the document changed.
 */
export class MarkActionItemDoneCommand implements Command {
  readonly id = 'postmortem.markActionItemDone';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<boolean> {
    const item = this.services.actionItems.itemOf(arg);
    if (!item) {
      void vscode.window.showInformationMessage('Select an action item in the Action Items view first.');
      return false;
    }
    return this.services.actionItems.markDone(item);
  }
}
