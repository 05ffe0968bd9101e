import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem-markdown';

/** Set by the build: true only in the deliberately broken bundle that proves failures are reported. */
declare const INTEGRATION_BREAK: boolean;
export const BREAK = typeof INTEGRATION_BREAK !== 'undefined' && INTEGRATION_BREAK;

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function openFixture(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  return vscode.window.showTextDocument(doc);
}

/** Polls until the check returns a value other than undefined, or fails after the timeout. */
export async function waitFor<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the document has postmortem diagnostics that satisfy the check. */
export function diagnosticsOf(uri: vscode.Uri, ruleId: string, check: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  return waitFor(`${ruleId} diagnostics on ${uri.path}`, () => {
    const all = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem' && typeof d.code === 'object' && d.code.value === ruleId);
    return check(all) ? all : undefined;
  });
}

