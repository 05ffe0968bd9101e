import * as assert from 'assert';
import * as vscode from 'vscode';
import { BREAK, diagnosticsOf, openFixture } from './util';

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
});
