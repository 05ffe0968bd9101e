import * as assert from 'assert';
import * as vscode from 'vscode';
import { BREAK, EXTENSION_ID, openFixture, waitFor } from './util';

suite('Activation and commands', () => {
  test('the extension activates when a postmortem opens', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is installed`);
    await waitFor('activation', () => (ext.isActive ? true : undefined));
    console.log(`${EXTENSION_ID} ${ext.packageJSON.version} active in ${vscode.env.appName} ${vscode.version} from ${ext.extensionUri.toString()}`);
  });

  test('every contributed command is registered', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed: string[] = ext.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(contributed.length > 0);
    assert.deepStrictEqual(contributed.filter((c) => !registered.has(c)), []);
  });

  test('the timeline model of the open document is reachable through a command', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const model = await vscode.commands.executeCommand<{
      title: string; timezone: string;
      events: Array<{ line: number; time: string; text: string; actor: string | null; kind: string | null }>;
      computedMetrics: Array<{ start: string; metrics: Record<string, number> }>;
    }>('postmortem.showTimelineModel');
    assert.ok(model, 'the command returns a model');
    assert.strictEqual(model.title, 'Progress API 500 errors after v2.4.1 deploy');
    assert.strictEqual(model.timezone, 'UTC');
    assert.strictEqual(model.events.length, BREAK ? 11 : 10);
    assert.deepStrictEqual(model.events[7], { line: 31, time: '2025-04-14T14:44:00Z', text: 'Alice rolls back to v2.4.0', actor: 'Alice', kind: 'mitigated' });
    const first = model.computedMetrics.find((r) => r.start === 'first-event')!;
    assert.deepStrictEqual([first.metrics.timeToDetect, first.metrics.timeToMitigate, first.metrics.totalDuration], [2, 21, 23]);
  });
});
