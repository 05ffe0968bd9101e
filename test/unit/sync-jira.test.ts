// The Jira client against a local Jira (support/jira-server.ts) that checks every request and
// response against Atlassian's published shapes: both flavours (Cloud REST v3 with Atlassian
// Document Format, Data Center REST v2 with plain strings), the marker that finds a ticket again,
// status read-back, which links are ours, and every error kind, with the token kept out of messages.
import assert from 'node:assert/strict';
import { after, afterEach, describe, it } from 'node:test';
import { jiraTracker, jqlString, markerLabel, SUMMARY_LIMIT } from '../../src/core/sync/jira';
import { TrackerError, type Fetch, type NewTicket, type Tracker } from '../../src/core/sync/types';
import { parseJql, startJiraServer, type JiraServer, type StoredIssue } from './support/jira-server';

const TOKEN = 'tok-SECRET-d41d8cd98f00b204';
const EMAIL = 'sync-bot@acme.example';
const BASIC = Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64');
const USERS = { '5b10ac8d82e05b22cc7d4ef5': 'Ana Ortiz', bob: 'Bob Stone' };

/** Every message a test saw, to prove none holds a credential. */
const messages: string[] = [];

function ticket(over: Partial<NewTicket> = {}): NewTicket {
  return { id: 'PM-7f3a', title: 'Add a canary stage to deploys', body: 'From the 2025-04-20 outage.\nOwner agreed.\n\nSee the timeline.', labels: [], ...over };
}

/** The error a promise rejects with, recorded for the token check. */
async function failure(p: Promise<unknown>): Promise<TrackerError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof TrackerError, `not a TrackerError: ${String(err)}`);
    messages.push(err.message);
    return err;
  }
  assert.fail('expected a TrackerError');
}

/** All text of an ADF document, paragraphs separated by blank lines, hard breaks by newlines. */
function adfText(doc: unknown): string {
  const d = doc as { content: Array<{ content?: Array<{ type: string; text?: string }> }> };
  return d.content.map((p) => (p.content ?? []).map((n) => (n.type === 'hardBreak' ? '\n' : n.text)).join('')).join('\n\n');
}

function only(server: JiraServer): StoredIssue {
  assert.equal(server.issues.length, 1);
  return server.issues[0]!;
}

describe('Jira client', () => {
  let server: JiraServer;
  const cloud = (over: Record<string, unknown> = {}): Tracker => jiraTracker({ site: server.url, project: 'OPS', api: 'cloud', email: EMAIL, token: TOKEN, labels: ['postmortem'], ...over });
  const dc = (over: Record<string, unknown> = {}): Tracker => jiraTracker({ site: server.url, project: 'OPS', api: 'datacenter', token: TOKEN, ...over });

  afterEach(async () => {
    // Closed first, so a failing assertion cannot leave the server holding the process open.
    const violations = [...server.violations];
    await server.close();
    // Every request and response of the test matched Atlassian's shapes.
    assert.deepEqual(violations, []);
  });
  const fresh = async (projects = ['OPS']) => {
    server = await startJiraServer({ token: TOKEN, email: EMAIL, users: USERS, projects });
  };
  after(() => {
    assert.ok(messages.length >= 10, `only ${messages.length} messages checked`);
    for (const m of messages) {
      assert.ok(!m.includes(TOKEN), `token in: ${m}`);
      assert.ok(!m.includes(BASIC), `credentials in: ${m}`);
      assert.ok(!m.includes(`Bearer ${TOKEN}`) && !m.includes(`Basic ${BASIC}`), `authorization header in: ${m}`);
    }
  });

  describe('create', () => {
    it('Cloud: POST /rest/api/3/issue with every field, an ADF description, marker label and line; Basic auth', async () => {
      await fresh();
      const ref = await cloud().create(ticket({ labels: ['sev 1'], priority: 'P1', deadline: '2025-05-30', assignee: '5b10ac8d82e05b22cc7d4ef5' }));
      assert.deepEqual(ref, { key: 'OPS-1', url: `${server.url}/browse/OPS-1` });
      const req = server.requests[0]!;
      assert.equal(req.method, 'POST');
      assert.equal(req.path, '/rest/api/3/issue');
      assert.equal(req.authorization, `Basic ${BASIC}`);
      const fields = (req.body as { fields: Record<string, unknown> }).fields;
      assert.deepEqual(fields['project'], { key: 'OPS' });
      assert.deepEqual(fields['issuetype'], { name: 'Task' });
      assert.equal(fields['summary'], 'Add a canary stage to deploys');
      assert.deepEqual(fields['priority'], { name: 'High' });
      assert.equal(fields['duedate'], '2025-05-30');
      assert.deepEqual(fields['assignee'], { accountId: '5b10ac8d82e05b22cc7d4ef5' });
      // Configured labels, the item's labels (no whitespace in Jira labels), and the marker.
      assert.deepEqual(fields['labels'], ['postmortem', 'sev-1', 'postmortem-PM-7f3a']);
      const issue = only(server);
      assert.equal((issue.description as { type: string }).type, 'doc');
      assert.equal(adfText(issue.description), 'From the 2025-04-20 outage.\nOwner agreed.\n\nSee the timeline.\n\nPostmortem item id: PM-7f3a');
    });

    it('Data Center: POST /rest/api/2/issue with a string description, assignee by name; Bearer token', async () => {
      await fresh();
      const ref = await dc({ issueType: 'Bug', priorityMap: { P0: 'Lowest' } }).create(ticket({ priority: 'P0', deadline: '2025-06-01', assignee: 'bob' }));
      assert.deepEqual(ref, { key: 'OPS-1', url: `${server.url}/browse/OPS-1` });
      const req = server.requests[0]!;
      assert.equal(req.path, '/rest/api/2/issue');
      assert.equal(req.authorization, `Bearer ${TOKEN}`);
      const fields = (req.body as { fields: Record<string, unknown> }).fields;
      assert.deepEqual(fields['issuetype'], { name: 'Bug' });
      assert.deepEqual(fields['priority'], { name: 'Lowest' }, 'the configured map wins over the default');
      assert.deepEqual(fields['assignee'], { name: 'bob' });
      assert.equal(fields['duedate'], '2025-06-01');
      assert.deepEqual(fields['labels'], ['postmortem-PM-7f3a']);
      assert.equal(fields['description'], 'From the 2025-04-20 outage.\nOwner agreed.\n\nSee the timeline.\n\nPostmortem item id: PM-7f3a');
    });

    it('leaves out priority, due date and assignee when the item has none, and cuts a long summary with …', async () => {
      await fresh();
      await cloud().create(ticket({ title: 'x'.repeat(400), body: '' }));
      const fields = (server.requests[0]!.body as { fields: Record<string, unknown> }).fields;
      assert.equal(fields['priority'], undefined);
      assert.equal(fields['duedate'], undefined);
      assert.equal(fields['assignee'], undefined);
      const summary = fields['summary'] as string;
      assert.equal(summary.length, SUMMARY_LIMIT);
      assert.ok(summary.endsWith('…'));
      assert.equal(adfText(only(server).description), 'Postmortem item id: PM-7f3a');
    });

    it('picks the API from the host: .atlassian.net is Cloud, anything else Data Center (context path kept)', async () => {
      const urls: string[] = [];
      const fake: Fetch = async (input) => {
        urls.push(input);
        return { status: 201, headers: { get: () => null }, text: async () => '{"id":"1","key":"OPS-1","self":"x"}' };
      };
      await jiraTracker({ site: 'https://acme.atlassian.net/', project: 'ops', email: EMAIL, token: TOKEN, fetch: fake }).create(ticket());
      const ref = await jiraTracker({ site: 'https://jira.acme.com/jira/', project: 'OPS', token: TOKEN, fetch: fake }).create(ticket());
      assert.deepEqual(urls, ['https://acme.atlassian.net/rest/api/3/issue', 'https://jira.acme.com/jira/rest/api/2/issue']);
      assert.equal(ref.url, 'https://jira.acme.com/jira/browse/OPS-1');
      assert.equal(jiraTracker({ site: 'https://acme.atlassian.net', project: 'OPS', token: TOKEN }).target, 'OPS on acme.atlassian.net');
    });
  });

  describe('findByMarker', () => {
    it('Cloud searches /rest/api/3/search/jql by the marker label; Data Center /rest/api/2/search', async () => {
      await fresh();
      await cloud().create(ticket());
      await cloud().create(ticket({ id: 'PM-other' }));
      assert.deepEqual(await cloud().findByMarker('PM-7f3a'), { key: 'OPS-1', url: `${server.url}/browse/OPS-1` });
      assert.deepEqual(await dc().findByMarker('PM-other'), { key: 'OPS-2', url: `${server.url}/browse/OPS-2` });
      assert.equal(await cloud().findByMarker('PM-none'), undefined);
      const searches = server.requests.filter((r) => r.method === 'GET');
      assert.deepEqual(searches.map((r) => r.path), ['/rest/api/3/search/jql', '/rest/api/2/search', '/rest/api/3/search/jql']);
      assert.equal(searches[0]!.query['jql'], 'project = "OPS" AND labels = "postmortem-PM-7f3a"');
      assert.equal(searches[0]!.query['fields'], 'summary');
    });

    it('escapes quotes and backslashes in JQL values (a project key or a label with a quote)', async () => {
      assert.equal(jqlString('a"b\\c'), '"a\\"b\\\\c"');
      assert.deepEqual(parseJql(`labels = ${jqlString('x" OR labels = "y')}`), [['labels', 'x" OR labels = "y']]);
      await fresh(['O"PS']);
      const quoted = jiraTracker({ site: server.url, project: 'O"PS', api: 'cloud', email: EMAIL, token: TOKEN });
      const id = 'PM-a"b\\c';
      await quoted.create(ticket({ id }));
      await quoted.create(ticket({ id: 'PM-a' }));
      assert.equal(only2(server)[0]!.labels.includes(markerLabel(id)), true);
      assert.deepEqual(await quoted.findByMarker(id), { key: 'O"PS-1', url: `${server.url}/browse/O"PS-1` });
      // Unescaped, the quote would have ended the string early: the server would refuse or match PM-a.
      assert.equal(server.requests.at(-1)!.query['jql'], 'project = "O\\"PS" AND labels = "postmortem-PM-a\\"b\\\\c"');
    });
  });

  describe('status and owns', () => {
    it('reads an open issue: status name, summary, assignee, priority mapped back to its P-level, due date', async () => {
      await fresh();
      const t = cloud();
      const { key } = await t.create(ticket({ priority: 'P2', deadline: '2025-05-30', assignee: '5b10ac8d82e05b22cc7d4ef5' }));
      const st = await t.status(key);
      assert.deepEqual(st, { key: 'OPS-1', url: `${server.url}/browse/OPS-1`, state: 'open', detail: 'To Do', title: 'Add a canary stage to deploys', assignee: 'Ana Ortiz', priority: 'P2', due: '2025-05-30' });
      assert.equal(server.requests.at(-1)!.path, '/rest/api/3/issue/OPS-1');
      assert.equal(server.requests.at(-1)!.query['fields'], 'status,summary,assignee,priority,duedate');
    });

    it('reports a done-category status as closed, by URL too; Data Center reports the user name', async () => {
      await fresh();
      await dc().create(ticket({ priority: 'P0', assignee: 'bob' }));
      server.transition('OPS-1', 'Done');
      const st = await dc().status(`${server.url}/browse/OPS-1`);
      assert.equal(st?.state, 'closed');
      assert.equal(st?.detail, 'Done');
      assert.equal(st?.assignee, 'bob');
      assert.equal(st?.priority, 'P0');
      assert.equal(st?.due, undefined);
      assert.equal(server.requests.at(-1)!.path, '/rest/api/2/issue/OPS-1');
      server.transition('OPS-1', 'In Progress');
      assert.equal((await dc().status('OPS-1'))?.state, 'open');
    });

    it('leaves the priority undefined when the map names no P-level for it', async () => {
      await fresh();
      await dc({ priorityMap: { P3: 'Lowest' } }).create(ticket({ priority: 'P3' }));
      assert.equal((await dc({ priorityMap: {} }).status('OPS-1'))?.priority, undefined);
    });

    it('owns keys, /browse/ URLs and board URLs of this project on this site only', async () => {
      await fresh();
      const t = cloud();
      for (const link of ['OPS-12', 'ops-12', `${server.url}/browse/OPS-12`, `${server.url}/browse/OPS-12/`, `${server.url}/jira/software/projects/OPS/boards/1?selectedIssue=OPS-12`]) {
        assert.equal(t.owns(link), true, link);
      }
      for (const link of ['DEV-12', 'OPS-', 'OPS-12a', '#12', 'https://other.atlassian.net/browse/OPS-12', `${server.url}/browse/DEV-12`, `${server.url}/wiki/spaces/OPS/pages/12`, `${server.url}/jira/software/projects/OPS/boards/1`]) {
        assert.equal(t.owns(link), false, link);
      }
      assert.equal(await t.status('DEV-12'), undefined);
      assert.equal(server.requests.length, 0, 'owns and a foreign status make no request');
      const site = jiraTracker({ site: 'https://jira.acme.com/jira', project: 'OPS', token: TOKEN });
      assert.equal(site.owns('https://jira.acme.com/jira/browse/OPS-3'), true);
      assert.equal(site.owns('https://jira.acme.com/browse/OPS-3'), false, 'outside the context path');
    });
  });

  describe('errors', () => {
    it('401 → auth (the server refuses a wrong token)', async () => {
      await fresh();
      const err = await failure(jiraTracker({ site: server.url, project: 'OPS', api: 'cloud', email: EMAIL, token: 'wrong-token' }).create(ticket()));
      assert.equal(err.kind, 'auth');
      assert.equal(err.status, 401);
      assert.match(err.message, /^Creating an issue in OPS on 127\.0\.0\.1:\d+ failed: 401 You are not authenticated/);
      assert.ok(!err.message.includes('wrong-token'));
    });

    it('403 → forbidden, 404 → not-found, 500 → http, each saying what was attempted where', async () => {
      await fresh();
      server.failNext('create', { status: 403, body: { errorMessages: ['You do not have permission to create issues in this project.'], errors: {} } });
      const forbidden = await failure(cloud().create(ticket()));
      assert.equal(forbidden.kind, 'forbidden');
      assert.match(forbidden.message, /Creating an issue in OPS on .* failed: 403 You do not have permission/);
      const missing = await failure(dc().status('OPS-99'));
      assert.equal(missing.kind, 'not-found');
      assert.match(missing.message, /^Reading OPS-99 on 127\.0\.0\.1:\d+ failed: 404 Issue does not exist/);
      server.failNext('search', { status: 500, body: '<html>Oops</html>' });
      const other = await failure(cloud().findByMarker('PM-1'));
      assert.equal(other.kind, 'http');
      assert.equal(other.message.includes('<html>'), false, 'a non-JSON body is not pasted into the message');
      assert.match(other.message, /^Searching OPS on .* for the issue of PM-1 failed: 500$/);
    });

    it('429 → rate-limit with Retry-After seconds; 503 with Retry-After too; an HTTP-date Retry-After works', async () => {
      await fresh();
      server.failNext('search', { status: 429, headers: { 'Retry-After': '30' }, body: { errorMessages: ['Rate limit exceeded.'], errors: {} } });
      const limited = await failure(cloud().findByMarker('PM-1'));
      assert.equal(limited.kind, 'rate-limit');
      assert.equal(limited.retryAfterSeconds, 30);
      server.failNext('get', { status: 503, headers: { 'Retry-After': new Date(Date.now() + 60_000).toUTCString() } });
      const busy = await failure(dc().status('OPS-1'));
      assert.equal(busy.kind, 'rate-limit');
      assert.ok(busy.retryAfterSeconds! >= 58 && busy.retryAfterSeconds! <= 61, String(busy.retryAfterSeconds));
      server.failNext('get', { status: 503 });
      assert.equal((await failure(dc().status('OPS-1'))).kind, 'http', '503 without Retry-After is no rate limit');
    });

    it("400 → invalid, with Jira's errorMessages and field errors in the message", async () => {
      await fresh();
      const err = await failure(cloud({ priorityMap: { P1: 'Urgent' } }).create(ticket({ priority: 'P1', assignee: 'nobody' })));
      assert.equal(err.kind, 'invalid');
      assert.equal(err.status, 400);
      assert.match(err.message, /^Creating an issue in OPS on 127\.0\.0\.1:\d+ failed: 400 /);
      assert.match(err.message, /priority: Priority name 'Urgent' is not valid/);
      assert.match(err.message, /assignee: User 'nobody' cannot be assigned issues\./);
      server.failNext('search', { status: 400, body: { errorMessages: ["Field 'labels' does not exist."], errors: {} } });
      assert.match((await failure(dc().findByMarker('PM-1'))).message, /failed: 400 Field 'labels' does not exist\.$/);
    });

    it('a reset after the create → network; the issue exists and findByMarker finds it', async () => {
      await fresh();
      server.failNext('create', 'reset-after-create');
      const err = await failure(cloud().create(ticket()));
      assert.equal(err.kind, 'network');
      assert.match(err.message, /^Creating an issue in OPS on .* failed: the connection failed/);
      assert.equal(only(server).key, 'OPS-1');
      assert.deepEqual(await cloud().findByMarker('PM-7f3a'), { key: 'OPS-1', url: `${server.url}/browse/OPS-1` });
    });

    it('a refused connection → network', async () => {
      await fresh();
      const site = server.url;
      await server.close();
      const err = await failure(jiraTracker({ site, project: 'OPS', token: TOKEN }).status('OPS-1'));
      assert.equal(err.kind, 'network');
      server = await startJiraServer({ token: TOKEN });
    });

    it('never puts the token in a message, even when an answer or a fetch error echoes it', async () => {
      await fresh();
      server.failNext('get', { status: 400, body: { errorMessages: [`Bad header Bearer ${TOKEN}`, `Basic ${BASIC}`], errors: { token: TOKEN } } });
      const echoed = await failure(cloud().status('OPS-1'));
      assert.match(echoed.message, /\[redacted\]/);
      const leaky: Fetch = async () => {
        throw new Error(`connect failed with Authorization: Bearer ${TOKEN}`);
      };
      const thrown = await failure(jiraTracker({ site: 'https://jira.acme.com', project: 'OPS', token: TOKEN, fetch: leaky }).create(ticket()));
      assert.equal(thrown.kind, 'network');
      assert.match(thrown.message, /Creating an issue in OPS on jira\.acme\.com failed/);
    });
  });

  describe('the local Jira itself', () => {
    it('catches a malformed request: a string description on v3, an unknown field, a spaced label', async () => {
      await fresh();
      const res = await fetch(`${server.url}/rest/api/3/issue`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ fields: { project: { key: 'OPS' }, summary: 'x', issuetype: { name: 'Task' }, description: 'plain', dueDate: '2025-01-01', labels: ['a b'] } }),
      });
      assert.equal(res.status, 400);
      assert.equal(server.violations.length, 1);
      const v = server.violations[0]!;
      assert.match(v, /^request POST cloud create:/);
      assert.match(v, /description/);
      assert.match(v, /additional properties/);
      assert.match(v, /labels\/0/);
      assert.equal(server.issues.length, 0);
      server.violations.length = 0;
    });

    it('refuses the removed Cloud /rest/api/3/search as a violation', async () => {
      await fresh();
      const res = await fetch(`${server.url}/rest/api/3/search?jql=x`, { headers: { Authorization: `Bearer ${TOKEN}` } });
      assert.equal(res.status, 404);
      assert.deepEqual(server.violations, ['request GET /rest/api/3/search: no such Jira endpoint']);
      server.violations.length = 0;
    });
  });
});

function only2(server: JiraServer): StoredIssue[] {
  assert.equal(server.issues.length, 2);
  return server.issues;
}
