import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { ExportArgs, ExportOutcome } from '../export';
import { exportActionItems } from '../export';
import type { Services } from '../services';

/** Exports action items (pickers for what the arguments leave open); undefined when cancelled or failed. */
export class ExportActionItemsCommand implements Command {
  readonly id = 'postmortem.exportActionItems';

  constructor(private readonly services: Services) {}

  async execute(args?: ExportArgs): Promise<ExportOutcome | undefined> {
    try {
      return await exportActionItems(args, this.services.engines);
    } catch (error) {
      void vscode.window.showErrorMessage(`Export failed: ${(error as Error).message}`);
      return undefined;
    }
  }
}
