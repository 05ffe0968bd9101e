/**
 * Tracker sync: the shapes every tracker client (GitHub Issues, Jira) shares, so that planning,
 * running and writing back know nothing of a tracker's API.
 *
 * A client talks HTTP through `fetch` (given, so tests and the editor can pass their own) and never
 * puts its token in an error, a log line or a result.
 */

/** A ticket to create for one open action item. */
export interface NewTicket {
  /** The item's stable id (`PM-…`): written into the ticket as a hidden marker and found again by it. */
  id: string;
  title: string;
  /** Plain text / Markdown; the client adds the id marker itself. */
  body: string;
  labels: string[];
  /** The tracker account (after the `people` mapping), without `@`. */
  assignee?: string | undefined;
  /** `P0`…`P3`, or undefined. */
  priority?: string | undefined;
  /** ISO `YYYY-MM-DD`, or undefined. */
  deadline?: string | undefined;
}

/** A ticket as the document links it: a short key for messages and the URL written into the document. */
export interface TicketRef {
  /** `#12` / `owner/repo#12` (GitHub), `OPS-12` (Jira). */
  key: string;
  /** The ticket's page in a browser: what write-back puts in the document. */
  url: string;
}

/** What the tracker says about a linked ticket. */
export interface TicketStatus extends TicketRef {
  /** Closed: GitHub `closed`; Jira status category `done`. */
  state: 'open' | 'closed';
  /** The tracker's own word for the state (`closed`, `completed`, `not_planned`, `Done`, `In Progress`). */
  detail: string;
  title: string;
  assignee?: string | undefined;
  priority?: string | undefined;
  /** ISO `YYYY-MM-DD`. */
  due?: string | undefined;
}

export type TrackerErrorKind =
  /** 401: no token, or a token the tracker refuses. Stops the run. */
  | 'auth'
  /** 403 without a rate limit: the token may not do this. Stops the run. */
  | 'forbidden'
  /** 404: the repository, project or ticket does not exist (or the token cannot see it). */
  | 'not-found'
  /** 403/429 with a rate limit; `retryAfterSeconds` says when to try again. */
  | 'rate-limit'
  /** The connection failed or was reset: the request may or may not have been carried out. */
  | 'network'
  /** 400/422: the tracker refused the request's content (a field, an assignee, a priority). */
  | 'invalid'
  /** Any other status. */
  | 'http';

/** A failed tracker request. Its message never holds the token. */
export class TrackerError extends Error {
  constructor(
    readonly kind: TrackerErrorKind,
    message: string,
    readonly status?: number,
    /** Seconds to wait before trying again (from `retry-after` or `x-ratelimit-reset`). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'TrackerError';
  }
}

export interface Tracker {
  /** `github` or `jira`. */
  readonly kind: 'github' | 'jira';
  /** Where tickets go, for messages: `owner/repo`, `OPS on jira.example.com`. */
  readonly target: string;
  /**
   * The ticket that carries this item id's marker, if one exists (any state). This is what makes a
   * repeated run create no duplicate after a run that was interrupted between create and write-back.
   */
  findByMarker(id: string): Promise<TicketRef | undefined>;
  create(ticket: NewTicket): Promise<TicketRef>;
  /**
   * The ticket a document links (`#12`, `OPS-12`, or a URL as written); undefined when the link is
   * not one of this tracker's tickets (another repository's issue, a wiki page).
   */
  status(ticket: string): Promise<TicketStatus | undefined>;
  /** Whether a link written in a document names one of this tracker's tickets (no request made). */
  owns(ticket: string): boolean;
}

/** The `fetch` a client uses: the global one, or a test's. */
export type Fetch = (input: string, init?: { method?: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
}>;
