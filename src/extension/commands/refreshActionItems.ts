import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Reads every postmortem of the workspace again for the Action Items view. */
export class RefreshActionItemsCommand implements Command {
  readonly id = 'postmortem.refreshActionItems';

  constructor(private readonly services: Services) {}

  async execute(): Promise<void> {
    this.services.actionItems.scheduleAll(0);
    await this.services.actionItems.snapshot();
  }
}
