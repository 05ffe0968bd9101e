import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Opens the document of an action item with the item's text selected (clicking it in the view). */
export class RevealActionItemCommand implements Command {
  readonly id = 'postmortem.revealActionItem';

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<void> {
    const item = this.services.actionItems.itemOf(arg);
    if (item) await this.services.actionItems.reveal(item);
  }
}
