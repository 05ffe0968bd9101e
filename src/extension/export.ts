import * as vscode from 'vscode';
import type { Config, ExportFormat, ExportItem } from '../core';
import { EXPORT_FORMATS, exportItems, isExportFormat, isPostmortem, parsePostmortem, renderExport, resolveConfig, RULE_IDS } from '../core';
import type { ConfigFiles } from './settings';
import { configFor } from './settings';
import { currentText, workspaceMarkdown } from './workspaceFiles';

export type ExportScope = 'document' | 'workspace' | 'open';
export type ExportDestination = 'file' | 'clipboard' | 'untitled';

/** Arguments that skip the pickers (tests, keybindings). */
export interface ExportArgs {
  scope?: ExportScope;
  format?: ExportFormat;
  destination?: ExportDestination;
  /** Where to write for `file`; without it a save dialog asks. An existing file is kept unless `overwrite` is true. */
  target?: string | vscode.Uri;
  overwrite?: boolean;
}

export interface ExportOutcome {
  count: number;
  skipped: number;
  destination: ExportDestination;
  target?: string;
}

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}

async function collect(scope: ExportScope, configFiles: ConfigFiles): Promise<ExportItem[]> {
  const openOnly = scope === 'open';
  if (scope === 'document') {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') throw new Error('Open a postmortem Markdown document first.');
    return exportItems(parsePostmortem(doc.getText()), relativePath(doc.uri));
  }
  const items: ExportItem[] = [];
  for (const uri of await workspaceMarkdown(5000)) {
    const pm = parsePostmortem(await currentText(uri));
    const { config } = await configFor(uri, configFiles);
    if (!isPostmortem(pm, relativePath(uri), resolveConfig(config, RULE_IDS).config.files)) continue;
    items.push(...exportItems(pm, relativePath(uri), { openOnly }));
  }
  return items;
}

/** "Postmortem: Export Action Items": pickers for what is missing from the arguments, then the export. */
export async function exportActionItems(args: ExportArgs | undefined, configFiles: ConfigFiles): Promise<ExportOutcome | undefined> {
  const a = args ?? {};
  const scope = a.scope ?? (await vscode.window.showQuickPick([
    { label: 'This document', value: 'document' as const },
    { label: 'Every postmortem in the workspace', value: 'workspace' as const },
    { label: 'Only open items, every postmortem in the workspace', value: 'open' as const },
  ], { title: 'Export action items from', ignoreFocusOut: true }))?.value;
  if (!scope) return undefined;
  if (a.format !== undefined && !isExportFormat(a.format)) throw new Error(`Unknown export format "${String(a.format)}"`);
  const format = a.format ?? (await vscode.window.showQuickPick(
    (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => ({ label: EXPORT_FORMATS[f].label, description: EXPORT_FORMATS[f].describe, value: f })),
    { title: 'Export format', ignoreFocusOut: true },
  ))?.value;
  if (!format) return undefined;
  const destination = a.destination ?? (await vscode.window.showQuickPick([
    { label: 'Save to a file…', value: 'file' as const },
    { label: 'Copy to the clipboard', value: 'clipboard' as const },
    { label: 'Open as a new untitled document', value: 'untitled' as const },
  ], { title: 'Export to', ignoreFocusOut: true }))?.value;
  if (!destination) return undefined;

  const items = await collect(scope, configFiles);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // Tracker priority names come from the workspace's .postmortem.yaml.
  const config: Config = folder ? (await configFor(vscode.Uri.joinPath(folder, 'action-items.md'), configFiles)).config : {};
  const result = renderExport(format, items, {
    ...(config.jiraPriorities ? { jiraPriorities: config.jiraPriorities } : {}),
    ...(config.linearPriorities ? { linearPriorities: config.linearPriorities } : {}),
  });
  let target: string | undefined;
  if (destination === 'clipboard') await vscode.env.clipboard.writeText(result.text);
  else if (destination === 'untitled') {
    const language = { csv: 'csv', json: 'json', md: 'markdown', ics: 'plaintext', sh: 'shellscript' }[EXPORT_FORMATS[format].extension] ?? 'plaintext';
    const doc = await vscode.workspace.openTextDocument({ content: result.text, language });
    await vscode.window.showTextDocument(doc);
  } else {
    let uri: vscode.Uri | undefined;
    if (a.target !== undefined) {
      uri = typeof a.target === 'string' ? (/^[a-z][\w+.-]*:/i.test(a.target) ? vscode.Uri.parse(a.target) : folder ? vscode.Uri.joinPath(folder, a.target) : vscode.Uri.file(a.target)) : a.target;
      let exists = false;
      try {
        await vscode.workspace.fs.stat(uri);
        exists = true;
      } catch { /* new file */ }
      // Without the save dialog's consent an existing file is never overwritten.
      if (exists && !a.overwrite) throw new Error(`${relativePath(uri)} exists; not overwriting it.`);
    } else {
      uri = await vscode.window.showSaveDialog({
        ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `action-items.${EXPORT_FORMATS[format].extension}`) } : {}),
        filters: { [EXPORT_FORMATS[format].label]: [EXPORT_FORMATS[format].extension] },
        title: 'Export action items',
      });
      if (!uri) return undefined;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    target = uri.toString();
  }
  const where = destination === 'clipboard' ? 'to the clipboard' : destination === 'untitled' ? 'to a new document' : `to ${target ? relativePath(vscode.Uri.parse(target)) : 'a file'}`;
  const reasons = [...new Set(result.skipped.map((s) => s.reason))].join(', ');
  void vscode.window.showInformationMessage(`Exported ${result.count} action item${result.count === 1 ? '' : 's'} as ${EXPORT_FORMATS[format].label} ${where}${result.skipped.length ? `; skipped ${result.skipped.length} (${reasons})` : ''}.`);
  return { count: result.count, skipped: result.skipped.length, destination, ...(target ? { target } : {}) };
}
