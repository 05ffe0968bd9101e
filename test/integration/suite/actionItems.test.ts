import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsOf, EXTENSION_ID, workspaceUri } from './util';

interface Snapshot {
  groups: Array<{ label: string; groups: Array<{ label: string; items: Array<{ label: string; description: string; file: string; line: number }> }> }>;
  statusBar: string | undefined;
}

/** Today as the extension reads it (the UTC date), moved by some days: no date here goes stale. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

const FOLDER = ['view-test', 'postmortems'];

const ALPHA = [
  '# Alpha outage', '', '## Action items', '',
  '| Action | Owner | Priority | Deadline | Ticket |',
  '| --- | --- | --- | --- | --- |',
  `| Alpha slightly overdue | @zed | P1 | ${day(-3)} | |`,
  `| Alpha very overdue | @zed | P2 | ${day(-40)} | https://tickets.example/ALPHA-1 |`,
  `| Alpha due soon | @zed | P1 | ${day(2)} | |`,
  `| Alpha far future | @zed | P3 | ${day(90)} | |`,
  `| Alpha slightly overdue urgent | @zed | P0 | ${day(-3)} | |`,
  '',
].join('\n');

const BETA = [
  '# Beta outage', '', '## Action items', '',
  `- [ ] P1: Beta overdue — owner: @yan, due: ${day(-5)}`,
  `- [x] P1: Beta finished — owner: @yan, due: ${day(-20)}`,
  '',
].join('\n');

async function snapshot(): Promise<Snapshot> {
  const ext = vscode.extensions.getExtension<{ actionItemsSnapshot(): Promise<Snapshot> }>(EXTENSION_ID)!;
  const api = ext.isActive ? ext.exports : await ext.activate();
  return api.actionItemsSnapshot();
}

/** This suite's items by status group, in the order the view shows them (other postmortems of the workspace left out). */
function ours(s: Snapshot): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const status of s.groups) {
    const mine = status.groups.flatMap((g) => g.items).filter((i) => i.file.startsWith('view-test/')).map((i) => `${i.label} | ${i.description}`);
    if (mine.length) out[status.label] = mine;
  }
  return out;
}

function overdueShown(s: Snapshot): number {
  return s.groups.find((g) => g.label === 'Overdue')?.groups.reduce((n, g) => n + g.items.length, 0) ?? 0;
}

suite('Action Items view', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(...FOLDER, 'alpha.md'), new TextEncoder().encode(ALPHA));
    await vscode.workspace.fs.writeFile(workspaceUri(...FOLDER, 'beta.md'), new TextEncoder().encode(BETA));
  });

  suiteTeardown(async () => {
    for (const doc of vscode.workspace.textDocuments) if (doc.uri.path.includes('/view-test/') && doc.isDirty) await doc.save();
    await vscode.workspace.fs.delete(workspaceUri('view-test'), { recursive: true, useTrash: false });
  });

  test('lists the items of postmortems that are not open, by status, most overdue first, then by priority', async () => {
    await vscode.commands.executeCommand('postmortem.refreshActionItems');
    const s = await snapshot();
    assert.deepStrictEqual(s.groups.map((g) => g.label), ['Overdue', 'Due this week', 'Open', 'Done']);
    assert.deepStrictEqual(ours(s), {
      'Overdue': [
        'Alpha very overdue | P2 · 40 days overdue · https://tickets.example/ALPHA-1',
        'Alpha slightly overdue urgent | P0 · 3 days overdue',
        'Alpha slightly overdue | P1 · 3 days overdue',
        'Beta overdue | P1 · 5 days overdue',
      ],
      'Due this week': ['Alpha due soon | P1 · due in 2 days'],
      'Open': ['Alpha far future | P3 · due in 90 days'],
      'Done': ['Beta finished | P1 · done'],
    });
    // Grouped by owner: this suite's owners are groups of their own.
    const overdue = s.groups[0]!.groups.filter((g) => g.label === '@zed' || g.label === '@yan').map((g) => g.label);
    assert.deepStrictEqual(overdue, ['@zed', '@yan']);
    assert.ok(vscode.workspace.textDocuments.every((d) => !d.uri.path.endsWith('/view-test/postmortems/alpha.md')), 'read without opening the document');
  });

  test("lists the demo workspace's overdue items, each group most overdue first", async () => {
    const s = await snapshot();
    const overdue = s.groups.find((g) => g.label === 'Overdue')!;
    const demo = overdue.groups.map((g) => ({ owner: g.label, items: g.items.filter((i) => i.file.startsWith('demo/')) })).filter((g) => g.items.length > 0);
    // What the demo's files say, read by the extension's own parser: open items whose deadline has passed.
    const ext = vscode.extensions.getExtension<{ parse(text: string): { actionItems: Array<{ state: string; deadline: { value?: string } }> } }>(EXTENSION_ID)!;
    const api = ext.isActive ? ext.exports : await ext.activate();
    const today = day(0);
    let expected = 0;
    for (const [name] of await vscode.workspace.fs.readDirectory(workspaceUri('demo', 'postmortems'))) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('demo', 'postmortems', name)));
      expected += api.parse(text).actionItems.filter((a) => a.state === 'open' && a.deadline.value !== undefined && a.deadline.value < today).length;
    }
    assert.ok(expected >= 3, `the demo has overdue items (${expected})`);
    assert.strictEqual(demo.reduce((n, g) => n + g.items.length, 0), expected);
    for (const g of demo) {
      const days = g.items.map((i) => Number(/(\d+) days? overdue/.exec(i.description)?.[1]));
      assert.ok(days.every((d) => Number.isFinite(d)), g.items.map((i) => i.description).join('; '));
      assert.deepStrictEqual(days, [...days].sort((a, b) => b - a), `${g.owner}: ${days.join(', ')}`);
    }
  });

  test('shows the overdue count in the status bar', async () => {
    const s = await snapshot();
    const m = /^\$\(warning\) (\d+) overdue action items?$/.exec(s.statusBar ?? '');
    assert.ok(m, `status bar: ${s.statusBar}`);
    assert.strictEqual(Number(m[1]), overdueShown(s));
  });

  test('groups by postmortem and filters by owner from the title bar commands', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.toggleActionItemsGrouping'), 'postmortem');
    try {
      const s = await snapshot();
      const labels = s.groups[0]!.groups.map((g) => g.label);
      assert.ok(labels.indexOf('Alpha outage') >= 0 && labels.indexOf('Alpha outage') < labels.indexOf('Beta outage'), labels.join(', '));
    } finally {
      await vscode.commands.executeCommand('postmortem.toggleActionItemsGrouping');
    }
    await vscode.commands.executeCommand('postmortem.filterActionItems', { owner: 'yan' });
    try {
      const s = await snapshot();
      assert.deepStrictEqual(s.groups.flatMap((g) => g.groups.flatMap((x) => x.items.map((i) => i.label))), ['Beta overdue', 'Beta finished']);
    } finally {
      await vscode.commands.executeCommand('postmortem.clearActionItemsFilter');
    }
  });

  test('Mark done edits the document and the item leaves Overdue', async () => {
    const before = await snapshot();
    const item = before.groups[0]!.groups.flatMap((g) => g.items).find((i) => i.label === 'Alpha slightly overdue')!;
    const uri = workspaceUri(...FOLDER, 'alpha.md');
    const changed = await vscode.commands.executeCommand<boolean>('postmortem.markActionItemDone', { uri: uri.toString(), line: item.line });
    assert.strictEqual(changed, true);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
    assert.strictEqual(doc.lineAt(4).text, '| Action | Owner | Priority | Deadline | Ticket | Status |');
    assert.strictEqual(doc.lineAt(6).text, `| Alpha slightly overdue | @zed | P1 | ${day(-3)} | | Done |`);
    const after = await snapshot();
    assert.ok(!ours(after)['Overdue']!.some((l) => l.startsWith('Alpha slightly overdue |')), ours(after)['Overdue']!.join('\n'));
    assert.ok(ours(after)['Done']!.includes('Alpha slightly overdue | P1 · done'));
    assert.strictEqual(overdueShown(after), overdueShown(before) - 1);
    assert.strictEqual(after.statusBar, `$(warning) ${overdueShown(before) - 1} overdue action item${overdueShown(before) - 1 === 1 ? '' : 's'}`);
    // One edit: one undo puts the row back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.lineAt(6).text, `| Alpha slightly overdue | @zed | P1 | ${day(-3)} | |`);
  });

  test('offers Mark done as a quick fix on an action-overdue warning', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri(...FOLDER, 'beta.md'));
    await vscode.window.showTextDocument(doc);
    const [diag] = await diagnosticsOf(doc.uri, 'action-overdue', (d) => d.length === 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag!.range, vscode.CodeActionKind.QuickFix.value);
    const done = actions.find((a) => a.title === 'Mark "Beta overdue" done');
    assert.ok(done?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(done.edit));
    assert.strictEqual(doc.lineAt(4).text, `- [x] P1: Beta overdue — owner: @yan, due: ${day(-5)}`);
    await diagnosticsOf(doc.uri, 'action-overdue', (d) => d.length === 0);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  // Not asserted here: the file watcher path. code-server delivered the create event in 2 of 4 runs on
  // this machine, so this test goes through the title bar's Refresh instead.
  test('Refresh reads a postmortem written since', async () => {
    await vscode.workspace.fs.writeFile(workspaceUri(...FOLDER, 'gamma.md'), new TextEncoder().encode(
      ['# Gamma outage', '', '## Action items', '', `- [ ] P2: Gamma overdue — owner: @xia, due: ${day(-1)}`, ''].join('\n'),
    ));
    await vscode.commands.executeCommand('postmortem.refreshActionItems');
    assert.ok(ours(await snapshot())['Overdue']?.includes('Gamma overdue | P2 · 1 day overdue'));
  });
});
