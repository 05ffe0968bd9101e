import type * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';
import { TimelinePanel } from '../timelinePanel';

/** Opens (or moves) the timeline preview to the side of a document: the one given (editor title menu), else the active one. */
export class ShowTimelineCommand implements Command {
  readonly id = 'postmortem.showTimeline';

  constructor(private readonly services: Services) {}

  execute(uri?: vscode.Uri): void {
    TimelinePanel.show(this.services.context, this.services.models, this.services.documentFor(uri));
  }
}
