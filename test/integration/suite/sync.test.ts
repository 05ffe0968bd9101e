import * as assert from 'assert';
import * as vscode from 'vscode';
import type { GithubServer } from '../../unit/support/github-server';
import { startGithubServer } from '../../unit/support/github-server';
import { diagnosticsOf, EXTENSION_ID, waitFor, workspaceUri } from './util';

// End to end: the extension as installed, against a local GitHub Enterprise Server (the fake of the
// unit tests, which checks every exchange against GitHub's OpenAPI description): create tickets for
// a demo postmortem, the Ticket cells hold the URLs, a ticket closed in the tracker shows in the
// Action Items view after a refresh, and "Mark done in document" edits the row.

const TOKEN = 'ghp_integrationtoken000000000000000000000';

interface Snapshot {
  groups: Array<{ label: string; groups: Array<{ label: string; items: Array<{ label: string; description: string; file: string; line: number }> }> }>;
}

async function snapshot(): Promise<Snapshot> {
  const ext = vscode.extensions.getExtension<{ actionItemsSnapshot(): Promise<Snapshot> }>(EXTENSION_ID)!;
  const api = ext.isActive ? ext.exports : await ext.activate();
  return api.actionItemsSnapshot();
}

suite('Tracker sync (GitHub Enterprise Server)', () => {
  let server: GithubServer;
  const uri = () => workspaceUri('demo', 'postmortems', '2025-checkout-clean.md');

  suiteSetup(async () => {
    server = await startGithubServer({ token: TOKEN, apiPrefix: '/api/v3' });
    // The tracker set in the workspace settings (over any .postmortem.yaml), as a user overrides it.
    await vscode.workspace.getConfiguration('postmortem').update('tracker', { kind: 'github', repo: 'acme/ops', baseUrl: server.baseUrl, labels: ['postmortem'] }, vscode.ConfigurationTarget.Workspace);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('postmortem.clearTrackerToken', { uri: uri().toString() });
    await vscode.workspace.getConfiguration('postmortem').update('tracker', undefined, vscode.ConfigurationTarget.Workspace);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri().toString());
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await server.close();
  });

  test('creates a ticket per open item of the demo postmortem and writes each URL into the Ticket column, as one undoable edit', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('postmortem.setTrackerToken', { uri: uri().toString(), token: TOKEN }), true);
    const doc = await vscode.workspace.openTextDocument(uri());
    await vscode.window.showTextDocument(doc);
    const before = doc.getText();
    const result = await vscode.commands.executeCommand<{ planned: number; written: number; report: { failed: unknown[] } }>('postmortem.createTickets', { uri: uri().toString(), yes: true });
    assert.strictEqual(result.planned, 2, 'the two open items of the demo postmortem');
    assert.strictEqual(result.written, 2);
    assert.deepStrictEqual(result.report.failed, []);
    assert.deepStrictEqual(server.issues.map((i) => i.title), ['Give every runbook an owner and a yearly review date', 'Page on checkout latency after 2 minutes instead of 4']);
    assert.ok(server.issues.every((i) => i.labels.includes('postmortem') && /postmortem-item: PM-/.test(i.body ?? '')), 'labels and the hidden marker');
    assert.deepStrictEqual(server.violations, [], 'every request fits GitHub\'s OpenAPI description');
    const rows = doc.getText().split('\n').filter((l) => /^\| P\d \|/.test(l));
    assert.match(rows[0]!, /\| done \| {2}\|$/, 'a done item gets no ticket');
    assert.ok(rows[1]!.endsWith(`| [#1](${server.webUrl}/acme/ops/issues/1) |`), rows[1]);
    assert.ok(rows[2]!.endsWith(`| [#2](${server.webUrl}/acme/ops/issues/2) |`), rows[2]);
    assert.match(doc.getText(), /\| Priority \| Action \| Owner \| Deadline \| Status \| Ticket \|/);
    // One edit: one undo gives the document back.
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(doc.getText(), before);
    await vscode.commands.executeCommand('redo');
    assert.ok(doc.getText().includes('/acme/ops/issues/2'));
    // Nothing left to create: a second run sends no create.
    const creates = server.requests.filter((r) => r.route === 'create').length;
    const again = await vscode.commands.executeCommand<{ planned: number } | undefined>('postmortem.createTickets', { uri: uri().toString(), yes: true });
    assert.strictEqual(again?.planned ?? 0, 0);
    assert.strictEqual(server.requests.filter((r) => r.route === 'create').length, creates);
  });

  test('Refresh Ticket Status shows a ticket closed in the tracker, and Mark done in document edits the row', async () => {
    server.close(server.issues[1]!, 'completed');
    const read = await vscode.commands.executeCommand<number>('postmortem.refreshTicketStatus', { interactive: false });
    assert.ok(read >= 2, `read ${read} tickets`);
    const item = await waitFor('the closed ticket in the view', async () => {
      const s = await snapshot();
      return s.groups.flatMap((g) => g.groups.flatMap((x) => x.items)).find((i) => i.label === 'Page on checkout latency after 2 minutes instead of 4' && i.description.includes('closed in tracker (completed)'));
    });
    const other = (await snapshot()).groups.flatMap((g) => g.groups.flatMap((x) => x.items)).find((i) => i.label === 'Give every runbook an owner and a yearly review date');
    assert.ok(other && !other.description.includes('closed in tracker'), 'the open ticket is not marked');
    const doc = await vscode.workspace.openTextDocument(uri());
    assert.match(doc.getText(), /\| Page on checkout latency after 2 minutes instead of 4 \| Priya \| [\d-]+ \| open \|/, 'not edited silently');
    // The hover on the item's line says what the tracker said, and offers to mark it done.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri(), new vscode.Position(item.line - 1, 10));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(hoverText, /In the tracker: closed \(completed\)/);
    assert.match(hoverText, /Mark done in document/);
    const marked = await vscode.commands.executeCommand<number>('postmortem.markDoneFromTracker', { uri: uri().toString(), line: item.line });
    assert.strictEqual(marked, 1);
    assert.match(doc.getText(), /\| Page on checkout latency after 2 minutes instead of 4 \| Priya \| [\d-]+ \| Done \| \[#2\]/);
    assert.match(doc.getText(), /\| Give every runbook an owner and a yearly review date \| Tom \| [\d-]+ \| open \|/);
  });

  test('on a selection of rows, tickets are created for the selected items only', async () => {
    const other = workspaceUri('demo', 'postmortems', 'search-timeline-postmortem.md');
    const doc = await vscode.workspace.openTextDocument(other);
    const editor = await vscode.window.showTextDocument(doc);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('Alert when the share of searches without results doubles'));
    assert.ok(line > 0);
    editor.selection = new vscode.Selection(line, 0, line, 5);
    const before = server.issues.length;
    const result = await vscode.commands.executeCommand<{ planned: number; written: number }>('postmortem.createTickets', { yes: true });
    assert.strictEqual(result.planned, 1);
    assert.strictEqual(server.issues.length, before + 1);
    assert.strictEqual(server.issues[server.issues.length - 1]!.title, 'Alert when the share of searches without results doubles');
    assert.ok(doc.lineAt(line).text.endsWith(`/acme/ops/issues/${before + 1}) |`), doc.lineAt(line).text);
    const unselected = doc.getText().split('\n').find((l) => l.includes('migrate-index.sh'))!;
    assert.ok(!unselected.includes('/issues/'), `the unselected row has no ticket: ${unselected}`);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    // The view's "Create Ticket…" on one item (named as `{ uri, line }`).
    const one = await vscode.commands.executeCommand<{ planned: number; written: number }>('postmortem.createTicket', { uri: other.toString(), line: line + 1, yes: true });
    assert.strictEqual(one.planned, 1);
    assert.strictEqual(one.written, 1, 'found again by its marker: the issue exists since the reverted run');
    assert.strictEqual(server.issues.length, before + 1, 'no duplicate: the marker search found the issue of the reverted link');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  test('from the view: tickets for every open item of the workspace, then every item closed in the tracker marked done', async () => {
    const before = server.issues.length;
    const result = await vscode.commands.executeCommand<{ planned: number; written: number; notWritten: string[]; report: { created: unknown[]; failed: unknown[] } }>('postmortem.createTickets', { all: true, yes: true });
    assert.ok(result.planned > 5, `planned ${result.planned}`);
    assert.deepStrictEqual(result.report.failed, []);
    assert.deepStrictEqual(result.notWritten, [], 'every created ticket is linked');
    assert.strictEqual(result.written, result.report.created.length);
    assert.deepStrictEqual(server.violations, []);
    // Two of the new tickets are closed on the tracker; refreshing and "every item" marks both.
    const closed = server.issues.slice(before, before + 2);
    for (const issue of closed) server.close(issue, 'completed');
    await vscode.commands.executeCommand('postmortem.refreshTicketStatus', { interactive: false });
    const marked = await vscode.commands.executeCommand<number>('postmortem.markAllClosedDone');
    assert.strictEqual(marked, 2);
    const s = await snapshot();
    const done = s.groups.find((g) => g.label === 'Done')?.groups.flatMap((g) => g.items.map((i) => i.label)) ?? [];
    for (const issue of closed) assert.ok(done.includes(issue.title), `${issue.title} is done`);
  });
  test('ticketsCarry: an item with a ticket needs no owner written, and once read the ticket\'s assignee is checked like a written owner', async () => {
    const dir = workspaceUri('demo', 'carry');
    const file = vscode.Uri.joinPath(dir, 'cache-postmortem.md');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, '.postmortem.yaml'), Buffer.from('ticketsCarry: [owner]\n'));
    await vscode.workspace.fs.writeFile(file, Buffer.from([
      '# Cache eviction storm', '', '## Action items', '',
      '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |',
      '| P2 | Cap cache evictions at 500 per second on cache-eu-1 |  | 2030-06-01 |', '',
    ].join('\n')));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    // No ticket yet: the owner must be written.
    await diagnosticsOf(file, 'action-missing-owner', (d) => d.length === 1 && !/ticket/.test(d[0]!.message));
    const created = await vscode.commands.executeCommand<{ planned: number; written: number }>('postmortem.createTickets', { uri: file.toString(), yes: true });
    assert.strictEqual(created.planned, 1);
    assert.strictEqual(created.written, 1);
    const issue = server.issues[server.issues.length - 1]!;
    assert.strictEqual(issue.title, 'Cap cache evictions at 500 per second on cache-eu-1');
    // The ticket carries the owner; until it is read there is nothing to check.
    await diagnosticsOf(file, 'action-missing-owner', (d) => d.length === 0);
    // Read: nobody is assigned in the tracker, which is reported like a missing owner.
    await vscode.commands.executeCommand('postmortem.refreshTicketStatus', { interactive: false });
    const unassigned = await diagnosticsOf(file, 'action-missing-owner', (d) => d.length === 1);
    assert.match(unassigned[0]!.message, new RegExp(`its ticket .*${issue.number}.* has no assignee`));
    // Assigned in the tracker: the next read clears it, with no edit to the document.
    const text = doc.getText();
    issue.assignees = ['priya-gh'];
    await vscode.commands.executeCommand('postmortem.refreshTicketStatus', { interactive: false });
    await diagnosticsOf(file, 'action-missing-owner', (d) => d.length === 0);
    assert.strictEqual(doc.getText(), text);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
