import * as vscode from 'vscode';
import { toVsRange, toWorkspaceEdit } from './convert';
import type { LintController } from './lint';

/**
 * Quick fixes for postmortem diagnostics: the fixes each rule offers, then "disable for this line"
 * and "show documentation" for every rule.
 */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly lint: LintController) {}

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
      const disable = disableAction(document, diagnostic, ruleId, state?.postmortem.frontmatter?.range.end.line ?? 0);
      if (disable) actions.push(disable);
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { title: 'Show documentation', command: 'postmortem.showRuleDocumentation', arguments: [ruleId] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);
    }
    return actions;
  }
}

/**
 * "Disable rule for this line": a comment at the end of table rows, list items and headings (a
 * comment line there would split the table or list), a comment line above anything else.
 */
function disableAction(document: vscode.TextDocument, diagnostic: vscode.Diagnostic, ruleId: string, frontmatterEnd: number): vscode.CodeAction | undefined {
  const line = diagnostic.range.start.line;
  // A comment inside YAML frontmatter would break it.
  if (line < frontmatterEnd) return undefined;
  const text = document.lineAt(line).text;
  const action = new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  if (/^\s*(?:\||[-*+]\s|\d+[.)]\s|#)/.test(text) || text.includes('|')) {
    edit.insert(document.uri, new vscode.Position(line, text.length), ` <!-- postmortem-disable-line ${ruleId} -->`);
  } else {
    const indent = /^\s*/.exec(text)![0];
    edit.insert(document.uri, new vscode.Position(line, 0), `${indent}<!-- postmortem-disable-next-line ${ruleId} -->\n`);
  }
  action.edit = edit;
  action.diagnostics = [diagnostic];
  return action;
}
