import * as vscode from 'vscode';
import type { WorkspaceHost } from '../core';

/**
 * The workspace host of the extension: `vscode.workspace.fs`, so virtual workspaces (vscode.dev,
 * remote file systems) work, and the text of open editors, so unsaved edits count. Engine paths are
 * the URIs' paths; every URI the host makes shares the scheme and authority of `base`.
 */
export class VsCodeHost implements WorkspaceHost {
  constructor(private readonly base: vscode.Uri) {}

  /** The URI of an engine path. */
  uri(path: string): vscode.Uri {
    return this.base.with({ path, query: '', fragment: '' });
  }

  async readFile(path: string): Promise<string | undefined> {
    const uri = this.uri(path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return open.getText();
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return undefined;
    }
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    try {
      const st = await vscode.workspace.fs.stat(this.uri(path));
      return st.type & vscode.FileType.Directory ? 'directory' : st.type & vscode.FileType.File ? 'file' : undefined;
    } catch {
      return undefined;
    }
  }

  async listMarkdown(folder: string, skipFolders: readonly string[]): Promise<string[]> {
    const exclude = `{**/.*/**,${skipFolders.map((f) => `**/${f}/**`).join(',')}}`;
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.uri(folder), '**/*.{md,markdown}'), exclude, 20_000);
    return uris.map((u) => u.path);
  }
}

/** One host per scheme and authority: the engine's paths are only unique within one. */
export class VsCodeHosts {
  private readonly hosts = new Map<string, VsCodeHost>();

  for(uri: vscode.Uri): VsCodeHost {
    const key = `${uri.scheme}://${uri.authority}`;
    let host = this.hosts.get(key);
    if (!host) {
      host = new VsCodeHost(uri.with({ path: '/', query: '', fragment: '' }));
      this.hosts.set(key, host);
    }
    return host;
  }
}
