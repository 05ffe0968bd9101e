/**
 * A fake GitHub for the sync tests: a local HTTP server with the four endpoints the GitHub Issues
 * client calls (create, list and get an issue; search issues), in-memory issues, and failures to
 * inject. Every request it receives and every response it sends is checked against GitHub's OpenAPI
 * description; what does not fit is collected in `violations`, which each test asserts is empty.
 *
 * `startReplayServer` serves recordings from `@octokit/fixtures` instead, one exchange per request.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { requestViolations, responseViolations, type Exchange } from './openapi';

export interface FakeIssue {
  /** `owner/name`, as created. */
  repo: string;
  number: number;
  title: string;
  body: string | null;
  labels: string[];
  assignees: string[];
  state: 'open' | 'closed';
  stateReason: 'completed' | 'not_planned' | 'reopened' | null;
  /** A pull request: the issues listing returns these too. */
  pullRequest: boolean;
  /** Search finds an issue only once GitHub has indexed it, seconds to minutes after the create. */
  indexed: boolean;
  createdAt: string;
  closedAt: string | null;
}

export type Route = 'create' | 'list' | 'search' | 'get';

/** A response to send instead of the real one; or a create carried out whose response never comes. */
export type Failure = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset-after-create';

export interface LoggedRequest {
  route: Route | 'unknown';
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

export interface GithubServer {
  /** `http://127.0.0.1:PORT` plus the API prefix (`/api/v3` for an Enterprise Server). */
  baseUrl: string;
  /** Where issue pages live: `https://github.com`, or the server itself when it plays an Enterprise Server. */
  webUrl: string;
  issues: FakeIssue[];
  requests: LoggedRequest[];
  violations: string[];
  /** An issue already on the server (not created through the API), indexed for search. */
  seed(issue: Partial<FakeIssue> & { title: string }): FakeIssue;
  failNext(route: Route, failure: Failure): void;
  /** Closes an issue, as someone on GitHub would. */
  close(issue: FakeIssue | number, reason?: 'completed' | 'not_planned'): void;
  /** Closes the server. */
  close(): Promise<void>;
  /** Search catches up with every issue created so far. */
  index(): void;
}

export interface ServerOptions {
  /** The token requests must carry (`Authorization: token …` or `Bearer …`); others get 401. */
  token: string;
  /** `/api/v3` to play a GitHub Enterprise Server; '' (the default) plays api.github.com. */
  apiPrefix?: string;
}

/** GitHub's documentation link in error bodies. */
const DOCS = 'https://docs.github.com/rest';
const CREATED = '2026-01-05T10:00:00Z';

/** Failures the tests inject, shaped as GitHub sends them. */
export const failures = {
  /** Primary rate limit: nothing left until `reset` (epoch seconds). */
  rateLimit(reset: number): Failure {
    return {
      status: 403,
      headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(reset), 'x-ratelimit-resource': 'core' },
      body: { message: 'API rate limit exceeded for user ID 1.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` },
    };
  },
  /** Secondary rate limit: too many requests at once; GitHub says when to come back. */
  secondaryRateLimit(retryAfter: number, status = 403): Failure {
    return {
      status,
      headers: { 'retry-after': String(retryAfter), 'x-ratelimit-remaining': '4990' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api` },
    };
  },
  badCredentials(): Failure {
    return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
  },
};

export async function startGithubServer(options: ServerOptions): Promise<GithubServer> {
  const prefix = options.apiPrefix ?? '';
  const issues: FakeIssue[] = [];
  const requests: LoggedRequest[] = [];
  const violations: string[] = [];
  const pending = new Map<Route, Failure[]>();
  let origin = '';
  const webUrl = () => (prefix ? origin : 'https://github.com');
  const apiUrl = () => (prefix ? `${origin}${prefix}` : 'https://api.github.com');

  const server = createServer((req, res) => {
    readBody(req).then(
      (text) => handle(req, res, text),
      () => res.destroy(),
    );
  });

  /** One request: log it, check it against the description, answer it (or fail as told). */
  function handle(req: IncomingMessage, res: ServerResponse, text: string): void {
    const url = new URL(req.url ?? '/', origin);
    const exchange = toExchange(req.method ?? 'GET', url, text, prefix, violations);
    const route = routeOf(exchange);
    requests.push({ route: route?.name ?? 'unknown', method: exchange.method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body: exchange.body });
    violations.push(...requestViolations(exchange));
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      violations.push(...responseViolations(exchange, status, body).map((v) => `response: ${v}`));
      sendJson(res, status, body, headers);
    };
    if (!route) return respond(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
    if (!authorized(req.headers.authorization, options.token)) return respond(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
    const failure = pending.get(route.name)?.shift();
    if (failure === 'reset-after-create') {
      if (route.name === 'create') createIssue(route.repo, exchange.body);
      // The create happened; the client never hears of it, as when a connection drops mid-response.
      req.socket.destroy();
      return;
    }
    if (failure) return respond(failure.status, failure.body ?? { message: 'Injected failure', documentation_url: DOCS }, failure.headers);
    switch (route.name) {
      case 'create':
        return respond(201, issueJson(createIssue(route.repo, exchange.body)), {});
      case 'list':
        return list(route.repo, url, respond);
      case 'search':
        return respond(200, search(url.searchParams.get('q') ?? ''));
      case 'get': {
        const issue = issues.find((i) => sameRepo(i.repo, route.repo) && i.number === route.number);
        return issue ? respond(200, issueJson(issue)) : respond(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
      }
    }
  }

  function createIssue(repo: string, body: unknown): FakeIssue {
    const input = (body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown; assignees?: unknown };
    return addIssue({
      repo,
      title: String(input.title ?? ''),
      body: typeof input.body === 'string' ? input.body : null,
      labels: Array.isArray(input.labels) ? input.labels.map(String) : [],
      assignees: Array.isArray(input.assignees) ? input.assignees.map(String) : [],
      indexed: false,
    });
  }

  function addIssue(fields: Partial<FakeIssue> & { title: string; repo: string }): FakeIssue {
    const issue: FakeIssue = {
      number: issues.filter((i) => sameRepo(i.repo, fields.repo)).length + 1,
      body: null,
      labels: [],
      assignees: [],
      state: 'open',
      stateReason: null,
      pullRequest: false,
      indexed: true,
      createdAt: new Date(Date.parse(CREATED) + issues.length * 60_000).toISOString().replace('.000Z', 'Z'),
      closedAt: null,
      ...fields,
    };
    issues.push(issue);
    return issue;
  }

  /** The repository's issues (and pull requests), newest first as GitHub lists them, one page. */
  function list(repo: string, url: URL, respond: (status: number, body: unknown, headers?: Record<string, string>) => void): void {
    const q = url.searchParams;
    const state = q.get('state') ?? 'open';
    const wanted = (q.get('labels') ?? '').split(',').filter((l) => l !== '');
    const matching = issues
      .filter((i) => sameRepo(i.repo, repo) && (state === 'all' || i.state === state))
      .filter((i) => wanted.every((label) => i.labels.some((l) => l.toLowerCase() === label.toLowerCase())))
      .sort((a, b) => b.number - a.number);
    const perPage = Math.min(100, Number(q.get('per_page') ?? 30));
    const page = Number(q.get('page') ?? 1);
    const last = Math.max(1, Math.ceil(matching.length / perPage));
    const link = (p: number) => {
      // Absolute, on the API's own address (api.github.com when playing it), as GitHub's are.
      const next = new URL(`${apiUrl()}${url.pathname.slice(prefix.length)}${url.search}`);
      next.searchParams.set('page', String(p));
      return `<${next.href}>`;
    };
    const rels = [page < last ? `${link(page + 1)}; rel="next"` : '', page < last ? `${link(last)}; rel="last"` : '', page > 1 ? `${link(1)}; rel="first"` : '', page > 1 ? `${link(page - 1)}; rel="prev"` : ''].filter((r) => r !== '');
    respond(200, matching.slice((page - 1) * perPage, page * perPage).map(issueJson), rels.length > 0 ? { link: rels.join(', ') } : {});
  }

  /** `repo:o/r in:body "words"`: indexed issues of the repository whose body holds the words. */
  function search(q: string) {
    const repo = /(?:^|\s)repo:(\S+)/.exec(q)?.[1] ?? '';
    const phrase = /"([^"]*)"/.exec(q)?.[1]?.toLowerCase() ?? '';
    const items = issues.filter((i) => i.indexed && sameRepo(i.repo, repo) && (i.body ?? '').toLowerCase().includes(phrase));
    return { total_count: items.length, incomplete_results: false, search_type: 'lexical', items: items.map((i) => ({ ...issueJson(i), score: 1 })) };
  }

  /** An issue as GitHub's REST API returns it: every field the description requires, and the usual others. */
  function issueJson(issue: FakeIssue) {
    const owner = issue.repo.split('/')[0]!;
    const api = `${apiUrl()}/repos/${issue.repo}/issues/${issue.number}`;
    const kind = issue.pullRequest ? 'pull' : 'issues';
    return {
      id: 1_000_000 + issues.indexOf(issue),
      node_id: `I_kwDO${issue.number}`,
      url: api,
      repository_url: `${apiUrl()}/repos/${issue.repo}`,
      labels_url: `${api}/labels{/name}`,
      comments_url: `${api}/comments`,
      events_url: `${api}/events`,
      timeline_url: `${api}/timeline`,
      html_url: `${webUrl()}/${issue.repo}/${kind}/${issue.number}`,
      number: issue.number,
      state: issue.state,
      state_reason: issue.stateReason,
      title: issue.title,
      body: issue.body,
      user: user(owner),
      labels: issue.labels.map((name, i) => ({ id: 100 + i, node_id: `LA_${i}`, url: `${apiUrl()}/repos/${issue.repo}/labels/${encodeURIComponent(name)}`, name, color: 'ededed', default: false, description: null })),
      assignee: issue.assignees[0] ? user(issue.assignees[0]) : null,
      assignees: issue.assignees.map(user),
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: 0,
      ...(issue.pullRequest ? { pull_request: { url: `${apiUrl()}/repos/${issue.repo}/pulls/${issue.number}`, html_url: `${webUrl()}/${issue.repo}/pull/${issue.number}`, diff_url: null, patch_url: null } } : {}),
      closed_at: issue.closedAt,
      created_at: issue.createdAt,
      updated_at: issue.closedAt ?? issue.createdAt,
      author_association: 'MEMBER',
      performed_via_github_app: null,
    };
  }

  function user(login: string) {
    const api = `${apiUrl()}/users/${login}`;
    return {
      login,
      id: 500 + login.length,
      node_id: `U_${login}`,
      avatar_url: `https://avatars.githubusercontent.com/u/${500 + login.length}?v=4`,
      gravatar_id: '',
      url: api,
      html_url: `${webUrl()}/${login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: 'User',
      site_admin: false,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function close(): Promise<void>;
  function close(issue: FakeIssue | number, reason?: 'completed' | 'not_planned'): void;
  function close(issue?: FakeIssue | number, reason: 'completed' | 'not_planned' = 'completed'): Promise<void> | void {
    if (issue === undefined) {
      return new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    }
    const found = typeof issue === 'number' ? issues.find((i) => i.number === issue) : issue;
    if (!found) throw new Error(`no issue ${String(issue)}`);
    found.state = 'closed';
    found.stateReason = reason;
    found.closedAt = '2026-01-20T12:00:00Z';
  }

  return {
    baseUrl: `${origin}${prefix}`,
    webUrl: webUrl(),
    issues,
    requests,
    violations,
    seed: (fields) => addIssue({ repo: 'acme/ops', ...fields }),
    failNext(route, failure) {
      pending.set(route, [...(pending.get(route) ?? []), failure]);
    },
    close,
    index() {
      for (const issue of issues) issue.indexed = true;
    },
  };
}

/** Which of the four endpoints a request is for, with its repository and issue number. */
function routeOf(exchange: Exchange): { name: Route; repo: string; number?: number } | undefined {
  const parts = exchange.path.split('/');
  if (exchange.method === 'GET' && exchange.path === '/search/issues') return { name: 'search', repo: '' };
  if (parts[1] !== 'repos' || parts[4] !== 'issues' || !parts[2] || !parts[3]) return undefined;
  const repo = `${parts[2]}/${parts[3]}`;
  if (parts.length === 5) {
    if (exchange.method === 'POST') return { name: 'create', repo };
    if (exchange.method === 'GET') return { name: 'list', repo };
  }
  if (parts.length === 6 && exchange.method === 'GET' && /^\d+$/.test(parts[5]!)) return { name: 'get', repo, number: Number(parts[5]) };
  return undefined;
}

function toExchange(method: string, url: URL, text: string, prefix: string, violations: string[]): Exchange {
  let path = url.pathname;
  if (prefix) {
    if (path.startsWith(`${prefix}/`)) path = path.slice(prefix.length);
    else violations.push(`${method} ${path}: outside the API prefix ${prefix}`);
  }
  let body: unknown;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      violations.push(`${method} ${path}: request body is not JSON`);
    }
  }
  return { method: method.toUpperCase(), path, query: url.searchParams, body };
}

function authorized(header: string | undefined, token: string): boolean {
  return header === `token ${token}` || header === `Bearer ${token}` || header === `bearer ${token}`;
}

function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'x-github-media-type': 'github.v3; format=json', ...headers, 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** A `fetch` that sends what the client addresses to api.github.com to a local server instead. */
export function fetchVia(baseUrl: string): typeof fetch {
  return (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return fetch(url.replace(/^https:\/\/api\.github\.com(?=\/|$)/, baseUrl), init);
  };
}

/** One recorded request and its response, as `@octokit/fixtures` stores them (normalized-fixture.json). */
export interface Recording {
  method: string;
  /** Path and query, as sent to api.github.com. */
  path: string;
  body: unknown;
  status: number;
  response: unknown;
  headers: Record<string, string | number>;
}

export interface ReplayServer {
  baseUrl: string;
  /** What was asked, in order, next to what the recording expected. */
  exchanges: Array<{ sent: { method: string; path: string; query: Record<string, string>; body?: unknown }; recorded: Recording }>;
  /** Requests beyond the recording. */
  extra: string[];
  violations: string[];
  close(): Promise<void>;
}

/**
 * Serves recordings in order, whatever is asked, so that a test can compare what the client sent
 * with what was recorded and see the client read the real response. Requests and responses are
 * checked against the description as on the fake.
 */
export async function startReplayServer(recordings: Recording[]): Promise<ReplayServer> {
  const queue = [...recordings];
  const replay: ReplayServer = { baseUrl: '', exchanges: [], extra: [], violations: [], close: async () => undefined };
  const server: Server = createServer((req, res) => {
    readBody(req).then((text) => {
      const url = new URL(req.url ?? '/', replay.baseUrl);
      const exchange = toExchange(req.method ?? 'GET', url, text, '', replay.violations);
      const recorded = queue.shift();
      if (!recorded) {
        replay.extra.push(`${exchange.method} ${url.pathname}${url.search}`);
        return sendJson(res, 500, { message: 'not in the recording' }, {});
      }
      replay.exchanges.push({ sent: { method: exchange.method, path: url.pathname, query: Object.fromEntries(url.searchParams), body: exchange.body }, recorded });
      replay.violations.push(...requestViolations(exchange));
      // The recording's headers, less those that describe the recorded connection rather than the answer.
      const headers = Object.fromEntries(
        Object.entries(recorded.headers)
          .filter(([name]) => !['content-length', 'connection', 'transfer-encoding'].includes(name))
          .map(([name, value]) => [name, String(value)]),
      );
      sendJson(res, recorded.status, recorded.response === '' ? undefined : recorded.response, headers);
    }, () => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  replay.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  replay.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return replay;
}
