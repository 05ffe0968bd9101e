import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, workspaceUri } from './util';

interface Outcome { count: number; skipped: number; destination: string; target?: string }

async function readJson(uri: vscode.Uri): Promise<Array<Record<string, unknown>>> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
}

suite('Export action items', () => {
  test('exports the open document as JSON to a file given as an argument', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const target = workspaceUri('exports', 'seed.json');
    const outcome = await vscode.commands.executeCommand<Outcome>('postmortem.exportActionItems', { scope: 'document', format: 'json', destination: 'file', target: target.toString() });
    assert.deepStrictEqual({ count: outcome.count, skipped: outcome.skipped }, { count: 6, skipped: 0 });
    const items = await readJson(target);
    assert.deepStrictEqual(items.map((i) => [i.priority, i.owner, i.deadline, i.status]), [
      ['P0', 'Alice', null, 'done'], ['P1', 'Bob', '2025-04-20', 'open'], ['P1', 'Carlos', '2025-05-01', 'open'],
      ['P2', 'Alice', '2025-05-15', 'open'], ['P2', 'Dana', '2025-04-25', 'open'], ['P3', 'Bob', '2025-06-01', 'open'],
    ]);
    assert.strictEqual(items[0]!.file, 'postmortems/progress-sync-outage.md');
  });

  test('never overwrites an existing file without consent', async () => {
    const target = workspaceUri('exports', 'keep.csv');
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode('precious\n'));
    const outcome = await vscode.commands.executeCommand<Outcome | undefined>('postmortem.exportActionItems', { scope: 'document', format: 'csv', destination: 'file', target: target.toString() });
    assert.strictEqual(outcome, undefined);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), 'precious\n');
  });

  test('exports only open items of every postmortem in the workspace to a new document', async () => {
    const outcome = await vscode.commands.executeCommand<Outcome>('postmortem.exportActionItems', { scope: 'open', format: 'markdown', destination: 'untitled' });
    const doc = vscode.window.activeTextEditor!.document;
    assert.ok(doc.isUntitled);
    assert.match(doc.getText(), /^# Action items\n\n## /);
    // In the P1 group, among the items of the other postmortems of the workspace (the demo's too).
    const p1 = doc.getText().split('\n## ').find((section) => section.startsWith('P1\n'));
    assert.ok(p1?.includes('\n- [ ] Add query latency alerting (&gt;100ms p99) — @Bob · due 2025-04-20 · Progress API 500 errors after v2.4.1 deploy (postmortems/progress-sync-outage.md:68)\n'), p1);
    assert.ok(!doc.getText().includes('- [x]'), 'done items left out');
    assert.ok(outcome.count > 5, `count ${outcome.count}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
