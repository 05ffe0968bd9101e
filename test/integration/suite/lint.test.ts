import * as assert from 'assert';
import * as vscode from 'vscode';
import { BREAK, diagnosticsOf, openFixture, waitFor, workspaceUri } from './util';

suite('Lint in the editor', () => {
  test('squiggles vague action items on their lines, with rule id, source and docs link', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-vague.md');
    const diags = await diagnosticsOf(editor.document.uri, 'action-vague', (d) => d.length > 0);
    assert.deepStrictEqual(diags.map((d) => d.range.start.line + 1), BREAK ? [7, 9, 11] : [7, 9, 11, 12, 24, 25]);
    const first = diags[0]!;
    assert.strictEqual(first.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(editor.document.getText(first.range), 'Improve monitoring');
    assert.match(first.message, /^Action "Improve monitoring" cannot be verified as done/);
    const code = first.code as { value: string; target: vscode.Uri };
    assert.match(code.target.path, /\/docs\/rules\/action-vague\.md$/);
  });

  test('the priority quick fix rewrites High as P1', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-invalid-priority.md');
    const doc = editor.document;
    const [diag] = await diagnosticsOf(doc.uri, 'action-invalid-priority', (d) => d.some((x) => x.range.start.line === 6));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag!.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable action-invalid-priority for this line'), titles.join(', '));
    assert.ok(titles.includes('Show documentation for action-invalid-priority'), titles.join(', '));
    const fix = actions.find((a) => a.title === 'Change priority to P1 (what "High" maps to)');
    assert.ok(fix?.edit, `the mapped fix is offered: ${titles.join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(doc.lineAt(6).text, '| P1 | Add retry budget to payments-client | @nora | 2025-07-01 |');
    await diagnosticsOf(doc.uri, 'action-invalid-priority', (d) => !d.some((x) => x.range.start.line === 6));
    // The edit is an ordinary one: undo brings the text back.
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.lineAt(6).text, '| High | Add retry budget to payments-client | @nora | 2025-07-01 |');
  });

  test('"disable for this line" silences one finding', async () => {
    const editor = await openFixture('postmortems', 'rules', 'timeline-editorializing.md');
    const doc = editor.document;
    const before = await diagnosticsOf(doc.uri, 'timeline-editorializing', (d) => d.length === 5);
    const target = before.find((d) => d.range.start.line === 6)!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable timeline-editorializing for this line');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.strictEqual(doc.lineAt(6).text, '- 14:35 Obviously the cache was the problem <!-- postmortem-disable-line timeline-editorializing -->');
    const after = await diagnosticsOf(doc.uri, 'timeline-editorializing', (d) => d.length === 4);
    assert.ok(!after.some((d) => d.range.start.line === 6));
  });

  test('"Convert to an action-items table" rewrites a list in one undoable edit', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-missing-priority.md');
    const doc = editor.document;
    const before = doc.getText();
    await diagnosticsOf(doc.uri, 'action-missing-priority', (d) => d.length > 0);
    const at = new vscode.Range(4, 2, 4, 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, at, vscode.CodeActionKind.QuickFix.value);
    const convert = actions.find((a) => a.title === 'Convert to an action-items table (2 items)');
    assert.ok(convert?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(convert.edit));
    assert.deepStrictEqual([4, 5, 6, 7].map((l) => doc.lineAt(l).text), [
      '| Action | Owner | Priority | Deadline | Ticket |',
      '| --- | --- | --- | --- | --- |',
      '| Add index on `orders.created_at` | @ana | | 2025-05-01 | |',
      '| Add alert on queue lag above 10k messages | @sam | P1 | 2025-05-01 | |',
    ]);
    await vscode.window.showTextDocument(doc);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
  });

  test('source.fixAll.postmortem applies the fixes that need no choice, also on save', async () => {
    const uri = workspaceUri('postmortems', 'fix-all-on-save.md');
    const broken = '# Cache outage\n\n## Timeline\n\n- 14:30 Alert fires\n- 14:25 Error rate rises\n\n## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| High | Alert on cache evictions above 1k/s | @ana | 2099-05-01 |\n';
    const fixed = broken.replace('## Timeline', '## Timeline (all times UTC)').replace('- 14:30 Alert fires\n- 14:25 Error rate rises', '- 14:25 Error rate rises\n- 14:30 Alert fires').replace('| High |', '| P1 |');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(broken));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await diagnosticsOf(doc.uri, 'timeline-out-of-order', (d) => d.length === 1);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(0, 0, 0, 0), 'source.fixAll.postmortem');
    const fixAll = actions.find((a) => a.kind?.value === 'source.fixAll.postmortem');
    assert.ok(fixAll?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.strictEqual(doc.getText(), fixed);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), broken);
    // With editor.codeActionsOnSave, saving makes the same edit.
    const config = vscode.workspace.getConfiguration('editor', { languageId: 'markdown' });
    await config.update('codeActionsOnSave', { 'source.fixAll.postmortem': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    try {
      await diagnosticsOf(doc.uri, 'timeline-out-of-order', (d) => d.length === 1);
      await vscode.commands.executeCommand('workbench.action.files.save');
      await waitFor('the fixes on save', () => (doc.getText() === fixed ? true : undefined));
      assert.strictEqual(doc.isDirty, false);
    } finally {
      await config.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
