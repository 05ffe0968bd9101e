// `postmortem sync` end to end against a fake GitHub Enterprise Server (checked by GitHub's OpenAPI
// description): the plan, --apply creating and linking, a second run creating nothing, a ticket
// closed in the tracker marked done, and the failures the issue names, each without a duplicate
// ticket or lost text, and without the token in any output.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main';
import { exportItems, parsePostmortem } from '../../src/core';
import { failures, startGithubServer } from './support/github-server';

const TOKEN = 'ghp_clitesttoken0123456789abcdefghijklmn';

const DOC = `# Queue outage

## Action items

| Action | Owner | Priority | Due |
| --- | --- | --- | --- |
| Add a replica to the queue cluster | @li | P1 | 2030-07-01 |
| Alert on queue depth above 10k | Sam Park | P2 | 2030-07-15 |

- [ ] Page on delivery lag above 5 minutes
- Cap the retry count at 3
- [x] Restart the consumers
`;

async function setup(t: TestContext, doc = DOC) {
  const server = await startGithubServer({ token: TOKEN, apiPrefix: '/api/v3' });
  const dir = mkdtempSync(join(tmpdir(), 'pm-sync-'));
  t.after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  writeFileSync(join(dir, '.postmortem.yaml'), `tracker:\n  kind: github\n  repo: acme/ops\n  baseUrl: ${server.baseUrl}\n  labels: [postmortem]\npeople:\n  Sam Park: spark\n`);
  const file = join(dir, 'postmortems', 'queue.md');
  require('node:fs').mkdirSync(join(dir, 'postmortems'));
  writeFileSync(file, doc);
  const run = async (args: string[], env: Record<string, string | undefined> = { GITHUB_TOKEN: TOKEN }) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['sync', ...args, dir], { out: (s) => out.push(s), err: (s) => err.push(s), env, sleep: async () => {} });
    const all = [...out, ...err].join('\n');
    assert.ok(!all.includes(TOKEN), 'the token is never printed');
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return { server, dir, file, run, read: () => readFileSync(file, 'utf8') };
}

describe('postmortem sync', () => {
  it('prints the plan without --apply and creates nothing', async (t) => {
    const { server, run, read } = await setup(t);
    const r = await run([]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Plan for acme\/ops:/);
    assert.match(r.out, /create {5}\S*postmortems\/queue\.md:7 {2}Add a replica to the queue cluster {2}\(P1 due 2030-07-01 → li\)/);
    assert.match(r.out, /create {5}\S*postmortems\/queue\.md:8 {2}Alert on queue depth above 10k {2}\(P2 due 2030-07-15 → spark\)/);
    assert.match(r.out, /skip {7}\S*postmortems\/queue\.md:12 {2}Restart the consumers {2}\(done\)/);
    assert.match(r.err, /4 to create, 0 to mark done, 1 skipped/);
    assert.equal(server.issues.length, 0);
    assert.equal(read(), DOC);
    assert.deepEqual(server.violations, []);
  });

  it('--apply creates one issue per open item, links each from the file, and a second run creates nothing', async (t) => {
    const { server, run, read } = await setup(t);
    const r = await run(['--apply']);
    assert.equal(r.code, 0, r.err);
    assert.equal(server.issues.length, 4);
    assert.deepEqual(server.issues.map((i) => i.title), ['Add a replica to the queue cluster', 'Alert on queue depth above 10k', 'Page on delivery lag above 5 minutes', 'Cap the retry count at 3']);
    assert.deepEqual(server.issues[1]!.assignees, ['spark']);
    assert.ok(server.issues.every((i) => i.labels.includes('postmortem') && /<!-- postmortem-item: PM-\w+ -->/.test(i.body ?? '')));
    const items = exportItems(parsePostmortem(read()), 'postmortems/queue.md').filter((i) => i.status === 'open');
    assert.deepEqual(items.map((i) => i.ticket), server.issues.map((i) => `${server.webUrl}/acme/ops/issues/${i.number}`));
    assert.match(read(), /\| Action \| Owner \| Priority \| Due \| Ticket \|/);
    const again = await run(['--apply']);
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /0 to create/);
    assert.equal(server.issues.length, 4, 'no duplicate');
    assert.deepEqual(server.violations, []);
  });

  it('a ticket closed in the tracker is planned as "mark done", and --apply marks it done in the file', async (t) => {
    const { server, run, read } = await setup(t);
    await run(['--apply']);
    server.close(server.issues[2]!, 'completed');
    const plan = await run([]);
    assert.match(plan.out, /mark done {2}\S*postmortems\/queue\.md:10 {2}Page on delivery lag above 5 minutes {2}\(https?:\/\/\S+\/issues\/3: completed\)/);
    const applied = await run(['--apply']);
    assert.equal(applied.code, 0, applied.err);
    const item = exportItems(parsePostmortem(read()), 'x').find((i) => i.action === 'Page on delivery lag above 5 minutes')!;
    assert.equal(item.status, 'done');
    assert.match(read(), /- \[x\] Page on delivery lag above 5 minutes/);
  });

  it('a connection reset after a create: the run finds the issue by its marker and links it, no duplicate', async (t) => {
    const { server, run, read } = await setup(t);
    server.failNext('create', 'reset-after-create');
    const r = await run(['--apply']);
    assert.equal(r.code, 0, r.err);
    assert.equal(server.issues.length, 4, 'no duplicate');
    assert.match(r.out, /found {6}\S*postmortems\/queue\.md:7/);
    assert.equal(exportItems(parsePostmortem(read()), 'x').filter((i) => i.status === 'open' && i.ticket).length, 4);
  });

  it('a rate limit until much later stops the run: what was created is linked, the rest is reported, exit 1; the next run finishes', async (t) => {
    const { server, run, read } = await setup(t);
    // The second item's marker search is refused until an hour from now.
    server.failNext('list', failures.rateLimit(Math.floor(Date.now() / 1000) + 3600));
    const r = await run(['--apply']);
    assert.equal(r.code, 1);
    assert.match(r.err, /stopped: .*rate limit/i);
    assert.equal(server.issues.length, 0);
    assert.equal(read(), DOC, 'nothing created, nothing written');
    const again = await run(['--apply']);
    assert.equal(again.code, 0, again.err);
    assert.equal(server.issues.length, 4);
  });

  it('401: exit 1, the file unchanged, the message says so without the token', async (t) => {
    const { server, run, read } = await setup(t);
    const r = await run(['--apply'], { GITHUB_TOKEN: 'ghp_wrongtoken0000000000000000000000000' });
    assert.equal(r.code, 1);
    assert.match(r.err, /401/);
    assert.ok(!r.err.includes('ghp_wrongtoken'), 'not even a wrong token is printed');
    assert.equal(server.issues.length, 0);
    assert.equal(read(), DOC);
  });

  it('the file edited between the create and the write-back keeps the edit; a changed row is reported, not guessed', async (t) => {
    const { server, file, read, run } = await setup(t);
    // The edit lands while the first issue is being created (the fake calls back before answering).
    let edited = false;
    const original = server.seed.bind(server);
    void original;
    const watcher = setInterval(() => {
      if (!edited && server.issues.length >= 1) {
        edited = true;
        writeFileSync(file, read().replace('Alert on queue depth above 10k', 'Alert on queue depth above 20k').replace('# Queue outage\n', '# Queue outage\n\nEdited meanwhile.\n'));
      }
    }, 1);
    const r = await run(['--apply']);
    clearInterval(watcher);
    assert.ok(edited, 'the file was edited during the run');
    assert.equal(r.code, 1, 'a link not written is a failure to report');
    assert.match(r.err, /issues\/2 not written back: the item is no longer in the document/);
    assert.match(read(), /Edited meanwhile\./);
    assert.match(read(), /\| Alert on queue depth above 20k \| Sam Park \| P2 \| 2030-07-15 \| {2}\|/);
    assert.equal(exportItems(parsePostmortem(read()), 'x').filter((i) => i.ticket).length, 3);
  });

  it('without a token: the plan still prints (status not read); --apply refuses with exit 2', async (t) => {
    const { run } = await setup(t);
    const plan = await run([], {});
    assert.equal(plan.code, 0);
    assert.match(plan.err, /GITHUB_TOKEN is not set/);
    const apply = await run(['--apply'], {});
    assert.equal(apply.code, 2);
    assert.match(apply.err, /cannot sync with acme\/ops: GITHUB_TOKEN is not set/);
  });

  it('a configuration without a tracker, or another kind than --tracker, is a usage error', async (t) => {
    const { dir, run } = await setup(t);
    assert.match((await run(['--tracker', 'jira'])).err, /the configuration's tracker is github, not jira/);
    writeFileSync(join(dir, '.postmortem.yaml'), 'rules: {}\n');
    const r = await run([]);
    assert.equal(r.code, 2);
    assert.match(r.err, /no tracker is configured/);
  });
});

describe('postmortem sync --tracker jira', () => {
  it('creates Jira issues with priority and due date, links their keys, and marks done an issue moved to Done', async (t) => {
    const { startJiraServer } = await import('./support/jira-server');
    const JIRA_TOKEN = 'jira-pat-0123456789abcdefghij';
    const server = await startJiraServer({ token: JIRA_TOKEN, projects: ['OPS'], users: { li: 'Li Wei', spark: 'Sam Park' } });
    const dir = mkdtempSync(join(tmpdir(), 'pm-sync-jira-'));
    t.after(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });
    // A Data Center site (not *.atlassian.net): the token is sent as a personal access token.
    writeFileSync(join(dir, '.postmortem.yaml'), `tracker:\n  kind: jira\n  site: ${server.url}\n  project: OPS\npeople:\n  Sam Park: spark\n`);
    const file = join(dir, 'queue-postmortem.md');
    writeFileSync(file, DOC);
    const run = async (args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['sync', ...args, dir], { out: (s) => out.push(s), err: (s) => err.push(s), env: { JIRA_API_TOKEN: JIRA_TOKEN }, sleep: async () => {} });
      assert.ok(![...out, ...err].join('\n').includes(JIRA_TOKEN));
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const r = await run(['--tracker', 'jira', '--apply']);
    assert.equal(r.code, 0, r.err);
    assert.equal(server.issues.length, 4);
    assert.deepEqual(server.issues.slice(0, 2).map((i) => [i.summary, i.priority, i.duedate, i.assignee]), [
      ['Add a replica to the queue cluster', 'High', '2030-07-01', 'li'],
      ['Alert on queue depth above 10k', 'Medium', '2030-07-15', 'spark'],
    ]);
    const items = exportItems(parsePostmortem(readFileSync(file, 'utf8')), 'x').filter((i) => i.status === 'open');
    assert.deepEqual(items.map((i) => i.ticket), ['OPS-1', 'OPS-2', 'OPS-3', 'OPS-4'].map((k) => `${server.url}/browse/${k}`));
    server.transition('OPS-3', 'Done');
    const done = await run(['--apply']);
    assert.equal(done.code, 0, done.err);
    assert.match(done.out, /marked done \S+queue-postmortem\.md:10 {2}Page on delivery lag above 5 minutes/);
    assert.match(readFileSync(file, 'utf8'), /- \[x\] Page on delivery lag above 5 minutes/);
    assert.deepEqual(server.violations, []);
  });
});

describe('postmortem lint --tickets-from-tracker', () => {
  // Line 7: #1, assigned; 8: #2, unassigned; 9: #3, unassigned but closed; 10: no ticket.
  const LINKED = `# Queue outage

## Action items

| Action | Owner | Priority | Due | Ticket |
| --- | --- | --- | --- | --- |
| Add a replica to the queue cluster | | P1 | 2030-07-01 | #1 |
| Alert on queue depth above 10k | | P2 | 2030-07-15 | #2 |
| Cap the retry count at 3 | | P2 | 2030-07-15 | #3 |
| Page on delivery lag above 5 minutes | | P2 | 2030-07-15 | |
`;

  async function lintSetup(t: TestContext, carry = 'ticketsCarry: [owner, deadline]\n') {
    const server = await startGithubServer({ token: TOKEN, apiPrefix: '/api/v3' });
    const dir = mkdtempSync(join(tmpdir(), 'pm-lint-tickets-'));
    t.after(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });
    writeFileSync(join(dir, '.postmortem.yaml'), `tracker:\n  kind: github\n  repo: acme/ops\n  baseUrl: ${server.baseUrl}\n${carry}`);
    require('node:fs').mkdirSync(join(dir, 'postmortems'));
    writeFileSync(join(dir, 'postmortems', 'queue.md'), LINKED);
    server.seed({ title: 'Add a replica to the queue cluster', assignees: ['li'] });
    server.seed({ title: 'Alert on queue depth above 10k' });
    server.close(server.seed({ title: 'Cap the retry count at 3' }));
    const run = async (args: string[], env: Record<string, string | undefined> = { GITHUB_TOKEN: TOKEN }) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['lint', '--today', '2026-02-01', ...args, dir], { out: (s) => out.push(s), err: (s) => err.push(s), env });
      assert.ok(![...out, ...err].join('\n').includes(TOKEN), 'the token is never printed');
      const owners = out.filter((l) => l.endsWith('action-missing-owner')).map((l) => Number(/queue\.md:(\d+):/.exec(l)![1]));
      return { code, out: out.join('\n'), err: err.join('\n'), owners };
    };
    return { server, dir, run };
  }

  it('reads the linked issues: an unassigned open issue gets action-missing-owner; assigned or closed ones do not', async (t) => {
    const { server, run } = await lintSetup(t);
    const r = await run(['--tickets-from-tracker']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.owners, [8, 10]);
    assert.match(r.out, /queue\.md:8:\d+ warning Action item "Alert on queue depth above 10k" has no owner and its ticket #2 has no assignee: assign the ticket, or name one person or @handle who answers for it action-missing-owner/);
    // GitHub issues have no due date: the written ones win here, so nothing about deadlines.
    assert.doesNotMatch(r.out, /action-missing-deadline|action-overdue/);
    assert.deepEqual(server.requests.filter((q) => q.route === 'get').map((q) => q.path.split('/').pop()).sort(), ['1', '2', '3']);
    assert.deepEqual(server.violations, []);
  });

  it('without the flag the tickets carry the owner unread; without a token it says so and lints the same way', async (t) => {
    const { server, run } = await lintSetup(t);
    const plain = await run([]);
    assert.deepEqual(plain.owners, [10]);
    const noToken = await run(['--tickets-from-tracker'], {});
    assert.equal(noToken.code, 0);
    assert.deepEqual(noToken.owners, [10]);
    assert.match(noToken.err, /postmortem: tickets not read from acme\/ops: GITHUB_TOKEN is not set; linting without them/);
    assert.equal(server.requests.length, 0);
  });

  it('without ticketsCarry nothing is read, and it says why', async (t) => {
    const { server, run } = await lintSetup(t, '');
    const r = await run(['--tickets-from-tracker']);
    assert.deepEqual(r.owners, [7, 8, 9, 10]);
    assert.match(r.err, /tickets not read: no configuration sets ticketsCarry/);
    assert.equal(server.requests.length, 0);
  });
});
