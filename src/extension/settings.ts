import * as vscode from 'vscode';
import type { Config, ConfigProblem } from '../core';
import { mergeConfigs, parseConfigText } from '../core';

export const CONFIG_FILE = '.postmortem.yaml';

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

/**
 * Finds and reads the nearest `.postmortem.yaml` above a document, inside its workspace folder.
 * It is read as data only, through the workspace file system (so it works on the web too).
 */
export class ConfigFiles {
  private readonly cache = new Map<string, Promise<{ uri: vscode.Uri; config: Config; problems: ConfigProblem[] } | undefined>>();

  clear(): void {
    this.cache.clear();
  }

  async forDocument(uri: vscode.Uri): Promise<{ uri: vscode.Uri; config: Config; problems: ConfigProblem[] } | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    let dir = vscode.Uri.joinPath(uri, '..');
    for (;;) {
      const found = await this.read(vscode.Uri.joinPath(dir, CONFIG_FILE));
      if (found) return found;
      if (dir.path === folder.uri.path || !dir.path.startsWith(folder.uri.path) || dir.path === '/') return undefined;
      dir = vscode.Uri.joinPath(dir, '..');
    }
  }

  private read(uri: vscode.Uri) {
    const key = uri.toString();
    let hit = this.cache.get(key);
    if (!hit) {
      hit = (async () => {
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          const { config, problems } = parseConfigText(new TextDecoder().decode(bytes));
          return { uri, config, problems };
        } catch {
          return undefined;
        }
      })();
      this.cache.set(key, hit);
    }
    return hit;
  }
}

/** Settings first, then the project's file on top: the file is what CI uses, so it wins. */
export async function configFor(uri: vscode.Uri, files: ConfigFiles): Promise<{ config: Config; file: Awaited<ReturnType<ConfigFiles['forDocument']>> }> {
  const file = await files.forDocument(uri);
  return { config: mergeConfigs(settingsConfig(uri), file?.config ?? {}), file };
}
