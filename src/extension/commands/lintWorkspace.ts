import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import { lintWorkspaceMessage } from '../lint-logic';
import type { Services } from '../services';

/** Lints every postmortem of the workspace; returns the files and findings counted. */
export class LintWorkspaceCommand implements Command {
  readonly id = 'postmortem.lintWorkspace';

  constructor(private readonly services: Services) {}

  async execute(): Promise<{ files: number; findings: number }> {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Linting postmortems', cancellable: false },
      () => this.services.lint.lintWorkspace(),
    );
    void vscode.window.showInformationMessage(lintWorkspaceMessage(result.files, result.findings));
    return result;
  }
}
