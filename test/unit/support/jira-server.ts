/**
 * A local Jira for the client's tests: node:http on 127.0.0.1, port 0, serving both flavours at
 * once — Cloud REST v3 (`/rest/api/3/issue`, `/rest/api/3/search/jql`) and Data Center REST v2
 * (`/rest/api/2/issue`, `/rest/api/2/search`) — over in-memory issues.
 *
 * Every request body and every JSON response is checked against the schemas in jira-schemas.ts
 * (Atlassian's published shapes); a mismatch is kept in `violations`, which the tests assert empty,
 * and an invalid request is answered 400 as Jira would. Failures can be injected per route.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Ajv, { type ValidateFunction } from 'ajv';
import { createdIssueSchema, createRequestSchema, errorCollectionSchema, issueResponseSchema, searchJqlResponseSchema, searchV2ResponseSchema } from './jira-schemas';

export type Route = 'create' | 'search' | 'get';
export type Flavour = 'cloud' | 'datacenter';

/** A canned answer, or `reset-after-create`: store the issue, then drop the connection unanswered. */
export type Failure = { status: number; headers?: Record<string, string>; body?: unknown } | 'reset-after-create';

export interface StoredIssue {
  id: string;
  key: string;
  project: string;
  summary: string;
  /** As sent: an ADF document (v3) or a string (v2). */
  description: unknown;
  labels: string[];
  issuetype: string;
  priority?: string;
  duedate?: string;
  /** accountId (Cloud) or user name (Data Center). */
  assignee?: string;
  status: { name: string; category: 'new' | 'indeterminate' | 'done' };
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  flavour: Flavour | undefined;
  authorization: string | undefined;
  body: unknown;
}

export interface JiraServerOptions {
  /** Projects that exist; others answer 400 `project`. */
  projects?: string[];
  /** Priority names that exist; others answer 400 `priority`. */
  priorities?: string[];
  /** Known people: accountId or user name → display name. Unknown assignees answer 400 `assignee`. */
  users?: Record<string, string>;
  /** Credentials accepted: Basic email:token, or Bearer token. */
  email?: string;
  token: string;
}

export interface JiraServer {
  /** `http://127.0.0.1:PORT`: the site to give the client. */
  url: string;
  issues: StoredIssue[];
  requests: RecordedRequest[];
  violations: string[];
  failNext(route: Route, failure: Failure): void;
  transition(key: string, status: string): void;
  close(): Promise<void>;
}

const STATUS_CATEGORIES: Record<string, StoredIssue['status']['category']> = { 'To Do': 'new', Open: 'new', 'In Progress': 'indeterminate', Done: 'done', Closed: 'done', Resolved: 'done' };

export async function startJiraServer(options: JiraServerOptions): Promise<JiraServer> {
  const projects = options.projects ?? ['OPS'];
  const priorities = options.priorities ?? ['Highest', 'High', 'Medium', 'Low', 'Lowest'];
  const users = options.users ?? {};
  const ajv = new Ajv({ allErrors: true, strict: true });
  const check = {
    createRequest: { cloud: ajv.compile(createRequestSchema('cloud')), datacenter: ajv.compile(createRequestSchema('datacenter')) },
    issue: { cloud: ajv.compile(issueResponseSchema('cloud')), datacenter: ajv.compile(issueResponseSchema('datacenter')) },
    created: ajv.compile(createdIssueSchema),
    searchJql: ajv.compile(searchJqlResponseSchema),
    searchV2: ajv.compile(searchV2ResponseSchema),
    error: ajv.compile(errorCollectionSchema),
  };
  const issues: StoredIssue[] = [];
  const requests: RecordedRequest[] = [];
  const violations: string[] = [];
  const pending = new Map<Route, Failure>();
  let nextId = 10000;
  let url = '';

  /** Record what a schema refused, with where. */
  function validate(fn: ValidateFunction, value: unknown, where: string): boolean {
    if (fn(value)) return true;
    violations.push(`${where}: ${ajv.errorsText(fn.errors)}`);
    return false;
  }

  /** Send JSON, checking it first against the schema of what Jira sends there. */
  function send(res: ServerResponse, status: number, body: unknown, schema: ValidateFunction, where: string, headers: Record<string, string> = {}): void {
    validate(schema, body, `response ${where}`);
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  function sendError(res: ServerResponse, status: number, where: string, errorMessages: string[], errors: Record<string, string> = {}): void {
    send(res, status, { errorMessages, errors }, check.error, where);
  }

  function authorized(header: string | undefined): boolean {
    if (header === `Bearer ${options.token}`) return true;
    return options.email !== undefined && header === `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`;
  }

  function issueUrl(issue: StoredIssue, flavour: Flavour): string {
    return `${url}/rest/api/${flavour === 'cloud' ? 3 : 2}/issue/${issue.id}`;
  }

  function store(flavour: Flavour, fields: Record<string, unknown>): StoredIssue {
    const project = String((fields['project'] as { key: string }).key);
    const count = issues.filter((i) => i.project === project).length + 1;
    const issue: StoredIssue = {
      id: String(nextId++),
      key: `${project}-${count}`,
      project,
      summary: String(fields['summary']),
      description: fields['description'],
      labels: (fields['labels'] as string[] | undefined) ?? [],
      issuetype: String((fields['issuetype'] as { name?: string }).name ?? ''),
      status: { name: 'To Do', category: 'new' },
    };
    const priority = (fields['priority'] as { name?: string } | undefined)?.name;
    if (priority !== undefined) issue.priority = priority;
    if (typeof fields['duedate'] === 'string') issue.duedate = fields['duedate'];
    const assignee = fields['assignee'] as { accountId?: string; name?: string } | undefined;
    const who = flavour === 'cloud' ? assignee?.accountId : assignee?.name;
    if (who !== undefined) issue.assignee = who;
    issues.push(issue);
    return issue;
  }

  /** POST /rest/api/{3|2}/issue */
  function create(req: IncomingMessage, res: ServerResponse, flavour: Flavour, body: unknown, failure: Failure | undefined): void {
    const where = `POST ${flavour} create`;
    if (!validate(check.createRequest[flavour], body, `request ${where}`)) return sendError(res, 400, where, ['The request does not match the create-issue shape.']);
    const fields = (body as { fields: Record<string, unknown> }).fields;
    const errors: Record<string, string> = {};
    const project = (fields['project'] as { key?: string }).key;
    if (project === undefined || !projects.includes(project)) errors['project'] = 'valid project is required';
    const priority = (fields['priority'] as { name?: string } | undefined)?.name;
    if (fields['priority'] !== undefined && (priority === undefined || !priorities.includes(priority))) errors['priority'] = `Priority name '${priority ?? ''}' is not valid`;
    const assignee = fields['assignee'] as { accountId?: string; name?: string } | undefined;
    const who = assignee?.accountId ?? assignee?.name;
    if (assignee !== undefined && (who === undefined || !(who in users))) errors['assignee'] = `User '${who ?? ''}' cannot be assigned issues.`;
    if (Object.keys(errors).length > 0) return sendError(res, 400, where, [], errors);
    const issue = store(flavour, fields);
    if (failure === 'reset-after-create') {
      req.socket.destroy();
      return;
    }
    send(res, 201, { id: issue.id, key: issue.key, self: issueUrl(issue, flavour) }, check.created, where);
  }

  /** GET /rest/api/3/search/jql and /rest/api/2/search */
  function search(res: ServerResponse, flavour: Flavour, query: Record<string, string>): void {
    const where = `GET ${flavour} search`;
    const jql = query['jql'];
    if (jql === undefined) return sendError(res, 400, where, ['The JQL query is required.']);
    const clauses = parseJql(jql);
    if (typeof clauses === 'string') return sendError(res, 400, where, [`Error in the JQL Query: ${clauses}`]);
    const found = issues.filter((i) => clauses.every(([field, value]) => (field === 'project' ? i.project === value : i.labels.includes(value))));
    const page = found.slice(0, Number(query['maxResults'] ?? 50));
    const wanted = (query['fields'] ?? '').split(',');
    const shaped = page.map((i) => ({ id: i.id, key: i.key, self: issueUrl(i, flavour), fields: wanted.includes('summary') ? { summary: i.summary } : {} }));
    if (flavour === 'cloud') send(res, 200, { issues: shaped, isLast: true }, check.searchJql, where);
    else send(res, 200, { expand: 'schema,names', startAt: 0, maxResults: Number(query['maxResults'] ?? 50), total: found.length, issues: shaped }, check.searchV2, where);
  }

  /** GET /rest/api/{3|2}/issue/{key} */
  function get(res: ServerResponse, flavour: Flavour, key: string): void {
    const where = `GET ${flavour} issue`;
    const issue = issues.find((i) => i.key === key || i.id === key);
    if (issue === undefined) return sendError(res, 404, where, ['Issue does not exist or you do not have permission to see it.']);
    const person = issue.assignee === undefined ? null
      : flavour === 'cloud' ? { accountId: issue.assignee, displayName: users[issue.assignee] ?? issue.assignee, active: true, accountType: 'atlassian' }
      : { name: issue.assignee, key: `JIRAUSER${issue.assignee.length}`, displayName: users[issue.assignee] ?? issue.assignee, active: true };
    send(res, 200, {
      expand: 'renderedFields,names,schema',
      id: issue.id,
      key: issue.key,
      self: issueUrl(issue, flavour),
      fields: {
        summary: issue.summary,
        status: { name: issue.status.name, id: '1', statusCategory: { key: issue.status.category, id: issue.status.category === 'done' ? 3 : issue.status.category === 'new' ? 2 : 4, name: issue.status.name } },
        assignee: person,
        priority: issue.priority === undefined ? null : { name: issue.priority, id: String(priorities.indexOf(issue.priority) + 1) },
        duedate: issue.duedate ?? null,
      },
    }, check.issue[flavour], where);
  }

  /** The route a request is for, and its flavour. */
  function routeOf(method: string, path: string): { route: Route; flavour: Flavour; key?: string } | undefined {
    const m = /^\/rest\/api\/(2|3)\/(issue|search\/jql|search)(?:\/([^/]+))?\/?$/.exec(path);
    if (m === null) return undefined;
    const flavour: Flavour = m[1] === '3' ? 'cloud' : 'datacenter';
    if (m[2] === 'issue' && m[3] === undefined && method === 'POST') return { route: 'create', flavour };
    if (m[2] === 'issue' && m[3] !== undefined && method === 'GET') return { route: 'get', flavour, key: decodeURIComponent(m[3]) };
    // Cloud has removed the old search; Data Center has no enhanced search.
    if (m[2] === 'search/jql' && flavour === 'cloud' && method === 'GET') return { route: 'search', flavour };
    if (m[2] === 'search' && flavour === 'datacenter' && method === 'GET') return { route: 'search', flavour };
    return undefined;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = new URL(req.url ?? '/', url);
    const method = req.method ?? 'GET';
    const text = await readBody(req);
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        violations.push(`request ${method} ${target.pathname}: body is not JSON`);
        return sendError(res, 400, 'parse', ['Unexpected character in the request body.']);
      }
    }
    const route = routeOf(method, target.pathname);
    requests.push({ method, path: target.pathname, query: Object.fromEntries(target.searchParams), flavour: route?.flavour, authorization: req.headers.authorization, body });
    if (route === undefined) {
      violations.push(`request ${method} ${target.pathname}: no such Jira endpoint`);
      return sendError(res, 404, 'route', ['No such endpoint.']);
    }
    if (method === 'POST' && !(req.headers['content-type'] ?? '').startsWith('application/json')) violations.push(`request ${method} ${target.pathname}: Content-Type is not application/json`);
    if (!authorized(req.headers.authorization)) return sendError(res, 401, 'auth', ['You are not authenticated. Authentication required to perform this operation.']);
    const failure = pending.get(route.route);
    pending.delete(route.route);
    if (failure !== undefined && failure !== 'reset-after-create') {
      // Canned JSON bodies are checked too: a test must not teach the client a shape Jira never sends.
      if (typeof failure.body === 'object' && failure.body !== null) validate(check.error, failure.body, `response injected ${route.route}`);
      res.writeHead(failure.status, { 'Content-Type': 'application/json', ...failure.headers });
      res.end(failure.body === undefined ? '' : typeof failure.body === 'string' ? failure.body : JSON.stringify(failure.body));
      return;
    }
    if (route.route === 'create') return create(req, res, route.flavour, body, failure);
    if (route.route === 'search') return search(res, route.flavour, Object.fromEntries(target.searchParams));
    return get(res, route.flavour, route.key ?? '');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      violations.push(`server error: ${String(err)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    issues,
    requests,
    violations,
    failNext: (route, failure) => void pending.set(route, failure),
    transition(key, status) {
      const issue = issues.find((i) => i.key === key);
      if (issue === undefined) throw new Error(`no issue ${key}`);
      issue.status = { name: status, category: STATUS_CATEGORIES[status] ?? 'indeterminate' };
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The JQL the client sends, `field = "value" AND field = "value"` with field `project` or
 * `labels`, as [field, value] pairs; a string says what is wrong. Values are read the way JQL
 * reads a quoted string (`\"` and `\\` escapes), so a client that forgets to escape a quote
 * produces a query this refuses or that matches nothing.
 */
export function parseJql(jql: string): Array<[string, string]> | string {
  const out: Array<[string, string]> = [];
  let i = 0;
  const skipSpaces = () => {
    while (jql[i] === ' ') i++;
  };
  for (;;) {
    skipSpaces();
    const start = i;
    while (i < jql.length && /[a-z]/i.test(jql[i]!)) i++;
    const field = jql.slice(start, i);
    if (field !== 'project' && field !== 'labels') return `unexpected field '${field}' at ${start}`;
    skipSpaces();
    if (jql[i] !== '=') return `expected = at ${i}`;
    i++;
    skipSpaces();
    if (jql[i] !== '"') return `expected a quoted value at ${i}`;
    i++;
    let value = '';
    for (;;) {
      if (i >= jql.length) return 'unterminated string';
      const c = jql[i]!;
      if (c === '\\') {
        const next = jql[i + 1];
        if (next !== '"' && next !== '\\') return `bad escape at ${i}`;
        value += next;
        i += 2;
      } else if (c === '"') {
        i++;
        break;
      } else {
        value += c;
        i++;
      }
    }
    out.push([field, value]);
    skipSpaces();
    if (i >= jql.length) return out;
    if (jql.slice(i, i + 3) !== 'AND') return `expected AND at ${i}`;
    i += 3;
  }
}
