/**
 * The GitHub Issues client: creates an issue for an action item, finds it again by the hidden id
 * marker in its body, and reads the state of the issues a document links.
 *
 * Built on `@octokit/rest` without octokit's retry or throttling plugins: the caller decides when to
 * retry, from the `TrackerError` kind and `retryAfterSeconds` this client reports.
 */
import { Octokit } from '@octokit/rest';
import { TrackerError, type NewTicket, type Tracker, type TicketRef, type TicketStatus } from './types';

export interface GithubTrackerOptions {
  token: string;
  /** `owner/name`. */
  repo: string;
  /** `https://api.github.com` (the default), or a GitHub Enterprise Server's `https://host/api/v3`. */
  baseUrl?: string;
  /**
   * Labels every created issue carries. When set, tickets are found again by listing the issues with
   * these labels instead of through search (see `findByMarker`).
   */
  labels?: string[];
  fetch?: typeof fetch;
  userAgent?: string;
}

const DEFAULT_BASE_URL = 'https://api.github.com';

/** The hidden line that ties an issue to an action item; HTML comments do not show on the issue page. */
export function itemMarker(id: string): string {
  return `<!-- postmortem-item: ${id} -->`;
}

/** An issue as the listing and search return it: only what finding a marker needs. */
interface ListedIssue {
  number: number;
  html_url: string;
  body?: string | null | undefined;
  pull_request?: unknown;
}

export function githubTracker(options: GithubTrackerOptions): Tracker {
  const [owner = '', repo = ''] = options.repo.split('/');
  if (!owner || !repo || options.repo.split('/').length !== 2) {
    throw new TrackerError('invalid', `"${options.repo}" is not a GitHub repository: expected owner/name`);
  }
  const baseUrl = withoutTrailingSlashes(options.baseUrl ?? DEFAULT_BASE_URL);
  const web = webOrigin(baseUrl);
  const labels = options.labels ?? [];
  const octokit = new Octokit({
    auth: options.token,
    baseUrl,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
    ...(options.fetch ? { request: { fetch: options.fetch } } : {}),
    // octokit logs each request (method, URL, status) through `log`; a CLI run must stay quiet and
    // a log line is one more place a secret could leak to.
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
  const fail = (attempt: string) => (error: unknown): never => {
    throw toTrackerError(error, `${attempt} in ${options.repo}`, options.token);
  };

  // With labels configured, one listing per run answers every findByMarker: search lags behind
  // creates by seconds to minutes, a listing does not. The promise is shared so that concurrent
  // lookups list once; a failed listing is forgotten so that the next lookup tries again.
  let listing: Promise<ListedIssue[]> | undefined;
  const listed = (): Promise<ListedIssue[]> => {
    listing ??= octokit
      .paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: labels.join(','), state: 'all', per_page: 100 })
      .then((issues) => issues.filter((issue) => !issue.pull_request))
      .catch((error: unknown) => {
        listing = undefined;
        return fail('Listing issues')(error);
      });
    return listing;
  };

  /** Search for the marker's text, then check the body, since search matches words, not the exact line. */
  const searched = async (id: string): Promise<ListedIssue[]> => {
    const q = `repo:${owner}/${repo} in:body "postmortem-item: ${id}"`;
    const { data } = await octokit.rest.search.issuesAndPullRequests({ q, per_page: 100 }).catch(fail('Searching issues'));
    return data.items.filter((issue) => !issue.pull_request);
  };

  return {
    kind: 'github',
    target: options.repo,

    async findByMarker(id) {
      const marker = itemMarker(id);
      const candidates = labels.length > 0 ? await listed() : await searched(id);
      const found = candidates.find((issue) => (issue.body ?? '').includes(marker));
      return found ? ref(found) : undefined;
    },

    async create(ticket) {
      const { data } = await octokit.rest.issues
        .create({
          owner,
          repo,
          title: ticket.title,
          body: issueBody(ticket),
          labels: unique([...ticket.labels, ...labels]),
          ...(ticket.assignee ? { assignees: [ticket.assignee] } : {}),
        })
        .catch((e: unknown) => {
          // A create whose answer was lost may have happened: the run's listing no longer tells
          // the truth, so the next marker search lists again.
          listing = undefined;
          return fail('Creating an issue')(e);
        });
      // Remember it only when the run's listing exists: a listing made later includes it anyway.
      if (listing) void listing.then((issues) => issues.push(data), () => undefined);
      return ref(data);
    },

    async status(ticket) {
      const number = issueNumber(ticket, options.repo, web);
      if (number === undefined) return undefined;
      const { data } = await octokit.rest.issues.get({ owner, repo, issue_number: number }).catch(fail(`Reading issue #${number}`));
      return issueStatus(data);
    },

    owns(ticket) {
      return issueNumber(ticket, options.repo, web) !== undefined;
    },
  };
}

/** The body of a new issue: the item's text, then the fields GitHub has no place for, then the marker. */
export function issueBody(ticket: NewTicket): string {
  const fields = [
    ticket.priority ? `Priority: ${ticket.priority}` : undefined,
    ticket.deadline ? `Deadline: ${ticket.deadline}` : undefined,
  ].filter((line): line is string => line !== undefined);
  const parts = [ticket.body.trimEnd(), fields.join('\n'), itemMarker(ticket.id)].filter((part) => part !== '');
  return parts.join('\n\n');
}

function ref(issue: { number: number; html_url: string }): TicketRef {
  return { key: `#${issue.number}`, url: issue.html_url };
}

function issueStatus(issue: {
  number: number;
  html_url: string;
  state: string;
  state_reason?: string | null | undefined;
  title: string;
  assignee?: { login: string } | null | undefined;
}): TicketStatus {
  return {
    ...ref(issue),
    state: issue.state === 'closed' ? 'closed' : 'open',
    detail: issue.state_reason ?? issue.state,
    title: issue.title,
    assignee: issue.assignee?.login,
    priority: undefined,
    due: undefined,
  };
}

/** A loop rather than `/\/+$/`, which is quadratic on a long run of slashes that does not end the text. */
function withoutTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * Where the web pages of issues live for an API base URL: github.com for api.github.com; the same
 * host without `/api/v3` for GitHub Enterprise Server; the host without `api.` for GHE.com
 * (`api.acme.ghe.com` → `acme.ghe.com`). Anything else is taken to serve both from one origin.
 */
export function webOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.hostname === 'api.github.com') return 'https://github.com';
  const path = withoutTrailingSlashes(url.pathname);
  if (path.endsWith('/api/v3')) return `${url.origin}${path.slice(0, -'/api/v3'.length)}`;
  if (url.hostname.startsWith('api.')) return `${url.protocol}//${url.host.slice('api.'.length)}`;
  return url.origin;
}

const SHORT_KEY = /^#(\d{1,10})$/;
const REPO_KEY = /^([\w.-]{1,100})\/([\w.-]{1,100})#(\d{1,10})$/;

/**
 * The issue number a document's link names, when it is an issue of `repo` (`owner/name`, compared
 * without case as GitHub does); undefined for anything else, including pull requests.
 */
export function issueNumber(ticket: string, repo: string, web: string): number | undefined {
  const text = ticket.trim();
  const short = SHORT_KEY.exec(text);
  if (short) return Number(short[1]);
  const qualified = REPO_KEY.exec(text);
  if (qualified) return sameRepo(`${qualified[1]}/${qualified[2]}`, repo) ? Number(qualified[3]) : undefined;
  return urlIssueNumber(text, repo, web);
}

/** `https://github.com/owner/name/issues/12` (with any query or fragment) → 12. */
function urlIssueNumber(text: string, repo: string, web: string): number | undefined {
  if (!/^https?:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const base = new URL(web);
  if (url.host.toLowerCase() !== base.host.toLowerCase()) return undefined;
  const prefix = withoutTrailingSlashes(base.pathname);
  if (!url.pathname.startsWith(`${prefix}/`)) return undefined;
  const [issueOwner, issueRepo, section, number, ...rest] = url.pathname.slice(prefix.length + 1).split('/');
  if (section !== 'issues' || !number || !/^\d{1,10}$/.test(number) || rest.some((part) => part !== '')) return undefined;
  return sameRepo(`${issueOwner}/${issueRepo}`, repo) ? Number(number) : undefined;
}

function sameRepo(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** What octokit throws for an HTTP error status, or (status 500, no response) for a failed fetch. */
interface OctokitError {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined>; data: unknown };
  cause?: unknown;
}

function isOctokitError(error: unknown): error is OctokitError {
  return error instanceof Error && error.name === 'HttpError' && typeof (error as Partial<OctokitError>).status === 'number';
}

/** Node's codes for a connection that failed or was cut. */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * A failed request as a TrackerError. The message is built here from the status and GitHub's own
 * error text, never from octokit's error, which carries the request (headers included).
 */
export function toTrackerError(error: unknown, attempt: string, token: string): TrackerError {
  const redact = (message: string) => (token ? message.split(token).join('[token]') : message);
  if (isOctokitError(error) && error.response) {
    const { status } = error;
    const detail = githubMessage(error.response.data);
    const message = redact(`${attempt} failed: ${status}${detail ? ` ${detail}` : ''}`);
    return httpError(status, error.response.headers, detail, message);
  }
  if (isNetworkFailure(error)) {
    return new TrackerError('network', redact(`${attempt} failed: the connection failed or was reset (${networkReason(error)}); the request may or may not have been carried out`));
  }
  return new TrackerError('http', redact(`${attempt} failed: ${error instanceof Error ? error.name : 'unknown error'}`));
}

function httpError(status: number, headers: Record<string, string | number | undefined>, detail: string, message: string): TrackerError {
  const retryAfter = rateLimitWait(status, headers, detail);
  if (retryAfter !== undefined) return new TrackerError('rate-limit', message, status, retryAfter);
  if (status === 401) return new TrackerError('auth', message, status);
  if (status === 403) return new TrackerError('forbidden', message, status);
  if (status === 404) return new TrackerError('not-found', message, status);
  if (status === 400 || status === 422) return new TrackerError('invalid', message, status);
  return new TrackerError('http', message, status);
}

/**
 * Seconds to wait when the response is a rate limit, else undefined. GitHub signals a primary limit
 * with `x-ratelimit-remaining: 0` (wait until `x-ratelimit-reset`, epoch seconds) and a secondary
 * one with `retry-after`; its documentation says to wait a minute when neither header says more.
 */
function rateLimitWait(status: number, headers: Record<string, string | number | undefined>, detail: string): number | undefined {
  if (status !== 403 && status !== 429) return undefined;
  const retryAfter = header(headers, 'retry-after');
  const remaining = header(headers, 'x-ratelimit-remaining');
  const limited = status === 429 || retryAfter !== undefined || remaining === '0' || /rate limit/i.test(detail);
  if (!limited) return undefined;
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(1, Math.ceil(seconds));
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(1, Math.ceil((date - Date.now()) / 1000));
  }
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  if (remaining === '0' && Number.isFinite(reset) && reset > 0) return Math.max(1, Math.ceil(reset - Date.now() / 1000));
  return 60;
}

function header(headers: Record<string, string | number | undefined>, name: string): string | undefined {
  const value = headers[name];
  return value === undefined ? undefined : String(value);
}

/**
 * GitHub's explanation from an error body: `message`, plus each validation error (`field code` or
 * its own message), which says which field a 422 refused. Safe to show: GitHub writes no request
 * header into it.
 */
function githubMessage(data: unknown): string {
  if (typeof data === 'string') return data.slice(0, 200);
  if (typeof data !== 'object' || data === null) return '';
  const body = data as { message?: unknown; errors?: unknown };
  const message = typeof body.message === 'string' ? body.message : '';
  const errors = Array.isArray(body.errors) ? body.errors.map(validationError).filter((e) => e !== '') : [];
  return errors.length > 0 ? `${message} (${errors.join('; ')})` : message;
}

function validationError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return '';
  const e = error as { message?: unknown; field?: unknown; code?: unknown; value?: unknown };
  if (typeof e.message === 'string') return e.message;
  const parts = [e.field, e.code, e.value].filter((part): part is string => typeof part === 'string');
  return parts.join(' ');
}

function isNetworkFailure(error: unknown): boolean {
  if (isOctokitError(error)) return !error.response;
  if (!(error instanceof Error)) return false;
  if (error.name === 'TypeError' || error.name === 'AbortError') return true;
  return NETWORK_CODES.has(String((error as { code?: unknown }).code));
}

/** The lowest-level reason a connection failed (`other side closed`, `ECONNREFUSED`), for the message. */
function networkReason(error: unknown): string {
  let reason: unknown = error;
  for (let depth = 0; depth < 5 && reason instanceof Error && reason.cause !== undefined; depth++) reason = reason.cause;
  if (!(reason instanceof Error)) return 'no response';
  const code = (reason as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${reason.message}` : reason.message;
}
