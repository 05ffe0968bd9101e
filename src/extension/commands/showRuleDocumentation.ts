import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** Opens a rule's documentation in the Markdown preview. */
export class ShowRuleDocumentationCommand implements Command {
  readonly id = 'postmortem.showRuleDocumentation';

  constructor(private readonly services: Services) {}

  async execute(ruleId?: string): Promise<void> {
    if (!ruleId) return;
    await vscode.commands.executeCommand('markdown.showPreview', this.services.docsUri(ruleId));
  }
}
