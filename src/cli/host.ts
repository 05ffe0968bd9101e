import { readFile, readdir, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { WorkspaceHost } from '../core';
import { normalizePath } from '../core';

/** An absolute, `/`-separated path for the engine. */
export function enginePath(path: string): string {
  return normalizePath(resolve(path).split(sep).join('/'));
}

/** The workspace host of the command line: Node's file system. */
export const nodeHost: WorkspaceHost = {
  async readFile(path) {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  async stat(path) {
    try {
      const st = await stat(path);
      return st.isDirectory() ? 'directory' : st.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
  async listMarkdown(folder, skipFolders) {
    const out: string[] = [];
    const visit = async (dir: string) => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = `${dir}/${e.name}`;
        let kind: 'file' | 'directory' | undefined = e.isDirectory() ? 'directory' : e.isFile() ? 'file' : undefined;
        // A link to a file is read; links to folders are not followed (they can loop), as ripgrep does.
        if (e.isSymbolicLink() && (await nodeHost.stat(p)) === 'file') kind = 'file';
        if (kind === 'directory') {
          if (!e.name.startsWith('.') && !skipFolders.includes(e.name)) await visit(p);
        } else if (kind === 'file' && /\.(?:md|markdown)$/i.test(e.name)) out.push(p);
      }
    };
    await visit(folder);
    return out;
  },
};
