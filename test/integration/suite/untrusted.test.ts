import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsOf, EXTENSION_ID, openFixture, waitFor, workspaceUri } from './util';

// The extension declares untrustedWorkspaces: supported, because it never runs anything from the
// workspace: .postmortem.yaml is read as data. These tests run in Restricted Mode to show it.
suite('Untrusted workspace (Restricted Mode)', () => {
  test('the folder is not trusted, and the extension is active', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
    await openFixture('postmortems', 'rules', 'action-vague.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'installed');
    await waitFor('activation', () => (ext.isActive ? true : undefined));
  });

  test('lint still reports, and .postmortem.yaml is read as data', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-vague.md');
    await diagnosticsOf(editor.document.uri, 'action-vague', (d) => d.length === 6);
    // A YAML tag that would construct code in a permissive loader is just data (or an error) here.
    const config = workspaceUri('.postmortem.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  action-vague: off\nexploit: !!js/function "function () { globalThis.pwned = true }"\n'));
    try {
      await diagnosticsOf(editor.document.uri, 'action-vague', (d) => d.length === 0);
      assert.strictEqual((globalThis as { pwned?: boolean }).pwned, undefined);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
  });

  test('export writes where it is told', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const target = workspaceUri('exports', 'untrusted.json');
    const outcome = await vscode.commands.executeCommand<{ count: number }>('postmortem.exportActionItems', { scope: 'document', format: 'json', destination: 'file', target: target.toString() });
    assert.strictEqual(outcome.count, 6);
  });
});
