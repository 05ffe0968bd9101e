// The GitHub Issues client against a fake GitHub whose every request and response is checked
// against GitHub's OpenAPI description, and against recordings of the real API (@octokit/fixtures).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, it, type TestContext } from 'node:test';
import { githubTracker, issueNumber, itemMarker, webOrigin } from '../../src/core/sync/github';
import { TrackerError, type Tracker } from '../../src/core/sync/types';
import { failures, fetchVia, startGithubServer, startReplayServer, type GithubServer, type Recording } from './support/github-server';
import { loadTiming, responseViolations } from './support/openapi';
import { repoRoot } from './root';

// Shaped like a real token, so a leak would be recognisable in any message.
const TOKEN = 'ghp_7Hq2rT9vXk4LmN8pQs1WzY6bC3dF5gJ0aE2i';

interface Setup {
  server: GithubServer;
  tracker: Tracker;
}

/**
 * A fake GitHub and a client talking to it as to api.github.com (its fetch sends the requests to the
 * fake), closed after the test; the test fails if any exchange broke the description.
 */
async function setup(t: TestContext, options: { labels?: string[]; token?: string; ghe?: boolean } = {}): Promise<Setup> {
  const server = await startGithubServer({ token: TOKEN, ...(options.ghe ? { apiPrefix: '/api/v3' } : {}) });
  t.after(() => server.close());
  const tracker = githubTracker({
    token: options.token ?? TOKEN,
    repo: 'acme/ops',
    userAgent: 'postmortem-markdown-test',
    ...(options.ghe ? { baseUrl: server.baseUrl } : { fetch: fetchVia(server.baseUrl) }),
    ...(options.labels ? { labels: options.labels } : {}),
  });
  return { server, tracker };
}

function assertValid(server: { violations: string[] }): void {
  assert.deepEqual(server.violations, [], 'every exchange fits GitHub\'s OpenAPI description');
}

async function rejection(promise: Promise<unknown>): Promise<TrackerError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TrackerError, `expected a TrackerError, got ${inspect(error)}`);
    return error;
  }
  assert.fail('expected the request to fail');
}

const ticket = { id: 'PM-7f3a', title: 'Add alerting on queue depth', body: 'From the 2026-01-04 outage postmortem.', labels: ['postmortem'], assignee: 'alice', priority: 'P1', deadline: '2026-01-31' };

describe('GitHub Issues client: create', () => {
  it('creates the issue with title, labels, assignee, the fields GitHub lacks and the hidden marker', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem', 'sync'] });
    const created = await tracker.create(ticket);
    assert.deepEqual(created, { key: '#1', url: 'https://github.com/acme/ops/issues/1' });
    const [request] = server.requests;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/repos/acme/ops/issues');
    assert.equal(request?.headers.authorization, `token ${TOKEN}`);
    assert.match(String(request?.headers['user-agent']), /^postmortem-markdown-test/);
    assert.deepEqual(request?.body, {
      title: ticket.title,
      body: 'From the 2026-01-04 outage postmortem.\n\nPriority: P1\nDeadline: 2026-01-31\n\n<!-- postmortem-item: PM-7f3a -->',
      labels: ['postmortem', 'sync'],
      assignees: ['alice'],
    });
    assert.deepEqual(server.issues[0]?.labels, ['postmortem', 'sync'], 'the configured labels are added, so the listing finds the issue');
    assertValid(server);
  });

  it('sends no assignee and no field lines when the item has none', async (t) => {
    const { server, tracker } = await setup(t);
    await tracker.create({ id: 'PM-1', title: 'Document the failover', body: 'Runbook.', labels: [] });
    assert.deepEqual(server.requests[0]?.body, { title: 'Document the failover', body: 'Runbook.\n\n<!-- postmortem-item: PM-1 -->', labels: [] });
    assertValid(server);
  });
});

describe('GitHub Issues client: findByMarker', () => {
  it('with labels, lists every page of labelled issues once per run and skips pull requests', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    server.seed({ title: 'oldest', body: `Old item.\n\n${itemMarker('PM-old')}`, labels: ['postmortem'], state: 'closed', stateReason: 'completed' });
    server.seed({ title: 'a pull request', body: itemMarker('PM-pr'), labels: ['postmortem'], pullRequest: true });
    for (let i = 0; i < 140; i++) server.seed({ title: `item ${i}`, body: itemMarker(`PM-${i}`), labels: ['postmortem'] });
    server.seed({ title: 'unlabelled', body: itemMarker('PM-unlabelled') });

    assert.deepEqual(await tracker.findByMarker('PM-old'), { key: '#1', url: 'https://github.com/acme/ops/issues/1' }, 'found on the second page, closed or not');
    const lists = server.requests.filter((r) => r.route === 'list');
    assert.deepEqual(lists.map((r) => r.query), [
      { labels: 'postmortem', state: 'all', per_page: '100' },
      { labels: 'postmortem', state: 'all', per_page: '100', page: '2' },
    ]);
    assert.equal(await tracker.findByMarker('PM-pr'), undefined, 'a pull request is not a ticket');
    assert.equal(await tracker.findByMarker('PM-unlabelled'), undefined, 'only labelled issues are listed');
    assert.deepEqual(await tracker.findByMarker('PM-139'), { key: '#142', url: 'https://github.com/acme/ops/issues/142' });
    assert.equal(server.requests.filter((r) => r.route === 'list').length, 2, 'the listing is made once');
    assert.equal(server.requests.filter((r) => r.route === 'search').length, 0);
    assertValid(server);
  });

  it('with labels, finds an issue it created in this run without listing again (search would not have it yet)', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    assert.equal(await tracker.findByMarker('PM-7f3a'), undefined);
    const created = await tracker.create(ticket);
    assert.deepEqual(await tracker.findByMarker('PM-7f3a'), created);
    assert.equal(server.requests.filter((r) => r.route === 'list').length, 1);
    assert.equal(server.issues[0]?.indexed, false, 'the fake\'s search has not indexed it');
    assertValid(server);
  });

  it('with labels, lists again after a failed listing', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    server.seed({ title: 'x', body: itemMarker('PM-1'), labels: ['postmortem'] });
    server.failNext('list', { status: 502, body: { message: 'Server Error' } });
    assert.equal((await rejection(tracker.findByMarker('PM-1'))).kind, 'http');
    assert.deepEqual(await tracker.findByMarker('PM-1'), { key: '#1', url: 'https://github.com/acme/ops/issues/1' });
    // 502 is not among the listing's documented responses: the fake's check says so, as it should.
    assert.deepEqual(server.violations, ['response: GET /repos/{owner}/{repo}/issues: status 502 is not a documented response']);
  });

  it('without labels, searches the repository and trusts only a body that holds the exact marker', async (t) => {
    const { server, tracker } = await setup(t);
    server.seed({ title: 'near miss', body: 'Mentions postmortem-item: PM-1 in prose, and <!-- postmortem-item: PM-12 -->' });
    server.seed({ title: 'a pull request', body: itemMarker('PM-1'), pullRequest: true });
    assert.equal(await tracker.findByMarker('PM-1'), undefined);
    const target = server.seed({ title: 'the one', body: `Text.\n\n${itemMarker('PM-1')}` });
    assert.deepEqual(await tracker.findByMarker('PM-1'), { key: `#${target.number}`, url: `https://github.com/acme/ops/issues/${target.number}` });
    const search = server.requests.find((r) => r.route === 'search');
    assert.deepEqual(search?.query, { q: 'repo:acme/ops in:body "postmortem-item: PM-1"', per_page: '100' });
    assertValid(server);
  });

  it('without labels, cannot see an issue search has not indexed yet (why labels are recommended)', async (t) => {
    const { server, tracker } = await setup(t);
    const created = await tracker.create(ticket);
    assert.equal(await tracker.findByMarker('PM-7f3a'), undefined);
    server.index();
    assert.deepEqual(await tracker.findByMarker('PM-7f3a'), created);
    assertValid(server);
  });
});

describe('GitHub Issues client: status and owns', () => {
  it('reads open and closed issues by short key, qualified key and URL', async (t) => {
    const { server, tracker } = await setup(t);
    server.seed({ title: 'open one', assignees: ['bob'] });
    const closed = server.seed({ title: 'closed one' });
    server.close(closed, 'not_planned');
    const done = server.seed({ title: 'done one' });
    server.close(done);

    assert.deepEqual(await tracker.status('#1'), { key: '#1', url: 'https://github.com/acme/ops/issues/1', state: 'open', detail: 'open', title: 'open one', assignee: 'bob', priority: undefined, due: undefined });
    assert.deepEqual(await tracker.status('ACME/Ops#2'), { key: '#2', url: 'https://github.com/acme/ops/issues/2', state: 'closed', detail: 'not_planned', title: 'closed one', assignee: undefined, priority: undefined, due: undefined });
    const byUrl = await tracker.status('https://github.com/acme/ops/issues/3#issuecomment-1');
    assert.equal(byUrl?.state, 'closed');
    assert.equal(byUrl?.detail, 'completed');
    assert.deepEqual(server.requests.map((r) => r.path), ['/repos/acme/ops/issues/1', '/repos/acme/ops/issues/2', '/repos/acme/ops/issues/3']);
    assertValid(server);
  });

  it('leaves other repositories\' issues, pull requests and other links alone, without a request', async (t) => {
    const { server, tracker } = await setup(t);
    const others = ['other/ops#1', 'https://github.com/other/ops/issues/1', 'https://github.com/acme/ops/pull/1', 'https://github.com/acme/ops/wiki/Runbook', 'https://github.example.com/acme/ops/issues/1', 'https://github.com/acme/ops/issues/1/extra', 'OPS-12', '#', '#12a', 'see #12'];
    for (const link of others) {
      assert.equal(tracker.owns(link), false, link);
      assert.equal(await tracker.status(link), undefined, link);
    }
    for (const link of ['#12', 'acme/ops#12', 'Acme/OPS#12', 'https://github.com/acme/ops/issues/12', 'https://GitHub.com/Acme/Ops/issues/12/', ' #12 ']) assert.equal(tracker.owns(link), true, link);
    assert.deepEqual(server.requests, []);
  });

  it('says the issue is not found when a linked issue does not exist', async (t) => {
    const { server, tracker } = await setup(t);
    const error = await rejection(tracker.status('#99'));
    assert.equal(error.kind, 'not-found');
    assert.equal(error.status, 404);
    assert.equal(error.message, 'Reading issue #99 in acme/ops failed: 404 Not Found');
    assertValid(server);
  });

  it('works against a GitHub Enterprise Server at /api/v3, with issue pages on the same host', async (t) => {
    const { server, tracker } = await setup(t, { ghe: true, labels: ['postmortem'] });
    assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v3$/);
    const created = await tracker.create(ticket);
    assert.deepEqual(created, { key: '#1', url: `${server.webUrl}/acme/ops/issues/1` });
    assert.deepEqual(await tracker.findByMarker('PM-7f3a'), created);
    assert.equal(tracker.owns(created.url), true);
    assert.equal(tracker.owns('https://github.com/acme/ops/issues/1'), false, 'github.com is another host');
    assert.equal((await tracker.status(created.url))?.title, ticket.title);
    assert.ok(server.requests.every((r) => r.path.startsWith('/api/v3/')));
    assertValid(server);
  });

  it('derives the web host from the API base URL', () => {
    assert.equal(webOrigin('https://api.github.com'), 'https://github.com');
    assert.equal(webOrigin('https://github.example.com/api/v3'), 'https://github.example.com');
    assert.equal(webOrigin('https://github.example.com/api/v3/'), 'https://github.example.com');
    assert.equal(webOrigin('https://api.acme.ghe.com'), 'https://acme.ghe.com');
    assert.equal(issueNumber('https://github.example.com/acme/ops/issues/4', 'acme/ops', 'https://github.example.com'), 4);
  });
});

describe('GitHub Issues client: errors', () => {
  it('maps 401 to auth', async (t) => {
    const { server, tracker } = await setup(t, { token: 'ghp_wrongwrongwrongwrongwrongwrongwrong0' });
    const error = await rejection(tracker.create(ticket));
    assert.equal(error.kind, 'auth');
    assert.equal(error.status, 401);
    assert.equal(error.message, 'Creating an issue in acme/ops failed: 401 Bad credentials');
    assert.equal(server.issues.length, 0);
    assertValid(server);
  });

  it('maps 403 without a rate limit to forbidden, 404 to not-found, 400 and 422 to invalid with GitHub\'s reason, others to http', async (t) => {
    const { server, tracker } = await setup(t);
    server.failNext('create', { status: 403, body: { message: 'Resource not accessible by personal access token', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '403' } });
    server.failNext('create', { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '404' } });
    server.failNext('create', { status: 422, body: { message: 'Validation Failed', errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: 'nobody' }], documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue', status: '422' } });
    server.failNext('create', { status: 400, body: { message: 'Problems parsing JSON', documentation_url: 'https://docs.github.com/rest', status: '400' } });
    server.failNext('create', { status: 503, body: { code: 'unavailable', message: 'Service unavailable', documentation_url: 'https://docs.github.com/rest' } });
    const forbidden = await rejection(tracker.create(ticket));
    assert.equal(forbidden.kind, 'forbidden');
    assert.equal(forbidden.message, 'Creating an issue in acme/ops failed: 403 Resource not accessible by personal access token');
    assert.equal((await rejection(tracker.create(ticket))).kind, 'not-found');
    const invalid = await rejection(tracker.create(ticket));
    assert.equal(invalid.kind, 'invalid');
    assert.equal(invalid.status, 422);
    assert.equal(invalid.message, 'Creating an issue in acme/ops failed: 422 Validation Failed (assignees invalid nobody)');
    const bad = await rejection(tracker.create(ticket));
    assert.deepEqual([bad.kind, bad.status], ['invalid', 400]);
    const unavailable = await rejection(tracker.create(ticket));
    assert.deepEqual([unavailable.kind, unavailable.status], ['http', 503]);
    assert.equal(server.issues.length, 0);
    assertValid(server);
  });

  it('maps a primary rate limit to rate-limit, waiting until x-ratelimit-reset', async (t) => {
    const { server, tracker } = await setup(t);
    server.failNext('create', failures.rateLimit(Math.floor(Date.now() / 1000) + 120));
    const error = await rejection(tracker.create(ticket));
    assert.equal(error.kind, 'rate-limit');
    assert.equal(error.status, 403);
    assert.ok(error.retryAfterSeconds! >= 118 && error.retryAfterSeconds! <= 121, String(error.retryAfterSeconds));
    assert.match(error.message, /^Creating an issue in acme\/ops failed: 403 API rate limit exceeded/);
    server.failNext('get', failures.rateLimit(Math.floor(Date.now() / 1000) - 5));
    assert.equal((await rejection(tracker.status('#1'))).retryAfterSeconds, 1, 'a reset already past still waits a second');
    assertValid(server);
  });

  it('maps a secondary rate limit (403 or 429 with retry-after) to rate-limit, waiting retry-after seconds', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    server.failNext('create', failures.secondaryRateLimit(30));
    server.failNext('list', failures.secondaryRateLimit(7, 429));
    const secondary = await rejection(tracker.create(ticket));
    assert.deepEqual([secondary.kind, secondary.status, secondary.retryAfterSeconds], ['rate-limit', 403, 30]);
    const tooMany = await rejection(tracker.findByMarker('PM-1'));
    assert.deepEqual([tooMany.kind, tooMany.status, tooMany.retryAfterSeconds], ['rate-limit', 429, 7]);
    assertValid(server);
  });

  it('maps a connection reset after the create to network; the issue exists, and findByMarker finds it', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    server.failNext('create', 'reset-after-create');
    const error = await rejection(tracker.create(ticket));
    assert.equal(error.kind, 'network');
    assert.equal(error.status, undefined);
    assert.match(error.message, /^Creating an issue in acme\/ops failed: the connection failed or was reset \(.+\); the request may or may not have been carried out$/);
    assert.equal(server.issues.length, 1, 'the create was carried out');
    assert.deepEqual(await tracker.findByMarker('PM-7f3a'), { key: '#1', url: 'https://github.com/acme/ops/issues/1' });
    assertValid(server);
  });

  it('maps a refused connection to network', async (t) => {
    const { server, tracker } = await setup(t);
    await server.close();
    const error = await rejection(tracker.status('#1'));
    assert.equal(error.kind, 'network');
    assert.match(error.message, /^Reading issue #1 in acme\/ops failed: the connection failed or was reset \(ECONNREFUSED/);
  });

  it('never puts the token in an error, whatever the failure, even when the server echoes it', async (t) => {
    const { server, tracker } = await setup(t, { labels: ['postmortem'] });
    const errors: TrackerError[] = [];
    const attempts: Array<[Parameters<GithubServer['failNext']>[0], Parameters<GithubServer['failNext']>[1], () => Promise<unknown>]> = [
      ['create', failures.badCredentials(), () => tracker.create(ticket)],
      ['create', { status: 403, body: { message: 'Must have admin rights to Repository.', documentation_url: 'https://docs.github.com/rest' } }, () => tracker.create(ticket)],
      ['get', { status: 404, body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } }, () => tracker.status('#5')],
      ['create', { status: 422, body: { message: `Validation Failed for Authorization: token ${TOKEN}`, errors: [{ code: 'custom', message: `token ${TOKEN} is odd` }], documentation_url: 'https://docs.github.com/rest' } }, () => tracker.create(ticket)],
      ['list', failures.rateLimit(Math.floor(Date.now() / 1000) + 60), () => tracker.findByMarker('PM-1')],
      ['search', failures.secondaryRateLimit(5), () => githubTracker({ token: TOKEN, repo: 'acme/ops', fetch: fetchVia(server.baseUrl) }).findByMarker('PM-1')],
      ['create', 'reset-after-create', () => tracker.create(ticket)],
    ];
    for (const [route, failure, attempt] of attempts) {
      server.failNext(route, failure);
      errors.push(await rejection(attempt()));
    }
    const closed = githubTracker({ token: TOKEN, repo: 'acme/ops', baseUrl: 'http://127.0.0.1:9' });
    errors.push(await rejection(closed.create(ticket)));
    assert.deepEqual(errors.map((e) => e.kind), ['auth', 'forbidden', 'not-found', 'invalid', 'rate-limit', 'rate-limit', 'network', 'network']);
    for (const error of errors) {
      for (const text of [error.message, String(error.stack), inspect(error, { depth: 10 }), JSON.stringify(error)]) {
        assert.ok(!text.includes(TOKEN) && !text.includes(TOKEN.slice(4)), `token in: ${text}`);
      }
    }
    assert.match(errors[3]!.message, /Authorization: token \[token\]/, 'an echoed token is blanked out');
    assert.deepEqual(server.violations, []);
  });
});

describe('the fake GitHub checks exchanges against the OpenAPI description', () => {
  it('catches a malformed request and a malformed response', async (t) => {
    const server = await startGithubServer({ token: TOKEN });
    t.after(() => server.close());
    const headers = { authorization: `token ${TOKEN}`, 'content-type': 'application/json' };
    await fetch(`${server.baseUrl}/repos/acme/ops/issues`, { method: 'POST', headers, body: JSON.stringify({ body: 'no title', labels: 'postmortem' }) });
    await fetch(`${server.baseUrl}/repos/acme/ops/issues?per_page=many&colour=red`, { headers });
    server.failNext('get', { status: 404, body: { message: 42 } });
    await fetch(`${server.baseUrl}/repos/acme/ops/issues/1`, { headers });
    const joined = server.violations.join('\n');
    assert.match(joined, /POST \/repos\/\{owner\}\/\{repo\}\/issues request body: \(root\) must have required property 'title'/);
    assert.match(joined, /request body: \/labels must be array/);
    assert.match(joined, /query parameter per_page: \(root\) must be integer/);
    assert.match(joined, /query parameter "colour" is not documented/);
    assert.match(joined, /response: GET \/repos\/\{owner\}\/\{repo\}\/issues\/\{issue_number\} 404 response: \/message must be string/);
  });

  it('loads the description once; the time it took is reported here', (t) => {
    assert.ok(loadTiming.ms > 0, 'loaded by the tests above');
    t.diagnostic(`@octokit/openapi api.github.com.deref.json read and parsed in ${Math.round(loadTiming.ms)} ms`);
  });
});

/** A scenario from @octokit/fixtures: the real API's requests and responses, recorded. */
function recording(name: string): Recording[] {
  return JSON.parse(readFileSync(join(repoRoot, 'node_modules/@octokit/fixtures/scenarios/api.github.com', name, 'normalized-fixture.json'), 'utf8')) as Recording[];
}

/** The recordings' token: fixtures are replayed with it, as they were recorded. */
const FIXTURE_TOKEN = '0000000000000000000000000000000000000001';

describe('GitHub Issues client against @octokit/fixtures recordings', () => {
  it('search-issues: sends the recorded search (its own query words) and reads the recorded result', async (t) => {
    const recorded = recording('search-issues');
    // The one edit: issue #2's body carries a marker, so that reading the result has something to find.
    const item = (recorded[0]!.response as { items: Array<{ number: number; body: string }> }).items.find((i) => i.number === 2)!;
    item.body += `\n\n${itemMarker('PM-sesame')}`;
    const replay = await startReplayServer(recorded);
    t.after(() => replay.close());
    const tracker = githubTracker({ token: FIXTURE_TOKEN, repo: 'octokit-fixture-org/search-issues', fetch: fetchVia(replay.baseUrl) });
    assert.deepEqual(await tracker.findByMarker('PM-sesame'), { key: '#2', url: 'https://github.com/octokit-fixture-org/search-issues/issues/2' });
    const [{ sent, recorded: expected }] = replay.exchanges as [(typeof replay.exchanges)[0]];
    const recordedUrl = new URL(`https://api.github.com${expected.path}`);
    assert.equal(sent.method, expected.method.toUpperCase());
    assert.equal(sent.path, recordedUrl.pathname);
    // Same parameter, same repository qualifier; the words searched for are ours, not the recording's.
    assert.match(recordedUrl.searchParams.get('q')!, /(?:^|\s)repo:octokit-fixture-org\/search-issues(?:\s|$)/);
    assert.equal(sent.query.q, 'repo:octokit-fixture-org/search-issues in:body "postmortem-item: PM-sesame"');
    assert.deepEqual(replay.extra, []);
    assert.deepEqual(replay.violations, [], 'our request fits the description');
  });

  it('errors: reads the recorded 422 Validation Failed as invalid, with GitHub\'s reason', async (t) => {
    const recorded = recording('errors');
    const replay = await startReplayServer(recorded);
    t.after(() => replay.close());
    const tracker = githubTracker({ token: FIXTURE_TOKEN, repo: 'octokit-fixture-org/errors', fetch: fetchVia(replay.baseUrl) });
    const error = await rejection(tracker.create(ticket));
    assert.deepEqual([error.kind, error.status], ['invalid', 422]);
    assert.equal(error.message, 'Creating an issue in octokit-fixture-org/errors failed: 422 Validation Failed (color invalid)');
    // The recording is of creating a label; the client creates issues: same method and repository,
    // another collection. The response body is GitHub's generic validation error either way.
    const { sent } = replay.exchanges[0]!;
    assert.equal(sent.method, 'POST');
    assert.equal(recorded[0]!.path, '/repos/octokit-fixture-org/errors/labels');
    assert.equal(sent.path, '/repos/octokit-fixture-org/errors/issues');
    assert.deepEqual(replay.violations, []);
  });

  it('add-labels-to-issue: creates with the recorded request\'s method and path and reads the recorded 201', async (t) => {
    const recorded = recording('add-labels-to-issue').slice(0, 1);
    const replay = await startReplayServer(recorded);
    t.after(() => replay.close());
    const tracker = githubTracker({ token: FIXTURE_TOKEN, repo: 'octokit-fixture-org/add-labels-to-issue', fetch: fetchVia(replay.baseUrl) });
    const created = await tracker.create({ id: 'PM-1', title: 'Issue without a label', body: '', labels: [] });
    assert.deepEqual(created, { key: '#1', url: 'https://github.com/octokit-fixture-org/add-labels-to-issue/issues/1' });
    const { sent } = replay.exchanges[0]!;
    assert.equal(`${sent.method} ${sent.path}`, `POST ${recorded[0]!.path}`);
    assert.deepEqual(sent.body, { title: 'Issue without a label', body: itemMarker('PM-1'), labels: [] }, 'the recorded {title} plus our body and labels');
    assert.deepEqual(replay.violations, []);
  });

  it('paginate-issues: follows the recorded Link headers page by page, as GitHub wrote them', async (t) => {
    const recorded = recording('paginate-issues');
    // The one edit: an issue on the last page carries a marker, so the whole listing must be read.
    const last = recorded[4]!.response as Array<{ number: number; body: string | null }>;
    last[0]!.body = itemMarker('PM-last');
    const replay = await startReplayServer(recorded);
    t.after(() => replay.close());
    const tracker = githubTracker({ token: FIXTURE_TOKEN, repo: 'octokit-fixture-org/paginate-issues', labels: ['postmortem'], fetch: fetchVia(replay.baseUrl) });
    assert.deepEqual(await tracker.findByMarker('PM-last'), { key: `#${last[0]!.number}`, url: `https://github.com/octokit-fixture-org/paginate-issues/issues/${last[0]!.number}` });
    const sent = replay.exchanges.map((e) => `${e.sent.method} ${e.sent.path}?${new URLSearchParams(e.sent.query).toString()}`);
    const expected = recorded.map((r) => `${r.method.toUpperCase()} ${r.path}`);
    // Page 1 is ours (our filter, 100 a page); pages 2–5 are exactly the URLs GitHub's Link headers gave.
    assert.equal(sent[0], 'GET /repos/octokit-fixture-org/paginate-issues/issues?labels=postmortem&state=all&per_page=100');
    assert.equal(expected[0], 'GET /repos/octokit-fixture-org/paginate-issues/issues?per_page=3');
    assert.deepEqual(sent.slice(1), expected.slice(1));
    // GitHub's next-page links use /repositories/{id}/issues, which the description does not document.
    assert.deepEqual(replay.violations, [2, 3, 4, 5].map(() => "GET /repositories/1000/issues: no such operation in GitHub's OpenAPI description"));
  });

  it('the recorded responses of the endpoints we call, checked against the description', () => {
    const check = (name: string, index: number) => {
      const r = recording(name)[index]!;
      const url = new URL(`https://api.github.com${r.path}`);
      return responseViolations({ method: r.method.toUpperCase(), path: url.pathname, query: url.searchParams }, r.status, r.response);
    };
    assert.deepEqual(check('add-labels-to-issue', 0), [], 'POST issues 201');
    assert.deepEqual(check('paginate-issues', 0), [], 'GET issues 200');
    assert.deepEqual(check('errors', 0), [], 'POST labels 422');
    // Recorded in 2022; the description has since made search_type (lexical/semantic/hybrid) required.
    assert.deepEqual(check('search-issues', 0), ["GET /search/issues 200 response: (root) must have required property 'search_type' {\"missingProperty\":\"search_type\"}"]);
  });
});
