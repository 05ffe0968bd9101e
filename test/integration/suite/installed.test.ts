import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, workspaceUri } from './util';

// Loaded only when the packaged .vsix is installed with --install-extension (POSTMORTEM_EXPECT_INSTALLED=1):
// the artefact users get, not the development folder.
suite('Installed .vsix', () => {
  test('the installed extension is the one running, and it activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'installed');
    const version = ext.packageJSON.version as string;
    assert.match(ext.extensionUri.path, new RegExp(`/${EXTENSION_ID.replace('.', '\\.')}-${version.replace(/\./g, '\\.')}/?$`), `runs from the extensions folder: ${ext.extensionUri.path}`);
    await openFixture('postmortems', 'progress-sync-outage.md');
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    const model = await vscode.commands.executeCommand<{ events: unknown[] }>('postmortem.showTimelineModel');
    assert.strictEqual(model?.events.length, 10);
  });

  test('the packaged extension exports action items', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const target = workspaceUri('exports', 'installed.csv');
    const outcome = await vscode.commands.executeCommand<{ count: number }>('postmortem.exportActionItems', { scope: 'document', format: 'jira-csv', destination: 'file', target: target.toString() });
    assert.strictEqual(outcome.count, 6);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(text, /^Summary,Description,Priority,Assignee,Due date,Labels,Labels\r\n/);
    assert.match(text, /Add query latency alerting \(>100ms p99\),.*,High,Bob,2025-04-20,postmortem,/s);
  });
});
