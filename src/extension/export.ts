import * as vscode from 'vscode';
import type { Config, ExportFormat, ExportItem } from '../core';
import { EXPORT_FORMATS, exportItems, isExportFormat, joinPath, renderExport } from '../core';
import type { Engines } from './engines';
import type { ExportDestination, ExportScope } from './export-logic';
import { defaultExportFileName, exportedMessage, pickUntitledLanguage, targetKind } from './export-logic';

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

/** The action items of the active document, or of every postmortem of the workspace (read through the engine). */
async function collect(scope: ExportScope, engines: Engines): Promise<ExportItem[]> {
  if (scope === 'document') {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') throw new Error('Open a postmortem Markdown document first.');
    const read = await engines.for(doc.uri).engine.read(doc.uri.path, { text: doc.getText(), explicit: true });
    return read ? exportItems(read.postmortem, relativePath(doc.uri)) : [];
  }
  const items: ExportItem[] = [];
  for (const { host, engine, paths } of engines.workspaceFolders()) {
    for (const doc of await engine.postmortems(paths)) {
      items.push(...exportItems(doc.postmortem, relativePath(host.uri(doc.path)), { openOnly: scope === 'open' }));
    }
  }
  return items;
}

async function pick<T>(items: Array<vscode.QuickPickItem & { value: T }>, title: string): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title, ignoreFocusOut: true }))?.value;
}

/** "Postmortem: Export Action Items": pickers for what is missing from the arguments, then the export. */
export async function exportActionItems(args: ExportArgs | undefined, engines: Engines): Promise<ExportOutcome | undefined> {
  const a = args ?? {};
  const scope = a.scope ?? await pick<ExportScope>([
    { label: 'This document', value: 'document' },
    { label: 'Every postmortem in the workspace', value: 'workspace' },
    { label: 'Only open items, every postmortem in the workspace', value: 'open' },
  ], 'Export action items from');
  if (!scope) return undefined;
  if (a.format !== undefined && !isExportFormat(a.format)) throw new Error(`Unknown export format "${String(a.format)}"`);
  const format = a.format ?? await pick(
    (Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((f) => ({ label: EXPORT_FORMATS[f].label, description: EXPORT_FORMATS[f].describe, value: f })),
    'Export format',
  );
  if (!format) return undefined;
  const destination = a.destination ?? await pick<ExportDestination>([
    { label: 'Save to a file…', value: 'file' },
    { label: 'Copy to the clipboard', value: 'clipboard' },
    { label: 'Open as a new untitled document', value: 'untitled' },
  ], 'Export to');
  if (!destination) return undefined;

  const items = await collect(scope, engines);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  // Tracker priority names come from the workspace's .postmortem.yaml.
  const config: Config = folder ? (await engines.for(folder).engine.configFor(joinPath(folder.path, 'action-items.md'))).config : {};
  const result = renderExport(format, items, {
    ...(config.jiraPriorities ? { jiraPriorities: config.jiraPriorities } : {}),
    ...(config.linearPriorities ? { linearPriorities: config.linearPriorities } : {}),
  });
  let target: string | undefined;
  if (destination === 'clipboard') await vscode.env.clipboard.writeText(result.text);
  else if (destination === 'untitled') {
    const doc = await vscode.workspace.openTextDocument({ content: result.text, language: pickUntitledLanguage(format, await vscode.languages.getLanguages()) });
    await vscode.window.showTextDocument(doc);
  } else {
    const uri = a.target !== undefined ? await existingTargetCheck(toUri(a.target, folder), a.overwrite === true) : await vscode.window.showSaveDialog({
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, defaultExportFileName(format, scope === 'document' ? vscode.window.activeTextEditor?.document.uri.path : undefined)) } : {}),
      filters: { [EXPORT_FORMATS[format].label]: [EXPORT_FORMATS[format].extension] },
      title: 'Export action items',
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
    target = uri.toString();
  }
  void vscode.window.showInformationMessage(exportedMessage(format, destination, result.count, result.skipped, target ? relativePath(vscode.Uri.parse(target)) : undefined));
  return { count: result.count, skipped: result.skipped.length, destination, ...(target ? { target } : {}) };
}

function toUri(target: string | vscode.Uri, folder: vscode.Uri | undefined): vscode.Uri {
  if (typeof target !== 'string') return target;
  const kind = targetKind(target, folder !== undefined);
  if (kind === 'uri') return vscode.Uri.parse(target);
  return folder && kind === 'workspace' ? vscode.Uri.joinPath(folder, target) : vscode.Uri.file(target);
}

/** Without the save dialog's consent an existing file is never overwritten. */
async function existingTargetCheck(uri: vscode.Uri, overwrite: boolean): Promise<vscode.Uri> {
  let exists = false;
  try {
    await vscode.workspace.fs.stat(uri);
    exists = true;
  } catch { /* new file */ }
  if (exists && !overwrite) throw new Error(`${relativePath(uri)} exists; not overwriting it.`);
  return uri;
}
