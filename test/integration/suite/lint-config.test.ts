import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsOf, openFixture, waitFor, workspaceUri } from './util';

suite('Lint configuration and scope', () => {
  test('a setting turns a rule off, and back on', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-vague.md');
    const uri = editor.document.uri;
    await diagnosticsOf(uri, 'action-vague', (d) => d.length === 6);
    const settings = vscode.workspace.getConfiguration('postmortem');
    await settings.update('rules', { 'action-vague': 'off' }, vscode.ConfigurationTarget.Workspace);
    try {
      await diagnosticsOf(uri, 'action-vague', (d) => d.length === 0);
      // Other rules still report.
      assert.ok(vscode.languages.getDiagnostics(uri).length >= 0);
    } finally {
      await settings.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsOf(uri, 'action-vague', (d) => d.length === 6);
  });

  test('a .postmortem.yaml changes the findings', async () => {
    const editor = await openFixture('postmortems', 'rules', 'action-missing-owner.md');
    const uri = editor.document.uri;
    await diagnosticsOf(uri, 'action-missing-owner', (d) => d.length === 5);
    const config = workspaceUri('.postmortem.yaml');
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  action-missing-owner: error\n'));
    try {
      const errors = await diagnosticsOf(uri, 'action-missing-owner', (d) => d.length === 5 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Error));
      assert.strictEqual(errors.length, 5);
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('rules:\n  action-missing-owner: off\n'));
      await diagnosticsOf(uri, 'action-missing-owner', (d) => d.length === 0);
    } finally {
      await vscode.workspace.fs.delete(config);
    }
    await diagnosticsOf(uri, 'action-missing-owner', (d) => d.length === 5 && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning));
  });

  test('Lint Workspace reports unopened postmortems and leaves other Markdown alone', async () => {
    const unopened = workspaceUri('postmortems', 'rules', 'timeline-out-of-order.md');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    const result = await vscode.commands.executeCommand<{ files: number; findings: number }>('postmortem.lintWorkspace');
    assert.ok(result.files >= 20, `files: ${result.files}`);
    const diags = await diagnosticsOf(unopened, 'timeline-out-of-order', (d) => d.length === 1);
    assert.strictEqual(diags[0]!.range.start.line, 7);
    const notes = await openFixture('notes.md');
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepStrictEqual(vscode.languages.getDiagnostics(notes.document.uri).filter((d) => d.source === 'postmortem'), []);
  });

  test('the editor shows what the CLI says on a folder with nested configurations', async () => {
    // Written by the runner from `postmortem lint --format json teams` in this workspace.
    type CliFinding = { file: string; line: number; column: number; endLine: number; endColumn: number; severity: string; ruleId: string; message: string };
    const cli = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('nested-cli-findings.json')))) as CliFinding[];
    const files = [...new Set(cli.map((f) => f.file))].sort();
    assert.deepStrictEqual(files, ['teams/postmortems/cache-eviction.md', 'teams/team-b/notes/retro.md']);
    // The two configurations disagree on purpose: the findings differ per folder.
    assert.ok(cli.some((f) => f.ruleId === 'action-vague' && f.severity === 'error'));
    assert.ok(cli.some((f) => f.ruleId === 'action-missing-owner' && f.severity === 'info'));
    await vscode.commands.executeCommand('postmortem.lintWorkspace');
    const severity = ['error', 'warning', 'info', 'info'];
    for (const file of files) {
      const expected = cli.filter((f) => f.file === file).map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}`).sort();
      const uri = workspaceUri(...file.split('/'));
      const shown = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem').map((d) =>
        `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${severity[d.severity]} ${(d.code as { value: string }).value} ${d.message}`).sort();
      await waitFor(`${file} diagnostics`, () => (shown().length === expected.length ? true : undefined));
      assert.deepStrictEqual(shown(), expected);
    }
  });

  test('typing a new problem is reported after the debounce', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\ntype: postmortem\n---\n# T\n\n## Action items\n\n- P1: Rotate the leaked API key — owner: @kim, due: 2025-05-01\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await waitFor('first lint', () => (vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'postmortem') ? true : undefined));
    assert.strictEqual(vscode.languages.getDiagnostics(doc.uri).filter((d) => (d.code as { value: string }).value === 'action-vague').length, 0);
    await editor.edit((e) => e.insert(new vscode.Position(8, 0), '- P2: Improve monitoring — owner: @kim, due: 2025-05-01\n'));
    const vague = await diagnosticsOf(doc.uri, 'action-vague', (d) => d.length === 1);
    assert.strictEqual(vague[0]!.range.start.line, 8);
  });
});
