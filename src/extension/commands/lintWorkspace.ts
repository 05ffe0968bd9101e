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
    // Not awaited: the command returns its counts at once; the button opens the findings.
    void vscode.window.showInformationMessage(lintWorkspaceMessage(result.files, result.findings), 'Show Problems').then((choice) => {
      if (choice === 'Show Problems') void vscode.commands.executeCommand('workbench.actions.view.problems');
    });
    return result;
  }
}
