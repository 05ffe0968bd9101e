import * as vscode from 'vscode';
import type { ViewFilter } from '../actionItems-logic';
import { filterChoices } from '../actionItems-logic';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/**
 * Narrows the Action Items view to an owner or a priority: a filter given as an argument, or one
 * picked from the owners and priorities the items have. Picking an owner keeps the priority filter, and back.
 */
export class FilterActionItemsCommand implements Command {
  readonly id = 'postmortem.filterActionItems';

  constructor(private readonly services: Services) {}

  async execute(filter?: ViewFilter): Promise<ViewFilter | undefined> {
    const view = this.services.actionItems;
    if (filter && typeof filter === 'object' && !('kind' in filter)) {
      view.setFilter({ ...(typeof filter.owner === 'string' ? { owner: filter.owner } : {}), ...(typeof filter.priority === 'string' ? { priority: filter.priority } : {}) });
      return view.currentFilter();
    }
    const { owners, priorities } = filterChoices(view.items());
    type Pick = vscode.QuickPickItem & { set?: ViewFilter };
    const current = view.currentFilter();
    const picks: Pick[] = [
      { label: 'Owner', kind: vscode.QuickPickItemKind.Separator },
      ...owners.map((o): Pick => ({ label: o ? `@${o}` : 'No owner', set: { ...current, owner: o } })),
      { label: 'Priority', kind: vscode.QuickPickItemKind.Separator },
      ...priorities.map((p): Pick => ({ label: p || 'No priority', set: { ...current, priority: p } })),
    ];
    const picked = await vscode.window.showQuickPick(picks, { title: 'Show action items of', placeHolder: 'An owner or a priority' });
    if (!picked?.set) return undefined;
    view.setFilter(picked.set);
    return view.currentFilter();
  }
}
