/**
 * The export command's decisions that need no editor (unit-tested in test/unit/extension-export.test.ts):
 * where a target argument points, which language an untitled export gets, what the summary says.
 * Nothing here imports 'vscode'.
 */
import type { ExportFormat } from '../core';
import { EXPORT_FORMATS } from '../core';

export type ExportScope = 'document' | 'workspace' | 'open';
export type ExportDestination = 'file' | 'clipboard' | 'untitled';

/**
 * How a `target` string is read: a URI when it starts with a scheme (`file:`, `vscode-vfs:`…), a
 * path relative to the first workspace folder when there is one, else a file-system path.
 */
export function targetKind(target: string, hasWorkspaceFolder: boolean): 'uri' | 'workspace' | 'file' {
  if (/^[a-z][\w+.-]*:/i.test(target)) return 'uri';
  return hasWorkspaceFolder ? 'workspace' : 'file';
}

/** The language of the untitled document an export opens in. */
export function untitledLanguage(format: ExportFormat): string {
  const byExtension: Record<string, string> = { csv: 'csv', json: 'json', md: 'markdown', ics: 'plaintext', sh: 'shellscript' };
  return byExtension[EXPORT_FORMATS[format].extension] ?? 'plaintext';
}

/**
 * The file name the save dialog proposes: `<postmortem-name>-action-items.<ext>` for one document
 * (its path's file name without `.md`), `action-items.<ext>` for the workspace.
 */
export function defaultExportFileName(format: ExportFormat, documentPath?: string): string {
  const base = documentPath?.split('/').pop()?.replace(/\.(?:md|markdown)$/i, '');
  return `${base ? `${base}-` : ''}action-items.${EXPORT_FORMATS[format].extension}`;
}

/**
 * The language of an untitled export: for CSV a CSV language when an installed extension
 * contributes one (language id `csv`, as Rainbow CSV and others do), else plain text.
 */
export function pickUntitledLanguage(format: ExportFormat, installed: readonly string[]): string {
  const wanted = untitledLanguage(format);
  if (wanted !== 'csv') return wanted;
  return installed.includes('csv') ? 'csv' : 'plaintext';
}

/** The notice after an export; `target` is the written file relative to the workspace. */
export function exportedMessage(format: ExportFormat, destination: ExportDestination, count: number, skipped: ReadonlyArray<{ reason: string }>, target: string | undefined): string {
  const where = destination === 'clipboard' ? 'to the clipboard' : destination === 'untitled' ? 'to a new document' : `to ${target ?? 'a file'}`;
  const reasons = [...new Set(skipped.map((s) => s.reason))].join(', ');
  return `Exported ${count} action item${count === 1 ? '' : 's'} as ${EXPORT_FORMATS[format].label} ${where}${skipped.length ? `; skipped ${skipped.length} (${reasons})` : ''}.`;
}
