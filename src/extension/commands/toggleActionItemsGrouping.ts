import type { GroupBy } from '../actionItems-logic';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Groups the Action Items view by owner or by postmortem (whichever it is not now); returns the new grouping. */
export class ToggleActionItemsGroupingCommand implements Command {
  readonly id = 'postmortem.toggleActionItemsGrouping';

  constructor(private readonly services: Services) {}

  execute(): GroupBy {
    return this.services.actionItems.toggleGrouping();
  }
}
