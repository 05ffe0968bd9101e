import * as vscode from 'vscode';
import type { Config } from '../core';

/** Documents with more lines than this are not re-parsed per keystroke by hovers, lenses and the panel. */
export const LARGE_DOCUMENT_LINES = 3000;

/** `postmortem.maxFileSize`: larger documents are skipped, with one notice. */
export function maxFileSize(scope: vscode.Uri | undefined): number {
  return vscode.workspace.getConfiguration('postmortem', scope).get<number>('maxFileSize', 5_000_000);
}

/** The lint configuration from VS Code settings (`postmortem.*`). */
export function settingsConfig(scope: vscode.Uri | undefined): Config {
  const s = vscode.workspace.getConfiguration('postmortem', scope);
  const config: Config = {};
  const rules = s.get<Config['rules']>('rules');
  if (rules && Object.keys(rules).length > 0) config.rules = rules;
  const sections = s.get<string[]>('requiredSections');
  if (sections) config.requiredSections = sections;
  const priorities = s.get<string[]>('priorities');
  if (priorities && priorities.length > 0) config.priorities = priorities;
  const whys = s.get<number>('whyChainLength');
  if (whys !== undefined) config.whyChainLength = whys;
  const files = s.get<string[]>('files');
  if (files) config.files = files;
  const ticket = s.get<boolean>('requireTicket');
  if (ticket !== undefined) config.requireTicket = ticket;
  return config;
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
