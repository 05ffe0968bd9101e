import type * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { NewPostmortemArgs } from '../newPostmortem';
import { newPostmortem } from '../newPostmortem';
import type { Services } from '../services';

/** "Postmortem: New Postmortem": from the palette, File → New File…, or an Explorer folder. */
export class NewPostmortemCommand implements Command {
  readonly id = 'postmortem.newPostmortem';

  constructor(private readonly services: Services) {}

  execute(arg?: vscode.Uri | NewPostmortemArgs): Promise<vscode.Uri | undefined> {
    return newPostmortem(arg, this.services.engines, this.services.context.extensionUri);
  }
}
