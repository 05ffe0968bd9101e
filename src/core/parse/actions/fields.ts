/**
 * Values of action-item fields, and the fields people write inline in a list item or a paragraph:
 * priority, owner, deadline, ticket and status, each read once and taken out of the action text.
 */
import type { ActionState } from '../../model';
import { blankHtmlComments, plainInline } from '../../text';
import { parseDate } from '../../time';
import { isPlaceholderOwner } from '../../vocabulary/placeholders';
import { completedStatement, startsWithImperative, stateOfMarker } from '../../vocabulary/status';

/** Link reference definitions of a document: normalised label → URL. */
export type Definitions = ReadonlyMap<string, string>;

/** A reference label as CommonMark compares them: case-folded, inner whitespace collapsed. */
export function referenceLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An owner's name without `@` (before a handle or after a Google-style `amirh@`) or Markdown; undefined when empty. */
export function ownerName(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '').replace(/^@/, '').replace(/@$/, '').trim();
  return plain === '' ? undefined : plain;
}

/** A deadline as ISO date: the whole text, or a date at its start (`2025-04-20 (moved)`). */
export function deadlineDate(text: string): string | undefined {
  const plain = plainInline(text).replace(/[`*_]/g, '').trim();
  const whole = parseDate(plain);
  if (whole) return whole;
  const lead = /^(\d{4}-\d{2}-\d{2})\b/.exec(plain);
  return lead ? parseDate(lead[1]!) : undefined;
}

/** URLs of issues, pull requests and tickets in the trackers people link to. */
const TICKET_URL = /\/(?:issues?|pulls?|merge_requests|tickets?|bugs?|cards?|tasks?|work_?items?|browse|selectedIssue=)\/?[A-Za-z]{0,10}-?\d|show_bug\.cgi\?id=\d|linear\.app\/[\w-]{1,60}\/issue\/|\/_workitems\/edit\/\d|\/jira\/[^\s]{0,200}?[A-Z][A-Z0-9]{1,9}-\d/i;

/** Whether a URL points at an issue, a pull request or a ticket (not a repository, a dashboard or a doc). */
export function isTicketUrl(url: string): boolean {
  return TICKET_URL.test(url);
}

/** What a ticket cell or link says when there is no ticket. */
const NO_TICKET = /^(?:n\/?a|tbd|tba|tbc|none|no|-+|\u2014|\u2013|todo|to do|\?+|pending|not yet|\[\s?\]|x)$/i;
/** A tracker key: `OPS-1024`, `#77`, `chip #942`, `org/repo#12`, `PR #6575`. */
const KEY = /(?<![\w/-])(?:[A-Z][A-Z0-9]{1,9}-\d{1,7}|(?:[\w.-]{1,60}\/[\w.-]{1,60})?#\d{1,7})(?![\w-])/;
/** Uppercase prefixes that look like keys but name standards and algorithms (`SHA-256`, `UTF-8`). */
const NOT_KEYS = new Set(['SHA', 'UTF', 'ISO', 'AES', 'RFC', 'CVE', 'HTTP', 'TLS', 'SSL', 'RSA', 'GPT', 'COVID', 'IPV', 'EC', 'MD', 'CRC', 'ECDSA', 'X', 'PCI', 'SOC', 'HIPAA', 'GDPR', 'ES', 'PG', 'V', 'K', 'N', 'T', 'P', 'Q']);
const INLINE_LINK = /\[([^[\]\n]{0,200})\]\(\s*<?([^\s()<>]{1,500})>?(?:\s+"[^"\n]{0,100}")?\s*\)/;
const INLINE_LINKS = /\[([^[\]\n]{0,200})\]\(\s*<?([^\s()<>]{1,500})>?(?:\s+"[^"\n]{0,100}")?\s*\)/g;

/** A key in text, if it is one (`OPS-12`, `#77`); not `SHA-256`. */
function keyIn(text: string): string | undefined {
  const m = KEY.exec(text);
  if (!m) return undefined;
  const prefix = /^([A-Z][A-Z0-9]*)-/.exec(m[0]);
  if (prefix && NOT_KEYS.has(prefix[1]!.replace(/\d+$/, ''))) return undefined;
  return m[0];
}

/**
 * A ticket cell's value: the URL of a link (never its text), a bare URL, or a key; undefined for
 * `n/a`, `tbd`, `-` and other ways of writing "none".
 */
export function ticketValue(raw: string, definitions: Definitions = new Map()): string | undefined {
  const text = raw.trim();
  const plain = plainInline(text).replace(/[`*_]/g, '').trim();
  if (plain === '' || NO_TICKET.test(plain)) return undefined;
  const link = INLINE_LINK.exec(text);
  if (link) return link[2]!;
  const auto = /<(https?:\/\/[^<>\s]{1,500})>/.exec(text);
  if (auto) return auto[1]!;
  const ref = /\[([^[\]\n]{1,200})\](?:\[([^[\]\n]{0,100})\])?/.exec(text);
  if (ref) {
    const url = definitions.get(referenceLabel(ref[2] || ref[1]!));
    if (url) return url;
  }
  const url = /https?:\/\/[^\s<>()[\]]{1,500}/.exec(text);
  if (url) return url[0].replace(/[.,;:]+$/, '');
  // `Fixed in OPS-9`, `chip #942`: the key.
  return keyIn(plain) ?? plain;
}

/** A field found inline: the whole match, the value inside it, and what stays in the action text. */
export interface InlineMatch {
  start: number;
  end: number;
  /** Where the value itself is, inside the match. */
  valueStart: number;
  valueEnd: number;
  /** The field's value when it is not the text at the value's place (a link's URL). */
  value?: string;
  /** Text that stays in the action where the match was (a link's words when the link is the ticket). */
  keep?: string;
}

export type InlineFieldName = 'priority' | 'owner' | 'deadline' | 'ticket' | 'status';

/** What one item's text holds: its inline fields, the state its words give it, and the action text. */
export interface InlineFields {
  fields: Record<InlineFieldName, InlineMatch | undefined>;
  /** The state a status word, `(done)`, ✅ or `_done in grafana_` gives; undefined when none does. */
  state: ActionState | undefined;
  /** Plain action text with the fields taken out. */
  action: string;
  /** The same with its Markdown kept (code, links, emphasis), on one line: for rewriting the item. */
  markdown: string;
  /** Where the action text starts and ends in the text (undefined when none is left). */
  actionStart: number | undefined;
  actionEnd: number;
}

// Status written in the text. A word at the start needs a colon, a dash, brackets or bold after it.
const STATUS_WORDS = "done|completed|complete|fixed|resolved|won't do|won\u2019t do|wontfix|won't fix|dropped|cancell?ed|abandoned|todo|to do|wip|in progress|ongoing|blocked";
export const LEAD_STATUS_BOLD = new RegExp(`^\\s*(?:\\*\\*|__)\\[?(${STATUS_WORDS})\\]?:?(?:\\*\\*|__)\\s*:?\\s*`, 'i');
export const LEAD_STATUS_BRACKET = new RegExp(`^\\s*\\[(${STATUS_WORDS})\\]\\s*:?\\s*`, 'i');
export const LEAD_STATUS_COLON = new RegExp(`^\\s*(${STATUS_WORDS})\\s*(?::|\\s[\\u2014\\u2013-])\\s*`, 'i');
/** `(done)`, `(Done as of 2021-06-30)`, `**(DONE)**`, `(fixed by adding a monitor)`, `(in progress)`. */
export const PAREN_STATUS = new RegExp(`(?:\\*\\*|__)?\\(\\s*(?:\\*\\*|__)?((?:${STATUS_WORDS}|shipped|merged|obsolete)\\b[^()]{0,200}?)\\s*\\)(?:\\*\\*|__)?`, 'i');
/** `_done in grafana_` or `**Done**` at the end. */
const TRAIL_STATUS_EMPHASIS = /(?:\*\*|__|\*|_)(done|completed|fixed)\b[^*_\n]{0,60}(?:\*\*|__|\*|_)\.?\s*$/i;
/** `… — Done`, `…. Fixed.` at the end, after a separator (not `make sure it is done`). */
const TRAIL_STATUS_SEPARATED = /(?:[.;|\u2014\u2013]|\s-)\s*(done|completed|fixed|won't do|wontfix)\.?\s*$/i;
/** Capitalised markers anywhere: `DONE`, `FIXED`. */
const UPPER_STATUS = /(?<![\w-])(DONE|FIXED|COMPLETED|WONTFIX)(?![\w-])/;
/** `(added an alert on …)` at the end: a note of what was done. */
const PAREN_DONE_NOTE = /\(\s*([A-Za-z]{3,20})\b[^()]{0,300}\)\s*(?:\.\s*)?$/;
const CHECK_MARK = /[\u2705\u2714\u2611]\uFE0F?/;
/** ✅ at the start or the end of the text: a status, taken out of the action. */
const EDGE_CHECK_MARK = /^\s*([\u2705\u2714\u2611])\uFE0F?\s*|(?<!\s)\s*([\u2705\u2714\u2611])\uFE0F?\s*$/;
const LABELLED_STATUS = /\bstatus\s*[:=]\s*([\w -]{1,20}?)(?=\s*(?:[,;)\]|]|$))/i;

/** Status words that say the item is still open. */
const OPEN_WORDS = /^(?:todo|to do|wip|in progress|ongoing|blocked|open|planned)\b/i;

const LABELLED_TICKET = /\b(?:ticket|issue|jira|tracking|tracked in|link)\s*[:=]\s*(\S{1,500})/i;
const REF_LINKS = /\[([^[\]\n]{1,200})\](?:\[([^[\]\n]{0,100})\])?(?![(:])/g;
const AUTOLINK = /<(https?:\/\/[^<>\s]{1,500})>/;
const BARE_URL = /(?<![(<\w])https?:\/\/[^\s<>()[\]]{1,500}/;
/** Link words that only say "this is the ticket": `Issue`, `see issue here`, `PR`, `jira link`. */
const TICKET_WORDS = /^(?:(?:see|view|the|this|a|an|github|gh|jira|for|more|in|information|gathering|here|link|tracked|tracking|filed|as|and|#|details?)\s){0,6}(?:issue|issues|ticket|tickets|jira|pr|prs|pull request|bug|epic|story|task|card|issue link|jira link|jira ticket)(?:\s(?:here|link|for|information|gathering))*$/i;

const LABELLED_DEADLINE = /\b(?:due(?: date| by)?|deadline|eta|target date)\s*[:=]\s*([^,;:)\]|\n]{1,40}?)(?=\s*(?:[,;)\]|]|$|\s(?:owner|assignee|ticket|status|priority)\b))/i;
const BY_DATE = /\b(?:by|due|before|deadline|until|no later than)\s+(\d{4}-\d{2}-\d{2})\b/i;
const PAREN_DATE = /\(\s*(\d{4}-\d{2}-\d{2})\s*\)/;
const TRAIL_DATE = /(?:[,;|\u2014\u2013]|\s-)\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\s*)?$/;

const LABELLED_OWNER = /\b(?:[Oo]wners?|OWNERS?|[Aa]ssignees?|ASSIGNEES?|[Aa]ssigned to|[Ww]ho|WHO|DRI|[Rr]esponsible)\s*[:=]\s*(@?[\p{L}\p{N}._-]{1,40}@?(?:\s\p{Lu}[\p{L}.-]{1,30})?)/u;
const ASSIGNED_TO = /\b[Aa]ssigned to\s+(@[\p{L}\p{N}][\p{L}\p{N}._-]{0,39}|\p{Lu}[\p{L}'-]{1,30}(?:\s\p{Lu}[\p{L}'-]{1,30})?)/u;
/** `[ICL] Removed legacy access`: a team or person in brackets at the start. */
const LEAD_BRACKET_OWNER = /^\s*\[([\p{L}][\p{L}\p{N} &._/-]{0,30})\]\s+(?=\p{L})/u;
/**
 * `ICL to build 22.0.3`, `Hypha will run the full suite`, `Platform team to add an alert`: a team or
 * person named first, as who will do it. Only a capitalised name (or an acronym) before `to`/`will`
 * and a lowercase verb; words that start sentences (`We will`, `Time to recovery`, `Try to`) are not names.
 */
const LEAD_SUBJECT_OWNER = /^\s*(?:\*\*|__)?(\p{Lu}[\p{L}\p{N}&.-]{1,30}(?: \p{Lu}[\p{L}\p{N}&.-]{1,30})?(?: (?:team|squad|group|on-call|oncall|ops))?)(?:\*\*|__)? (?:will|to) (?=\p{Ll})/u;
const NOT_SUBJECT_NAMES = new Set([
  'we', 'i', 'it', 'this', 'that', 'these', 'those', 'there', 'they', 'he', 'she', 'you', 'our', 'my', 'the', 'a', 'an', 'some',
  'any', 'no', 'one', 'someone', 'somebody', 'everyone', 'nobody', 'all', 'each', 'also', 'then', 'next', 'first', 'finally',
  'please', 'need', 'needs', 'plan', 'plans', 'want', 'try', 'trying', 'going', 'continue', 'remember', 'time', 'failure',
  'change', 'changes', 'according', 'due', 'how', 'what', 'when', 'where', 'why', 'who', 'which', 'work', 'access', 'ability',
  'back', 'up', 'down', 'return', 'move', 'go', 'in', 'on', 'at', 'from', 'for', 'with', 'unable', 'able', 'attempt',
  'attempts', 'decision', 'failed', 'effort', 'efforts', 'ways', 'way', 'steps', 'step', 'action', 'actions', 'team',
]);

const HANDLE = /(?<![\w.@])(@[\p{L}\p{N}][\p{L}\p{N}._-]{0,39})/gu;
/** Words before a handle that make it a mention, not an owner (`an @emergency role`, `ping @oncall`). */
const MENTION_BEFORE = /(?:^|[\s(])(?:a|an|the|to|in|on|via|ping|pinged|notify|notified|mention|tag|tagged|cc|with|from|by|of|our|new)\s*$/i;
const MENTION_AFTER = /^\s*(?:role|channel|group|alias|handle|account|bot|team|mention|rotation|list)\b/i;
/** Bracketed words at the start that are tags, not owners. */
const NOT_OWNER_TAGS = /^(?:optional|wip|todo|done|blocked|in progress|nice to have|stretch|bug|fix|chore|docs?|x|p\d|sev\s?\d|high|medium|low|critical|urgent|done|new|update|idea|question)$/i;

const PRIORITY_WORDS = 'Highest|High|Critical|Urgent|Blocker|Major|Medium|Med|Normal|Minor|Low|Lowest|Trivial';
/** `P1: …`, `**P1** …`, `[P1] …`, `(p2) …` at the start of an item. */
const LEAD_PRIORITY = /^\s*(?:\*\*|__)?[[(]?(P[0-9])[\])]?(?:\*\*|__)?(?:\s*[:\u2014\u2013|-]\s*|\s+)/i;
/** A word priority at the start needs a colon, brackets or bold, or `High availability for …` would match. */
export const LEAD_WORD_PRIORITY = new RegExp(`^\\s*(?:(?:\\*\\*|__)?\\[(${PRIORITY_WORDS}|Sev\\s?[0-9])\\]\\s*|(?:\\*\\*|__)?(${PRIORITY_WORDS}|Sev\\s?[0-9])(?:\\*\\*|__)?\\s*:\\s*|(?:\\*\\*|__)(${PRIORITY_WORDS}|Sev\\s?[0-9])(?:\\*\\*|__)\\s+)`, 'i');
/** `Sev2 …` or `SEV-1: …` at the start. */
const LEAD_SEV = /^\s*(Sev[\s-]?[0-9])(?:\s*[:\u2014\u2013|-]\s*|\s+)/i;
const LABELLED_PRIORITY = /\b(?:priority|prio|pri)\s*[:=]\s*([\w-]{1,12})/i;
const BRACKET_PRIORITY = /[[(](P[0-9])[\])]/i;
/** `(high)`, `(Sev2)`, `(P2)` at the end of the text, once the other fields are out. */
export const TRAIL_PAREN_PRIORITY = new RegExp(`\\((${PRIORITY_WORDS}|Sev[\\s-]?[0-9]|P[0-9])\\)[\\s.,;:\\u2014\\u2013-]*$`, 'i');

/** The state a status word stands for (`todo` and `in progress` are open). */
function stateOfWord(word: string): ActionState | undefined {
  if (CHECK_MARK.test(word)) return 'done';
  if (OPEN_WORDS.test(word.trim())) return 'open';
  return stateOfMarker(word) ?? (/^(?:done|completed?|fixed|resolved|shipped|merged)\b/i.test(word.trim()) ? 'done' : undefined);
}

/** Replaces a range with spaces, so later patterns do not see it and offsets stay put. */
function blank(work: string, start: number, end: number): string {
  return work.slice(0, start) + ' '.repeat(end - start) + work.slice(end);
}

/** The match of `re` in `work` with where its `group` is, or undefined. */
function matchOf(work: string, re: RegExp, group = 1): InlineMatch | undefined {
  const m = re.exec(work);
  if (!m || m[group] === undefined) return undefined;
  const valueStart = m.index + m[0].indexOf(m[group]!);
  return { start: m.index, end: m.index + m[0].length, valueStart, valueEnd: valueStart + m[group]!.length };
}

/** The first ticket in the text: a labelled one, else the earliest ticket link, reference, URL or key. */
function findTicket(work: string, definitions: Definitions): InlineMatch | undefined {
  const labelled = matchOf(work, LABELLED_TICKET);
  if (labelled) {
    const value = ticketValue(work.slice(labelled.valueStart, labelled.valueEnd), definitions);
    if (value) return { ...labelled, value };
  }
  const found: InlineMatch[] = [];
  const link = firstLink(work, INLINE_LINKS, (m) => m[2]!);
  if (link) found.push(link);
  const ref = firstLink(work, REF_LINKS, (m) => definitions.get(referenceLabel(m[2] || m[1]!)) ?? (keyIn(m[1]!) === m[1]!.trim() ? m[1]!.trim() : undefined));
  if (ref) found.push(ref);
  const auto = AUTOLINK.exec(work);
  if (auto && isTicketUrl(auto[1]!)) found.push({ start: auto.index, end: auto.index + auto[0].length, valueStart: auto.index + 1, valueEnd: auto.index + 1 + auto[1]!.length, value: auto[1]! });
  const bare = BARE_URL.exec(work);
  if (bare && isTicketUrl(bare[0])) {
    const url = bare[0].replace(/[.,;:]+$/, '');
    found.push({ start: bare.index, end: bare.index + url.length, valueStart: bare.index, valueEnd: bare.index + url.length, value: url });
  }
  const key = KEY.exec(work);
  if (key && keyIn(key[0]) === key[0]) {
    // A bare key in brackets or parentheses (`[#2226]:`, `(#12)`) takes its brackets with it.
    const before = work[key.index - 1];
    const after = work[key.index + key[0].length];
    const wrapped = (before === '[' && after === ']') || (before === '(' && after === ')');
    const start = wrapped ? key.index - 1 : key.index;
    const end = key.index + key[0].length + (wrapped ? 1 : 0);
    found.push({ start, end, valueStart: key.index, valueEnd: key.index + key[0].length, value: key[0] });
  }
  const first = found.sort((a, b) => a.start - b.start)[0];
  if (!first || first.keep !== undefined || standsAlone(work, first.start, first.end)) return first;
  // A ticket inside a sentence (`superseded by OPS-12`, `see #12 for the plan`) stays in the text too.
  return { ...first, keep: text(work, first) };
}

/** The words a ticket match shows: a link's words, else the key or URL as written. */
function text(work: string, m: InlineMatch): string {
  const link = /^\[([^[\]\n]{0,200})\]/.exec(work.slice(m.start, m.end));
  return link ? link[1]! : work.slice(m.valueStart, m.valueEnd);
}

/**
 * Whether a match stands apart from the sentence around it: at the start or the end of the text,
 * alone in brackets, or after a sentence or separator (`… gracefully. [Issue](…)`, `Fix X — OPS-12`).
 */
function standsAlone(work: string, start: number, end: number): boolean {
  const before = work.slice(0, start).trimEnd();
  const after = work.slice(end).trimStart();
  const openBefore = before === '' || /[-\u2014\u2013:;,(.|[]$/.test(before);
  const closeAfter = after === '' || /^[)\].,;:|\u2014\u2013-]/.test(after);
  const atEnd = /^[)\].,;:\s]*$/.test(after);
  // Inside parentheses with other words (`(superseded by OPS-12)`), it is part of that note.
  const paren = before.lastIndexOf('(');
  const inNote = paren >= 0 && before.indexOf(')', paren) < 0 && before.slice(paren + 1).trim() !== '';
  return closeAfter && (openBefore || atEnd) && !inNote;
}

/** Link words that name a key and at most one more word: `#294`, `PR #6575`, `chip - #942`. */
function namesKey(words: string): boolean {
  const key = keyIn(words);
  if (key === undefined) return false;
  return words.replace(key, ' ').replace(/[\s\-\u2014\u2013:]+/g, ' ').trim().split(' ').filter((w) => w !== '').length <= 1;
}

/**
 * The first link of `re` (a global regex) that is a ticket: its URL points at an issue or a pull
 * request, or its words only say "issue" or name a key. A link whose words say more keeps them in
 * the action text.
 */
function firstLink(work: string, re: RegExp, urlOf: (m: RegExpExecArray) => string | undefined): InlineMatch | undefined {
  re.lastIndex = 0;
  for (let m = re.exec(work); m; m = re.exec(work)) {
    // An image (`![chart](…)`) is not a link to a ticket.
    if (work[m.index - 1] === '!') continue;
    const url = urlOf(m);
    if (!url) continue;
    const words = plainInline(m[1]!).replace(/[`*_]/g, '').trim();
    const onlySays = words === '' || TICKET_WORDS.test(words) || namesKey(words);
    const isUrl = /^https?:\/\//i.test(url);
    if (isUrl ? !isTicketUrl(url) && !onlySays : keyIn(url) !== url) continue;
    return { start: m.index, end: m.index + m[0].length, valueStart: m.index, valueEnd: m.index + m[0].length, value: url, ...(onlySays ? {} : { keep: words }) };
  }
  return undefined;
}

/** Whether a handle at `index` is a mention (`an @emergency role`) rather than an owner. */
function isMention(work: string, index: number, length: number): boolean {
  return MENTION_BEFORE.test(work.slice(Math.max(0, index - 12), index)) || MENTION_AFTER.test(work.slice(index + length, index + length + 12));
}

/**
 * Reads the inline fields of one item's text (a list item's first paragraph, or a paragraph after its
 * label). Each field is the first pattern that matches, in order of preference; what is read as a
 * field is taken out of the action text. `text` must have its HTML comments blanked.
 */
export function readInlineFields(text: string, definitions: Definitions = new Map()): InlineFields {
  let work = text;
  const taken: InlineMatch[] = [];
  const take = (m: InlineMatch | undefined): InlineMatch | undefined => {
    if (!m) return undefined;
    taken.push(m);
    work = blank(work, m.start, m.end);
    return m;
  };

  // Status first, so the date in `(Done as of 2021-06-30)` is not read as a deadline.
  const status = take(matchOf(work, LEAD_STATUS_BOLD) ?? matchOf(work, LEAD_STATUS_BRACKET) ?? matchOf(work, LEAD_STATUS_COLON) ??
    matchOf(work, PAREN_STATUS) ?? matchOf(work, TRAIL_STATUS_EMPHASIS) ?? matchOf(work, TRAIL_STATUS_SEPARATED) ??
    matchOf(work, LABELLED_STATUS) ?? matchOf(work, UPPER_STATUS) ?? matchOf(work, EDGE_CHECK_MARK) ?? matchOf(work, EDGE_CHECK_MARK, 2));
  let state = status ? stateOfWord(text.slice(status.valueStart, status.valueEnd)) : undefined;
  if (!state) {
    // `(added an @emergency role on Discord)` at the end: a note of what was done, kept in the text.
    const note = matchOf(work, PAREN_DONE_NOTE);
    const verb = note ? text.slice(note.valueStart, note.valueEnd) : '';
    if (note && !/^(?:filed|opened|created|raised)$/i.test(verb) && completedStatement(`${verb} it`) === 'strong') state = 'done';
  }
  if (!state && CHECK_MARK.test(work)) state = 'done';

  const ticket = take(findTicket(work, definitions));
  const deadline = take(matchOf(work, LABELLED_DEADLINE) ?? matchOf(work, BY_DATE) ?? matchOf(work, PAREN_DATE) ?? matchOf(work, TRAIL_DATE));
  const owner = take(findOwner(work));
  const priority = take(matchOf(work, LEAD_PRIORITY) ?? matchOf(work, LEAD_WORD_PRIORITY, 1) ?? matchOf(work, LEAD_WORD_PRIORITY, 2) ??
    matchOf(work, LEAD_WORD_PRIORITY, 3) ?? matchOf(work, LEAD_SEV) ?? matchOf(work, LABELLED_PRIORITY) ?? matchOf(work, BRACKET_PRIORITY) ??
    matchOf(work, TRAIL_PAREN_PRIORITY));

  // The action is what is left once the fields are taken out (a done note stays: it is text).
  let rest = '';
  let last = 0;
  let actionStart: number | undefined;
  let actionEnd = 0;
  const keepText = (a: number, b: number) => {
    const piece = text.slice(a, b);
    if (/[\p{L}\p{N}]/u.test(piece)) {
      actionStart ??= a + (piece.length - piece.trimStart().length);
      actionEnd = b;
    }
    rest += piece;
  };
  for (const m of [...taken].sort((x, y) => x.start - y.start)) {
    if (m.start < last) continue;
    keepText(last, m.start);
    rest += m.keep !== undefined ? ` ${m.keep} ` : ' ';
    if (m.keep !== undefined && actionStart === undefined) actionStart = m.start;
    if (m.keep !== undefined) actionEnd = m.end;
    last = Math.max(last, m.end);
  }
  keepText(last, text.length);
  // A colon the text did not end with was left by a field after it (`not reverted: [#11134]`).
  const endsWithColon = text.trimEnd().endsWith(':');
  const unColon = (s: string) => (endsWithColon || !s.endsWith(':') ? s : s.slice(0, -1).trimEnd());
  const markdown = unColon(trimSeparators(rest.replace(/\s+/g, ' ').replace(/\(\s*[,;:]?\s*\)/g, ' ').replace(/(?<=\S)\s+(?=[,;.)\]])/g, '').replace(/([([])\s+/g, '$1').replace(/\s{2,}/g, ' ')));
  return { fields: { priority, owner, deadline, ticket, status }, state, action: unColon(plainActionText(rest)), markdown, actionStart, actionEnd };
}

/** The owner: a labelled one, `assigned to Jane`, `[ICL]` at the start, else a handle that is not a mention. */
function findOwner(work: string): InlineMatch | undefined {
  const labelled = matchOf(work, LABELLED_OWNER) ?? matchOf(work, ASSIGNED_TO);
  if (labelled) return labelled;
  const lead = matchOf(work, LEAD_BRACKET_OWNER);
  if (lead) {
    const name = work.slice(lead.valueStart, lead.valueEnd).trim();
    if (!NOT_OWNER_TAGS.test(name) && !isPlaceholderOwner(name) && keyIn(name) === undefined) return lead;
  }
  const subject = matchOf(work, LEAD_SUBJECT_OWNER);
  if (subject) {
    const name = work.slice(subject.valueStart, subject.valueEnd);
    const first = name.split(' ')[0]!.toLowerCase();
    if (!NOT_SUBJECT_NAMES.has(first) && !startsWithImperative(name) && !/(?:ing|ed|tion|ure)$/.test(first) && !isPlaceholderOwner(name)) return subject;
  }
  HANDLE.lastIndex = 0;
  for (let m = HANDLE.exec(work); m; m = HANDLE.exec(work)) {
    if (isMention(work, m.index, m[0].length)) continue;
    // `amirh@` style handles are caught by the labelled form; a handle is never part of an e-mail address.
    if (work[m.index + m[0].length] === '.' && /\w/.test(work[m.index + m[0].length + 1] ?? '')) continue;
    return { start: m.index, end: m.index + m[0].length, valueStart: m.index, valueEnd: m.index + m[0].length };
  }
  return undefined;
}

/** Inline HTML that only formats (`<br>`, `<b>`, `<kbd>`): dropped from plain text. */
const FORMAT_TAG = /<\/?(?:br|b|i|u|s|em|strong|code|kbd|sup|sub|span|del|ins|small|mark|a)(?:\s[^<>\n]{0,200})?\s*\/?>/gi;

/**
 * Action text for display and export: no Markdown, no backticks, no link syntax (a link keeps its
 * words, an autolink its URL, an image nothing), and none of the brackets, parentheses or separators
 * that taking a field out of the text leaves behind (`[ ]:`, `( )`, `< >`, `— ,`).
 */
export function plainActionText(raw: string): string {
  let s = blankHtmlComments(raw)
    .replace(FORMAT_TAG, ' ')
    .replace(/<((?:https?:\/\/|mailto:)[^<>\s]{1,500})>/g, '$1')
    .replace(/!\[([^[\]\n]{0,200})\]\([^()\n]{0,500}\)/g, ' ');
  s = plainInline(s)
    .replace(/\[([^[\]\n]{1,200})\]\[[^[\]\n]{0,100}\]/g, '$1')
    .replace(/`/g, '')
    .replace(/\[\s*\]\s*:?/g, ' ')
    .replace(/\(\s*[,;:]?\s*\)/g, ' ')
    .replace(/<\s*>/g, ' ')
    .replace(/[\u2014\u2013]\s*(?=[,;.]|$)/g, '')
    .replace(/(?<=\s)-\s*(?=[,;.]|$)/g, '')
    .replace(/\s{2,}/g, ' ')
    .replace(/(?<=\S)\s+(?=[,;.)\]])/g, '')
    .replace(/([([])\s+/g, '$1')
    .replace(/(?:,\s*)+(?=[,;.]|$)/g, '')
    .replace(/[:;,]\s*\.(?!\.)/g, '.')
    .replace(/(?<![.])([.!?])\s*\.(?![.])/g, '$1')
    .replace(/\(\s*\)/g, '');
  return trimSeparators(s.replace(/\s{2,}/g, ' '));
}

/** Drops separators and spaces at both ends (`: Add logging`, `Add logging —`); a closing `:` stays. */
function trimSeparators(s: string): string {
  const set = ' \t\r\n,;\u2014\u2013-|';
  let start = 0;
  let end = s.length;
  while (start < end && (set.includes(s[start]!) || s[start] === ':')) start++;
  while (end > start && set.includes(s[end - 1]!)) end--;
  return s.slice(start, end);
}
