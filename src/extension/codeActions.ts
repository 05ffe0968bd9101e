import * as vscode from 'vscode';
import { disableComment } from './codeActions-logic';
import { toVsRange, toWorkspaceEdit } from './convert';
import type { DocumentModels } from './documentModels';
import type { LintController } from './lint';

/**
 * Quick fixes for postmortem diagnostics: the fixes each rule offers, then "disable for this line"
 * and "show documentation" for every rule.
 */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(
    private readonly lint: LintController,
    private readonly models: DocumentModels,
  ) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.lint.state(document.uri);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'postmortem' || typeof diagnostic.code !== 'object') continue;
      const ruleId = String(diagnostic.code.value);
      const finding = state?.version === document.version
        ? state.findings.find((f) => f.ruleId === ruleId && toVsRange(f.range).isEqual(diagnostic.range) && f.message === diagnostic.message)
        : undefined;
      for (const fix of finding?.fixes ?? []) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred === true;
        actions.push(action);
      }
      const disable = this.disableAction(document, diagnostic, ruleId);
      if (disable) actions.push(disable);
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: 'Show documentation', command: 'postmortem.showRuleDocumentation', arguments: [ruleId] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);
    }
    return actions;
  }

  /** "Disable rule for this line" (see {@link disableComment} for where the comment goes). */
  private disableAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, ruleId: string): vscode.CodeAction | undefined {
    const line = diagnostic.range.start.line;
    if (line >= document.lineCount) return undefined;
    const frontmatterEnd = this.models.get(document).frontmatter?.range.end.line ?? 0;
    const insertion = disableComment(document.lineAt(line).text, line, ruleId, frontmatterEnd);
    if (!insertion) return undefined;
    const action = new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(document.uri, new vscode.Position(insertion.line, insertion.character), insertion.text);
    action.diagnostics = [diagnostic];
    return action;
  }
}
