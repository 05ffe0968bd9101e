import * as vscode from 'vscode';
import type { Engines } from './engines';
import { looksLikeNewPostmortem } from './newPostmortem';

/** "Insert postmortem template" at line 1 of an empty Markdown file that looks like a postmortem. */
export class EmptyPostmortemLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly engines: Engines) {}

  refresh(): void {
    this.changed.fire();
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!(await looksLikeNewPostmortem(document, this.engines))) return [];
    return [new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), { title: 'Insert postmortem template', command: 'postmortem.insertTemplate', arguments: [document.uri] })];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface SnippetEntry {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

/**
 * Our snippets at the start of a line of a postmortem file, on typing `/` there: Markdown turns
 * quick suggestions off, so without this the snippets show only on Ctrl+Space. The `/` typed is
 * replaced by the snippet.
 */
export class SnippetCompletions implements vscode.CompletionItemProvider {
  private snippets: Promise<Array<[string, SnippetEntry]>> | undefined;

  constructor(private readonly extensionUri: vscode.Uri, private readonly engines: Engines) {}

  private load(): Promise<Array<[string, SnippetEntry]>> {
    this.snippets ??= (async () => {
      try {
        const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'snippets', 'postmortem.code-snippets'));
        return Object.entries(JSON.parse(new TextDecoder().decode(bytes)) as Record<string, SnippetEntry>);
      } catch {
        return [];
      }
    })();
    return this.snippets;
  }

  async provideCompletionItems(document: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
    const before = document.lineAt(pos.line).text.slice(0, pos.character);
    const slash = before.trimStart();
    if (!/^\/[\w-]*$/.test(slash)) return [];
    if (!(await this.isPostmortem(document))) return [];
    const range = new vscode.Range(pos.line, before.length - slash.length, pos.line, pos.character);
    return (await this.load()).map(([name, s], i) => {
      const prefix = Array.isArray(s.prefix) ? s.prefix[0]! : s.prefix;
      const item = new vscode.CompletionItem({ label: `/${prefix}`, description: name }, vscode.CompletionItemKind.Snippet);
      item.insertText = new vscode.SnippetString(Array.isArray(s.body) ? s.body.join('\n') : s.body);
      item.range = range;
      item.filterText = `/${prefix}`;
      item.sortText = String(i).padStart(4, '0');
      if (s.description) item.documentation = s.description;
      return item;
    });
  }

  private async isPostmortem(document: vscode.TextDocument): Promise<boolean> {
    if (await looksLikeNewPostmortem(document, this.engines)) return true;
    try {
      return (await this.engines.for(document.uri).engine.read(document.uri.path, { text: document.getText() })) !== undefined;
    } catch {
      return false;
    }
  }
}
