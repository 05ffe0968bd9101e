import * as vscode from 'vscode';
import { actionListToTable, markDoneAt, safeEdits, stripBom } from '../core';
import { disableComment } from './codeActions-logic';
import { toVsRange, toWorkspaceEdit } from './convert';
import type { DocumentModels } from './documentModels';
import type { LintController } from './lint';
import { LARGE_DOCUMENT_LINES } from './settings';

/**
 * Quick fixes for postmortem diagnostics: the fixes each rule offers, then "disable for this line"
 * and "show documentation" for every rule; on an open action item (and so on its `action-overdue`
 * finding), "Mark … done"; and, on a list of action items, "Convert to an action-items table".
 */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  /** `source.fixAll.postmortem`: every fix that needs no choice, for `editor.codeActionsOnSave`. */
  static readonly fixAll = vscode.CodeActionKind.SourceFixAll.append('postmortem');
  static readonly kinds = [vscode.CodeActionKind.QuickFix, PostmortemCodeActions.fixAll];

  constructor(
    private readonly lint: LintController,
    private readonly models: DocumentModels,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) {
      // Asked for source actions only (on save, or Source Action…): the fix-all, when it applies.
      if (!context.only.contains(PostmortemCodeActions.fixAll) && !PostmortemCodeActions.fixAll.contains(context.only)) return [];
      return this.fixAllAction(document);
    }
    const state = this.lint.state(document.uri);
    const actions: vscode.CodeAction[] = [];
    const done = this.markDoneAction(document, range, context.diagnostics);
    if (done) actions.push(done);
    const convert = this.convertAction(document, range);
    if (convert) actions.push(convert);
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

  /**
   * `source.fixAll.postmortem`: the same safe fixes as `postmortem lint --fix` (core's safeEdits), in
   * one edit, on the document as it is now (a save right after typing lints first).
   */
  private async fixAllAction(document: vscode.TextDocument): Promise<vscode.CodeAction[]> {
    const state = await this.lint.current(document);
    if (!state || state.version !== document.version) return [];
    const edits = safeEdits(state.findings);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction(`Fix ${edits.length} postmortem problem${edits.length === 1 ? '' : 's'} that need no choice`, PostmortemCodeActions.fixAll);
    action.edit = toWorkspaceEdit(document.uri, edits);
    return [action];
  }

  /** "Mark … done" on the open action item at the cursor (the edit is core's {@link markDoneAt}). */
  private markDoneAction(document: vscode.TextDocument, range: vscode.Range, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction | undefined {
    if (document.lineCount > LARGE_DOCUMENT_LINES) return undefined;
    const fix = markDoneAt(this.models.get(document), stripBom(document.getText()), range.start.line + 1);
    if (!fix) return undefined;
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    // One WorkspaceEdit: a single undo puts the status back.
    action.edit = toWorkspaceEdit(document.uri, fix.edits);
    const overdue = diagnostics.filter((d) => d.source === 'postmortem' && typeof d.code === 'object' && d.code.value === 'action-overdue');
    if (overdue.length > 0) action.diagnostics = overdue;
    return action;
  }

  /** "Convert to an action-items table" on a list of action items (the rewrite is core's {@link actionListToTable}). */
  private convertAction(document: vscode.TextDocument, range: vscode.Range): vscode.CodeAction | undefined {
    // A large document's model may lag behind its text; an edit built from it could land in the wrong place.
    if (document.lineCount > LARGE_DOCUMENT_LINES) return undefined;
    const rewrite = actionListToTable(this.models.get(document), stripBom(document.getText()), range.start.line + 1);
    if (!rewrite) return undefined;
    const action = new vscode.CodeAction(rewrite.title, vscode.CodeActionKind.QuickFix);
    // One WorkspaceEdit with one replacement: a single undo restores the list.
    action.edit = toWorkspaceEdit(document.uri, [rewrite.edit]);
    return action;
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
