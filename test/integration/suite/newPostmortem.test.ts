import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitFor, workspaceUri } from './util';

const today = () => new Date().toISOString().slice(0, 10);

suite('Start a postmortem', () => {
  test('New Postmortem with arguments writes a dated file from the template, and never overwrites', async () => {
    const folder = workspaceUri('postmortems', 'new');
    const args = { folder: folder.toString(), title: 'Checkout errors: EU customers!', severity: 'SEV-2' };
    const uri = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', args);
    assert.ok(uri, 'the command returns the new file');
    assert.strictEqual(uri.path.split('/').pop(), `${today()}-checkout-errors-eu-customers.md`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    for (const part of ['title: Checkout errors: EU customers!', `date: ${today()}`, 'severity: SEV-2', '# Checkout errors: EU customers!', '## Timeline (all times UTC)', '## Action items']) {
      assert.ok(text.includes(part), `the file has ${part}`);
    }
    assert.ok(!text.includes('${'), 'no snippet syntax left');
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), uri.toString(), 'the new file is open');
    assert.strictEqual(editor.document.getText(editor.selection), 'your name', 'the first field to fill is selected');
    const again = await vscode.commands.executeCommand<vscode.Uri>('postmortem.newPostmortem', { ...args, open: false });
    assert.strictEqual(again.path.split('/').pop(), `${today()}-checkout-errors-eu-customers-2.md`);
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), text, 'the first file is unchanged');
  });

  test('the walkthrough is contributed with its five steps and images', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
    const walkthrough = pkg.contributes.walkthroughs.find((w: { id: string }) => w.id === 'postmortem.gettingStarted');
    assert.ok(walkthrough, 'registered');
    assert.deepStrictEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['create', 'timeline', 'quickfix', 'export', 'follow-up']);
    for (const step of walkthrough.steps) assert.match(step.media.image, /^media\/walkthrough\/.+\.svg$/);
    assert.deepStrictEqual(walkthrough.steps[4].completionEvents, ['onView:postmortem.actionItems']);
  });

  test('an empty postmortem file shows "Insert postmortem template", which inserts it in one undoable edit', async () => {
    const uri = workspaceUri('postmortems', 'empty-postmortem.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('\n  \n'));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lens = await waitFor('the template lens', async () => {
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return lenses.find((l) => l.command?.title === 'Insert postmortem template');
    });
    assert.strictEqual(lens.range.start.line, 0);
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const text = await waitFor('the template text', () => (editor.document.getText().includes('## Action items') ? editor.document.getText() : undefined));
    assert.ok(text.startsWith('---\ntitle: '), text.slice(0, 40));
    await vscode.commands.executeCommand('undo');
    await waitFor('undo', () => (editor.document.getText() === '\n  \n' ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('typing / at the start of a line in a postmortem offers our snippets', async () => {
    const editor = await openFixture('postmortems', 'progress-sync-outage.md');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '/\n'));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(0, 1), '/');
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('/postmortem'), labels.slice(0, 20).join(', '));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('Show Timeline Model from the palette opens the JSON in an editor', async () => {
    await openFixture('postmortems', 'progress-sync-outage.md');
    const model = await vscode.commands.executeCommand<{ title: string }>('postmortem.showTimelineModel');
    const json = await waitFor('a JSON editor', () => vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'json' && e.document.isUntitled));
    assert.strictEqual(JSON.parse(json.document.getText()).title, model.title);
  });
});
