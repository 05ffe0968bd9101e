import * as vscode from 'vscode';
import type { Config } from '../core';
import { configFromSettings } from '../core';

/** Documents with more lines than this are not re-parsed per keystroke by hovers, lenses and the panel. */
export const LARGE_DOCUMENT_LINES = 3000;

/** `postmortem.maxFileSize`: larger documents are skipped, with one notice. */
export function maxFileSize(scope: vscode.Uri | undefined): number {
  return vscode.workspace.getConfiguration('postmortem', scope).get<number>('maxFileSize', 5_000_000);
}

/** The lint configuration from VS Code settings (`postmortem.*`), key by key as the schema lists them. */
export function settingsConfig(scope: vscode.Uri | undefined): Config {
  const settings = vscode.workspace.getConfiguration('postmortem', scope);
  return configFromSettings((key) => settings.get(key));
}

/** `postmortem.lint.enable`. */
export function lintEnabled(scope: vscode.Uri): boolean {
  return vscode.workspace.getConfiguration('postmortem', scope).get<boolean>('lint.enable', true);
}

/** `postmortem.lint.debounce`: the shortest wait after typing before a lint. */
export function lintDebounce(scope: vscode.Uri): number {
  return vscode.workspace.getConfiguration('postmortem', scope).get<number>('lint.debounce', 300);
}

/** `postmortem.lint.maxProblems`: the most diagnostics shown for one document. */
export function maxProblems(scope: vscode.Uri): number {
  return vscode.workspace.getConfiguration('postmortem', scope).get<number>('lint.maxProblems', 500);
}
