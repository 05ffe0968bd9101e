import * as assert from 'assert';
import * as vscode from 'vscode';
import { openFixture, waitFor, workspaceUri } from './util';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}

suite('Authoring', () => {
  test('the postmortem snippet inserts the whole template', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Postmortem document' });
    const text = await waitFor('snippet text', () => (doc.getText().length > 0 ? doc.getText() : undefined));
    for (const part of ['type: postmortem', '## Summary', '## Impact', '## Timeline (all times UTC)', '## Root cause', '## Contributing factors', '| Priority | Action | Owner | Deadline |', '## Lessons learned']) {
      assert.ok(text.includes(part), `template has ${part}`);
    }
    assert.strictEqual((text.match(/^Why /gm) ?? []).length, 5);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('owner completion offers people from another postmortem of the workspace', async () => {
    const uri = workspaceUri('postmortems', 'new-incident.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('---\ntype: postmortem\n---\n# New\n\n## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add alert on queue lag above 10k |  | 2025-09-01 |\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const cell = doc.lineAt(9).text.indexOf('|  |') + 2;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(9, cell));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['Alice', 'Bob', 'Carlos', 'Dana']) assert.ok(labels.includes(name), `${name} in ${labels.slice(0, 20).join(', ')}`);
  });

  test('priority and deadline completions in their cells', async () => {
    const editor = await openFixture('postmortems', 'progress-sync-outage.md');
    const uri = editor.document.uri;
    const pri = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(67, 3));
    assert.deepStrictEqual(pri.items.filter((i) => /^P\d$/.test(String(i.label))).map((i) => i.label), ['P0', 'P1', 'P2', 'P3']);
    const due = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(67, 60));
    const dates = due.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)).filter((l) => /^\d{4}-\d{2}-\d{2}$/.test(l));
    assert.strictEqual(dates.length, 4);
  });

  test('hover on a timeline time shows the elapsed time', async () => {
    const editor = await openFixture('postmortems', 'progress-sync-outage.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(30, 6));
    const text = hoverText(hovers);
    assert.match(text, /2025-04-14T14:44:00Z/);
    assert.match(text, /21 min after the trigger \(line 23\)/);
  });

  test('the outline lists timeline events and action items', async () => {
    const editor = await openFixture('postmortems', 'progress-sync-outage.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    const all: vscode.DocumentSymbol[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => { all.push(s); walk(s.children ?? []); });
    walk(symbols);
    const timeline = all.find((s) => s.name === 'Timeline (all times UTC)' && s.children.some((c) => c.kind === vscode.SymbolKind.Event));
    assert.ok(timeline, 'a timeline section with events');
    assert.strictEqual(timeline.children[0]!.name, '14:23 Deploy of commit abc123 reaches production (API v2.4.1)');
    assert.ok(all.some((s) => s.kind === vscode.SymbolKind.Field && s.detail === 'P1 · Bob · 2025-04-20'));
  });

  test('a CodeLens above the action items counts them and offers export', async () => {
    const editor = await openFixture('postmortems', 'progress-sync-outage.md');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => /^6 action items · 1 done/.test(t)), titles.join(' | '));
    assert.ok(titles.includes('Export…'));
    assert.strictEqual(lenses[0]!.range.start.line, 62);
  });

  test('"Insert timeline entry (now, UTC)" adds a timestamped entry after the last one', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# I\n\n## Timeline (all times UTC)\n\n- **14:23** — Deploy\n\n## Action items\n' });
    await vscode.window.showTextDocument(doc);
    const before = new Date();
    assert.ok(await vscode.commands.executeCommand('postmortem.insertTimelineEntry'));
    const line = doc.lineAt(5).text;
    assert.match(line, /^- \*\*\d\d:\d\d\*\* — $/);
    const [hh, mm] = line.slice(4, 9).split(':').map(Number);
    const minutes = hh! * 60 + mm!;
    const now = before.getUTCHours() * 60 + before.getUTCMinutes();
    assert.ok(Math.abs(minutes - now) <= 1 || Math.abs(minutes - now) >= 1439, `UTC time ${line} vs ${before.toISOString()}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
