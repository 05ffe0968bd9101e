import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Shows every action item again. */
export class ClearActionItemsFilterCommand implements Command {
  readonly id = 'postmortem.clearActionItemsFilter';

  constructor(private readonly services: Services) {}

  execute(): void {
    this.services.actionItems.setFilter({});
  }
}
