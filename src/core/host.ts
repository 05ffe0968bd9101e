/**
 * What the engine needs from the place postmortems live: read a file, tell files from folders,
 * list Markdown files under a folder. The CLI implements it with Node's `fs`, the extension with
 * `vscode.workspace.fs` (so virtual workspaces work), and tests in memory.
 *
 * Paths are absolute and `/`-separated (`/repo/postmortems/db.md`, `c:/repo/x.md`); see
 * {@link ./paths} for the few operations the engine needs on them.
 */
export interface WorkspaceHost {
  /** The file's text as the user sees it (an editor's unsaved text wins); undefined when it cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Whether a path is a file or a folder; undefined when it does not exist. */
  stat(path: string): Promise<'file' | 'directory' | undefined>;
  /**
   * Markdown files (`.md`, `.markdown`) under a folder, at any depth, never descending into a folder
   * whose name is in `skipFolders` or starts with a dot. Order does not matter: the engine sorts.
   */
  listMarkdown(folder: string, skipFolders: readonly string[]): Promise<string[]>;
}

/** A host over a map of path to text: for tests and for one-off documents. */
export class InMemoryHost implements WorkspaceHost {
  private readonly files = new Map<string, string>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  set(path: string, text: string): void {
    this.files.set(path, text);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }

  async stat(path: string): Promise<'file' | 'directory' | undefined> {
    if (this.files.has(path)) return 'file';
    const prefix = path.endsWith('/') ? path : `${path}/`;
    for (const p of this.files.keys()) if (p.startsWith(prefix)) return 'directory';
    return undefined;
  }

  async listMarkdown(folder: string, skipFolders: readonly string[]): Promise<string[]> {
    const prefix = folder.endsWith('/') ? folder : `${folder}/`;
    return [...this.files.keys()].filter((p) => {
      if (!p.startsWith(prefix) || !/\.(?:md|markdown)$/i.test(p)) return false;
      const folders = p.slice(prefix.length).split('/').slice(0, -1);
      return folders.every((f) => !f.startsWith('.') && !skipFolders.includes(f));
    });
  }
}
