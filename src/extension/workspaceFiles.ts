import * as vscode from 'vscode';

/** The workspace's Markdown files, sorted by path, skipping dependency and test-cache folders. */
export async function workspaceMarkdown(max: number, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.{md,markdown}', '{**/node_modules/**,**/.git/**,**/.vscode-test/**}', max, token);
  return uris.sort((a, b) => a.path.localeCompare(b.path));
}

/** A file's text as the user sees it: the open editor's (unsaved edits included), else the file's. */
export async function currentText(uri: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
