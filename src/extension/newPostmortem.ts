import * as vscode from 'vscode';
import type { Config } from '../core';
import { DEFAULT_FILES, DEFAULT_SEVERITIES, fillTemplate, folderFromGlobs, freeFileName, joinPath, matchesAnyGlob, namedLikePostmortem, relativePath } from '../core';
import { todayUtc } from './authoring-logic';
import type { Engines } from './engines';

/** The built-in template: the "Postmortem document" snippet shipped in snippets/. */
export async function builtInTemplate(extensionUri: vscode.Uri): Promise<string> {
  const raw = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'snippets', 'postmortem.code-snippets')));
  const snippets = JSON.parse(raw) as Record<string, { body: string[] | string }>;
  const body = snippets['Postmortem document']?.body;
  if (!body) throw new Error('The built-in postmortem template is missing from snippets/postmortem.code-snippets.');
  return Array.isArray(body) ? body.join('\n') : body;
}

/** Where a configured path (folder, templateFile) points: relative to `.postmortem.yaml`, else to the workspace folder. */
async function configured(engines: Engines, near: vscode.Uri): Promise<{ config: Config; resolve: (p: string) => vscode.Uri }> {
  const { host, engine } = engines.for(near);
  const lookup = await engine.configFor(joinPath(near.path, 'new-postmortem.md'));
  const base = lookup.base !== undefined ? host.uri(lookup.base) : near;
  return { config: lookup.config, resolve: (p) => (/^[a-z][\w+.-]*:/i.test(p) ? vscode.Uri.parse(p) : p.startsWith('/') ? base.with({ path: p }) : vscode.Uri.joinPath(base, p)) };
}

/** The team's template (`templateFile`) when one is configured, else the built-in one. */
export async function templateFor(engines: Engines, near: vscode.Uri, extensionUri: vscode.Uri): Promise<string> {
  const { config, resolve } = await configured(engines, near);
  if (typeof config.templateFile === 'string' && config.templateFile.trim() !== '') {
    const uri = resolve(config.templateFile.trim());
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      throw new Error(`The postmortem template ${vscode.workspace.asRelativePath(uri, false)} (templateFile) cannot be read.`);
    }
  }
  return builtInTemplate(extensionUri);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** The folder to create in: the configured `folder`, else the folder the globs name if it exists, else the workspace folder. */
async function defaultFolder(engines: Engines, root: vscode.Uri): Promise<vscode.Uri> {
  const { config, resolve } = await configured(engines, root);
  if (typeof config.folder === 'string' && config.folder.trim() !== '') return resolve(config.folder.trim());
  const globs = Array.isArray(config.files) ? config.files : DEFAULT_FILES;
  const named = folderFromGlobs(globs);
  if (named) {
    const candidate = resolve(named);
    if (await isFolder(candidate)) return candidate;
  }
  return root;
}

/** Arguments that skip the prompts (tests, other extensions). */
export interface NewPostmortemArgs {
  folder?: string | vscode.Uri;
  title?: string;
  severity?: string;
  /** YYYY-MM-DD; today (UTC) by default. */
  date?: string;
  /** false: create the file without opening an editor. */
  open?: boolean;
}

/**
 * "Postmortem: New Postmortem": asks for a title and a severity (unless given), writes
 * `<folder>/<date>-<slug>.md` from the template without overwriting anything, and opens it with
 * the first field to fill selected. The first argument may be an Explorer folder (menus pass its
 * URI) or {@link NewPostmortemArgs}. Returns the new file's URI, or undefined when cancelled.
 */
export async function newPostmortem(arg: vscode.Uri | NewPostmortemArgs | undefined, engines: Engines, extensionUri: vscode.Uri): Promise<vscode.Uri | undefined> {
  const args: NewPostmortemArgs = arg instanceof vscode.Uri ? { folder: arg } : arg && typeof arg === 'object' ? arg : {};
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  let folder: vscode.Uri | undefined;
  if (args.folder !== undefined) {
    folder = typeof args.folder === 'string'
      ? (/^[a-z][\w+.-]*:/i.test(args.folder) ? vscode.Uri.parse(args.folder) : root ? vscode.Uri.joinPath(root, args.folder) : vscode.Uri.file(args.folder))
      : args.folder;
    // A file clicked in the Explorer: its folder.
    if (!(await isFolder(folder)) && (await exists(folder))) folder = vscode.Uri.joinPath(folder, '..');
  } else if (root) folder = await defaultFolder(engines, root);
  if (!folder) {
    void vscode.window.showErrorMessage('New Postmortem needs a folder: open a folder or workspace first.');
    return undefined;
  }
  const { config } = await configured(engines, folder);
  const severities = Array.isArray(config.severities) && config.severities.length > 0 ? config.severities : DEFAULT_SEVERITIES;

  const title = args.title ?? await vscode.window.showInputBox({
    title: 'New Postmortem (1/2)',
    prompt: 'What broke, for whom? This becomes the title and the file name.',
    placeHolder: 'Checkout errors for EU customers',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Write a title' : undefined),
  });
  if (title === undefined || title.trim() === '') return undefined;
  const severity = args.severity ?? (await vscode.window.showQuickPick(severities, { title: 'New Postmortem (2/2): severity', ignoreFocusOut: true }));
  if (severity === undefined) return undefined;
  const date = args.date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(args.date) ? args.date : todayUtc();

  const template = await templateFor(engines, folder, extensionUri);
  const filled = fillTemplate(template, { title: title.trim(), date, severity }, severities);
  await vscode.workspace.fs.createDirectory(folder);
  const target = folder;
  const name = await freeFileName(date, title, (n) => exists(vscode.Uri.joinPath(target, n)));
  if (!name) {
    void vscode.window.showErrorMessage(`No free file name for "${title}" in ${vscode.workspace.asRelativePath(folder, false)}.`);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder, name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(filled.text));
  if (args.open !== false) {
    const doc = await vscode.workspace.openTextDocument(uri);
    const start = doc.positionAt(filled.cursor.start);
    const end = doc.positionAt(filled.cursor.end);
    await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, end) });
  }
  return uri;
}

/**
 * Whether an empty document should be offered the template: it matches the configured postmortem
 * globs, or it is named like a postmortem.
 */
export async function looksLikeNewPostmortem(document: vscode.TextDocument, engines: Engines): Promise<boolean> {
  // Cheap tests first: this runs on every edit of every Markdown document, large ones included.
  if (document.languageId !== 'markdown' || document.lineCount > 50 || document.getText().trim() !== '') return false;
  if (namedLikePostmortem(document.uri.path)) return true;
  if (document.isUntitled) return false;
  const { engine } = engines.for(document.uri);
  const lookup = await engine.configFor(document.uri.path);
  const globs = Array.isArray(lookup.config.files) ? lookup.config.files : DEFAULT_FILES;
  const path = (lookup.base !== undefined ? relativePath(lookup.base, document.uri.path) : undefined) ?? vscode.workspace.asRelativePath(document.uri, false);
  return matchesAnyGlob(path, globs);
}
