/** Values of action-item fields: owners, deadlines, and fields written inline in a list item. */
import { plainInline } from '../../text';
import { parseDate } from '../../time';

/** An owner's name without `@` or Markdown, or undefined when the text is empty. */
export function ownerName(text: string): string | undefined {
  const plain = plainInline(text).replace(/`/g, '').replace(/^@/, '').trim();
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

/** A field found inline: the whole match and the value inside it. */
export interface InlineMatch {
  start: number;
  end: number;
  /** Where the value itself is, inside the match. */
  valueStart: number;
  valueEnd: number;
}

/** The first match of `re` in `text`, with where its value (capture `group`) is. */
function findInline(text: string, re: RegExp, group = 1): InlineMatch | undefined {
  const m = re.exec(text);
  if (!m || m[group] === undefined) return undefined;
  const valueStart = m.index + m[0].indexOf(m[group]!);
  return { start: m.index, end: m.index + m[0].length, valueStart, valueEnd: valueStart + m[group]!.length };
}

/** `P1: …`, `**P1** …`, `[P1] …` at the start of an item. */
const LEAD_PRIORITY = /^(?:\*\*|__)?[[(]?(P[0-9])[\])]?(?:\*\*|__)?(?:\s*[:\u2014\u2013|-]\s*|\s+)/i;
/** A word priority at the start needs a colon or brackets, or `High availability for …` would match. */
const LEAD_WORD_PRIORITY = /^(?:\*\*|__)?(?:\[(Highest|High|Critical|Urgent|Medium|Med|Normal|Low|Lowest|Sev\s?[0-9])\]\s*|(Highest|High|Critical|Urgent|Medium|Med|Normal|Low|Lowest|Sev\s?[0-9])(?:\*\*|__)?\s*:\s*)/i;
const LABELLED_PRIORITY = /\b(?:priority|prio|pri)\s*[:=]\s*([\w-]{1,12})/i;
const BRACKET_PRIORITY = /[[(](P[0-9])[\])]/i;
const LABELLED_OWNER = /\b(?:owner|owners|assignee|assigned to|who)\s*[:=]\s*(@?[\p{L}\p{N}._-]{1,40}(?:\s[\p{Lu}][\p{L}.-]{1,30})?)/iu;
const HANDLE = /(?<![\w.@])(@[\p{L}\p{N}][\p{L}\p{N}._-]{0,39})/u;
const LABELLED_DEADLINE = /\b(?:due(?: date| by)?|deadline|eta|target date)\s*[:=]\s*([^,;:)\]|\n]{1,40}?)(?=\s*(?:[,;)\]|]|$|\s(?:owner|assignee|ticket|status|priority)\b))/i;
const BY_DATE = /\b(?:by|due|before|deadline)\s+(\d{4}-\d{2}-\d{2})\b/i;
const BARE_DATE = /(?<![\w-])(\d{4}-\d{2}-\d{2})(?![\w-])/;
const LABELLED_TICKET = /\b(?:ticket|issue|jira|tracking|link)\s*[:=]\s*(\S{1,200})/i;
const TICKET_KEY = /(?<![\w/-])([A-Z][A-Z0-9]{1,9}-\d{1,7})(?![\w-])/;
const TICKET_LINK = /(\[[^[\]\n]{1,100}\]\(https?:\/\/[^)\s]{1,500}\)|https?:\/\/[^\s)>\]]{1,500}|(?<![\w&])#\d{1,7}\b)/;
const LABELLED_STATUS = /\bstatus\s*[:=]\s*([\w -]{1,20}?)(?=\s*(?:[,;)\]|]|$))/i;

/** Inline fields of a list item, each the first pattern that matches, in order of preference. */
export function findInlineFields(text: string): Record<'priority' | 'owner' | 'deadline' | 'ticket' | 'status', InlineMatch | undefined> {
  return {
    priority: findInline(text, LEAD_PRIORITY) ?? findInline(text, LEAD_WORD_PRIORITY, 1) ?? findInline(text, LEAD_WORD_PRIORITY, 2) ??
      findInline(text, LABELLED_PRIORITY) ?? findInline(text, BRACKET_PRIORITY),
    owner: findInline(text, LABELLED_OWNER) ?? findInline(text, HANDLE),
    deadline: findInline(text, LABELLED_DEADLINE) ?? findInline(text, BY_DATE) ?? findInline(text, BARE_DATE),
    ticket: findInline(text, LABELLED_TICKET) ?? findInline(text, TICKET_KEY) ?? findInline(text, TICKET_LINK),
    status: findInline(text, LABELLED_STATUS),
  };
}
