import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, templateAsSnippet } from '../../core';
import { todayUtc } from '../authoring-logic';
import type { Command } from '../commandManager';
import { templateFor } from '../newPostmortem';
import type { Services } from '../services';

/**
 * "Postmortem: Insert Postmortem Template": the team's template (or the built-in one) as a snippet
 * at the top of the document (the empty-file CodeLens runs it). One edit, undone with one Undo.
 */
export class InsertTemplateCommand implements Command {
  readonly id = 'postmortem.insertTemplate';

  constructor(private readonly services: Services) {}

  async execute(uri?: vscode.Uri): Promise<boolean> {
    const document = this.services.documentFor(uri);
    if (!document) {
      void vscode.window.showInformationMessage('Open a Markdown document first.');
      return false;
    }
    const editor = await vscode.window.showTextDocument(document);
    const near = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri ?? document.uri;
    const config = await this.services.engines.configFor(near);
    const severities = Array.isArray(config.severities) && config.severities.length > 0 ? config.severities : DEFAULT_SEVERITIES;
    const template = await templateFor(this.services.engines, near, this.services.context.extensionUri);
    const empty = document.getText().trim() === '';
    // An empty (or whitespace-only) file is replaced as a whole; otherwise the template goes at the top.
    const range = empty ? new vscode.Range(0, 0, document.lineCount, 0) : new vscode.Range(0, 0, 0, 0);
    return editor.insertSnippet(new vscode.SnippetString(templateAsSnippet(template, todayUtc(), severities)), range);
  }
}
