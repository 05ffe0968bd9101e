/**
 * The Jira client: Jira Cloud (REST v3, descriptions in Atlassian Document Format) and Jira Data
 * Center (REST v2, descriptions as plain strings) behind the shared `Tracker` interface.
 *
 * Only the given `fetch` touches the network, so the same code runs in the CLI, the extension host
 * and a web worker (no Node-only modules: base64 goes through `btoa`).
 */
import { TrackerError, type Fetch, type NewTicket, type TicketRef, type TicketStatus, type Tracker } from './types';

export interface JiraOptions {
  /** The site's base URL: `https://acme.atlassian.net`, or `https://jira.acme.com` (a context path such as `/jira` is kept). */
  site: string;
  /** The project key tickets go to, e.g. `OPS`. */
  project: string;
  /** Issue type name for new tickets; `Task` by default. */
  issueType?: string | undefined;
  /** `cloud` (REST v3) or `datacenter` (REST v2); by default cloud when the host ends in `.atlassian.net`. */
  api?: 'cloud' | 'datacenter' | undefined;
  /** With an email: Basic auth with an API token (Cloud). Without: a Bearer personal access token (Data Center). */
  email?: string | undefined;
  token: string;
  /** `P0`…`P3` → Jira priority name; see DEFAULT_PRIORITY_MAP. */
  priorityMap?: Record<string, string> | undefined;
  /** Labels put on every ticket created. */
  labels?: string[] | undefined;
  fetch?: Fetch | undefined;
}

/** Jira's stock priority scheme names, matched to the postmortem P-levels. */
export const DEFAULT_PRIORITY_MAP: Readonly<Record<string, string>> = { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low' };

/** Jira refuses a summary longer than this (a hard field limit, in UTF-16 units). */
export const SUMMARY_LIMIT = 255;

/**
 * The label that finds a ticket again by item id. Jira has no hidden HTML comment like a GitHub
 * issue body, and JQL cannot search a description reliably for an exact phrase (text search is
 * fuzzy and stemmed), so the searchable marker is a label, which JQL matches exactly. The
 * description also carries a visible `Postmortem item id:` line so a person reading the ticket
 * sees which item it came from, and the marker survives someone removing the label by hand.
 */
export function markerLabel(id: string): string {
  return sanitizeLabel(`postmortem-${id}`);
}

/** The line written at the end of every description. */
export function markerLine(id: string): string {
  return `Postmortem item id: ${id}`;
}

/** The Jira tracker for one project on one site. */
export function jiraTracker(options: JiraOptions): Tracker {
  const ctx = context(options);
  return {
    kind: 'jira',
    target: `${ctx.project} on ${ctx.host}`,
    findByMarker: (id) => findByMarker(ctx, id),
    create: (ticket) => create(ctx, ticket),
    status: (ticket) => status(ctx, ticket),
    owns: (ticket) => parseTicket(ctx, ticket) !== undefined,
  };
}

/** What every request needs, worked out once. */
interface Context {
  /** The site without trailing slashes: the base for `/rest/…` and `/browse/…`. */
  site: string;
  origin: string;
  /** The site's context path (`''` or `/jira`). */
  basePath: string;
  /** `acme.atlassian.net`, for messages. */
  host: string;
  project: string;
  issueType: string;
  cloud: boolean;
  /** `/rest/api/3` or `/rest/api/2`. */
  rest: string;
  authorization: string;
  /** Strings that must never reach a message: the token and the header carrying it. */
  secrets: string[];
  priorityMap: Record<string, string>;
  labels: string[];
  fetch: Fetch;
}

function context(o: JiraOptions): Context {
  const url = new URL(o.site);
  const basePath = trimTrailingSlashes(url.pathname);
  const cloud = (o.api ?? (url.hostname.toLowerCase().endsWith('.atlassian.net') ? 'cloud' : 'datacenter')) === 'cloud';
  const credentials = o.email === undefined ? undefined : base64(`${o.email}:${o.token}`);
  const authorization = credentials === undefined ? `Bearer ${o.token}` : `Basic ${credentials}`;
  const fetchFn = o.fetch ?? (globalThis.fetch as unknown as Fetch);
  return {
    site: `${url.origin}${basePath}`,
    origin: url.origin,
    basePath,
    host: url.host,
    project: o.project.toUpperCase(),
    issueType: o.issueType ?? 'Task',
    cloud,
    rest: cloud ? '/rest/api/3' : '/rest/api/2',
    authorization,
    // Only non-empty strings: splitting a message on '' would mangle it.
    secrets: [authorization, o.token, credentials ?? ''].filter((s) => s.length > 0),
    priorityMap: { ...DEFAULT_PRIORITY_MAP, ...o.priorityMap },
    labels: o.labels ?? [],
    fetch: fetchFn,
  };
}

// ---------------------------------------------------------------------------------------------
// Operations

async function create(ctx: Context, t: NewTicket): Promise<TicketRef> {
  const what = `Creating an issue in ${ctx.project} on ${ctx.host}`;
  const body = await request(ctx, what, 'POST', `${ctx.rest}/issue`, { fields: issueFields(ctx, t) });
  const key = stringAt(body, 'key');
  if (key === undefined) throw new TrackerError('http', redact(ctx, `${what} failed: the answer named no issue key`));
  return ref(ctx, key);
}

/** The `fields` of a create request, in the flavour's own shapes. */
function issueFields(ctx: Context, t: NewTicket): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    project: { key: ctx.project },
    summary: truncateSummary(t.title),
    issuetype: { name: ctx.issueType },
    labels: unique([...ctx.labels, ...t.labels, markerLabel(t.id)].map(sanitizeLabel).filter((l) => l.length > 0)),
    description: ctx.cloud ? adfDocument(descriptionText(t)) : descriptionText(t),
  };
  const priority = t.priority === undefined ? undefined : ctx.priorityMap[t.priority];
  if (priority !== undefined) fields['priority'] = { name: priority };
  if (t.deadline !== undefined) fields['duedate'] = t.deadline;
  // Cloud identifies people by account id only (user names were removed for privacy); Data Center by user name.
  if (t.assignee !== undefined) fields['assignee'] = ctx.cloud ? { accountId: t.assignee } : { name: t.assignee };
  return fields;
}

async function findByMarker(ctx: Context, id: string): Promise<TicketRef | undefined> {
  const jql = `project = ${jqlString(ctx.project)} AND labels = ${jqlString(markerLabel(id))}`;
  // Cloud: the enhanced search (`/search/jql`); the old `/search` is being removed there. Data Center only has `/search`.
  const path = ctx.cloud ? `${ctx.rest}/search/jql` : `${ctx.rest}/search`;
  const what = `Searching ${ctx.project} on ${ctx.host} for the issue of ${id}`;
  const body = await request(ctx, what, 'GET', `${path}?jql=${encodeURIComponent(jql)}&fields=summary&maxResults=1`);
  const issues = isObject(body) && Array.isArray(body['issues']) ? body['issues'] : [];
  const key = stringAt(issues[0], 'key');
  return key === undefined ? undefined : ref(ctx, key);
}

async function status(ctx: Context, ticket: string): Promise<TicketStatus | undefined> {
  const key = parseTicket(ctx, ticket);
  if (key === undefined) return undefined;
  const what = `Reading ${key} on ${ctx.host}`;
  const body = await request(ctx, what, 'GET', `${ctx.rest}/issue/${encodeURIComponent(key)}?fields=status,summary,assignee,priority,duedate`);
  const fields = isObject(body) && isObject(body['fields']) ? body['fields'] : {};
  const st = isObject(fields['status']) ? fields['status'] : {};
  const category = isObject(st['statusCategory']) ? st['statusCategory'] : {};
  // Jira moves keep the old key working: report the key the issue has now.
  const current = stringAt(body, 'key') ?? key;
  return {
    ...ref(ctx, current),
    state: category['key'] === 'done' ? 'closed' : 'open',
    detail: stringAt(st, 'name') ?? '',
    title: stringAt(fields, 'summary') ?? '',
    assignee: assigneeName(ctx, fields['assignee']),
    priority: priorityLevel(ctx, stringAt(fields['priority'], 'name')),
    due: stringAt(fields, 'duedate'),
  };
}

/** The person as a reader knows them: Cloud shows a display name (its account ids are opaque); Data Center a user name. */
function assigneeName(ctx: Context, user: unknown): string | undefined {
  return ctx.cloud ? stringAt(user, 'displayName') ?? stringAt(user, 'accountId') : stringAt(user, 'name') ?? stringAt(user, 'displayName');
}

/** `High` → `P1` through the priority map, ignoring case; undefined for a priority the map does not name. */
function priorityLevel(ctx: Context, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const wanted = name.toLowerCase();
  return Object.keys(ctx.priorityMap).find((level) => ctx.priorityMap[level]!.toLowerCase() === wanted);
}

// ---------------------------------------------------------------------------------------------
// Which tickets are this tracker's

/**
 * The issue key a link names, when it is an issue of this project on this site: `OPS-12`,
 * `${site}/browse/OPS-12`, or a board URL with `selectedIssue=OPS-12`. Anything else (another
 * project, another site, a wiki page) is not ours.
 */
function parseTicket(ctx: Context, ticket: string): string | undefined {
  const text = ticket.trim();
  if (!text.includes('/')) return ownKey(ctx, text);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.origin !== ctx.origin) return undefined;
  const path = url.pathname;
  if (ctx.basePath !== '' && !(path === ctx.basePath || path.startsWith(`${ctx.basePath}/`))) return undefined;
  const rest = path.slice(ctx.basePath.length);
  if (rest.startsWith('/browse/')) return ownKey(ctx, decodeSegment(trimTrailingSlashes(rest.slice('/browse/'.length))));
  const selected = url.searchParams.get('selectedIssue');
  if (rest.startsWith('/jira/') && selected !== null) return ownKey(ctx, selected);
  return undefined;
}

/** `ops-12` → `OPS-12` when the project is this tracker's and the number is a number. */
function ownKey(ctx: Context, key: string): string | undefined {
  const dash = key.lastIndexOf('-');
  if (dash <= 0) return undefined;
  const project = key.slice(0, dash).toUpperCase();
  const number = key.slice(dash + 1);
  return project === ctx.project && /^\d+$/.test(number) ? `${project}-${number}` : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function ref(ctx: Context, key: string): TicketRef {
  return { key, url: `${ctx.site}/browse/${key}` };
}

// ---------------------------------------------------------------------------------------------
// Building the request content

/** Cut to Jira's summary limit, ending in `…`, without splitting a surrogate pair. */
export function truncateSummary(title: string): string {
  if (title.length <= SUMMARY_LIMIT) return title;
  let end = SUMMARY_LIMIT - 1;
  const code = title.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${title.slice(0, end)}…`;
}

/** The body, then the marker line as its own paragraph. */
function descriptionText(t: NewTicket): string {
  const body = t.body.trim();
  return body === '' ? markerLine(t.id) : `${body}\n\n${markerLine(t.id)}`;
}

/**
 * Plain text as an Atlassian Document Format document: one paragraph per block of non-blank lines,
 * lines within a block joined by hard breaks. ADF forbids empty text nodes, so blank lines become
 * paragraph boundaries rather than nodes.
 */
export function adfDocument(text: string): { type: 'doc'; version: 1; content: unknown[] } {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    const clean = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (clean.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(clean);
  }
  if (current.length > 0) paragraphs.push(current);
  return { type: 'doc', version: 1, content: paragraphs.map(adfParagraph) };
}

function adfParagraph(lines: string[]): unknown {
  const content: unknown[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    content.push({ type: 'text', text: line });
  });
  return { type: 'paragraph', content };
}

/** Jira refuses a label with whitespace: join the words with `-`. */
function sanitizeLabel(label: string): string {
  return label.trim().split(/\s+/).join('-');
}

/**
 * A JQL string literal. Inside double quotes JQL gives meaning to `"` and `\` only, each escaped
 * with a backslash; quoting always (even a plain key) keeps reserved words such as `AND` or
 * characters such as `-` from being read as syntax.
 */
export function jqlString(value: string): string {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

// ---------------------------------------------------------------------------------------------
// HTTP

/** One request; the parsed JSON answer on 2xx, a TrackerError otherwise. */
async function request(ctx: Context, what: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const headers: Record<string, string> = { Authorization: ctx.authorization, Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const init = body === undefined ? { method, headers } : { method, headers, body: JSON.stringify(body) };
  let response: Awaited<ReturnType<Fetch>>;
  let text: string;
  try {
    response = await ctx.fetch(`${ctx.site}${path}`, init);
    text = await response.text();
  } catch (err) {
    // The request may have been carried out (a create whose answer was lost): the caller searches by marker before retrying.
    throw new TrackerError('network', redact(ctx, `${what} failed: the connection failed (${describeError(err)})`));
  }
  if (response.status >= 200 && response.status < 300) return parseJson(text);
  throw httpError(ctx, what, response.status, response.headers, parseJson(text));
}

function httpError(ctx: Context, what: string, status: number, headers: { get(name: string): string | null }, body: unknown): TrackerError {
  const details = jiraMessages(body);
  const message = redact(ctx, `${what} failed: ${status}${details === '' ? '' : ` ${details}`}`);
  const retryAfter = retryAfterSeconds(headers.get('retry-after'));
  if (status === 429 || (status === 503 && retryAfter !== undefined)) return new TrackerError('rate-limit', message, status, retryAfter);
  if (status === 401) return new TrackerError('auth', message, status);
  if (status === 403) return new TrackerError('forbidden', message, status);
  if (status === 404) return new TrackerError('not-found', message, status);
  if (status === 400 || status === 422) return new TrackerError('invalid', message, status);
  return new TrackerError('http', message, status);
}

/**
 * Jira's error collection as one line: `errorMessages` joined, then each field error as
 * `field: message`. These name fields and values the request sent, never credentials; `redact`
 * still runs over them in case a proxy echoed a header back.
 */
function jiraMessages(body: unknown): string {
  if (!isObject(body)) return '';
  const parts: string[] = [];
  if (Array.isArray(body['errorMessages'])) for (const m of body['errorMessages']) if (typeof m === 'string' && m !== '') parts.push(m);
  if (isObject(body['errors'])) for (const [field, m] of Object.entries(body['errors'])) if (typeof m === 'string') parts.push(`${field}: ${m}`);
  return parts.join('; ');
}

/** `Retry-After` in seconds: either a number of seconds or an HTTP date. */
function retryAfterSeconds(value: string | null): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Node's fetch says only "fetch failed" and keeps the reason (ECONNRESET, other side closed) in `cause`.
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err.message}${cause}`;
}

/** The message with every secret removed, whatever put it there. */
function redact(ctx: Context, message: string): string {
  let out = message;
  for (const secret of ctx.secrets) out = out.split(secret).join('[redacted]');
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringAt(v: unknown, key: string): string | undefined {
  if (!isObject(v)) return undefined;
  const s = v[key];
  return typeof s === 'string' ? s : undefined;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Without a regex: `/\/+$/` would rescan a long run of slashes from every position. */
function trimTrailingSlashes(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '/') end -= 1;
  return s.slice(0, end);
}

/** Base64 of the UTF-8 bytes: `btoa` alone takes Latin-1 only, and an email or token may not be. */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
