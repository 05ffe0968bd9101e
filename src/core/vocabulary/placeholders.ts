/** Placeholders: template text left unfilled, and what people write in an owner field when nobody owns the item yet. */

/** Placeholder owner words, lowercase, compared with the whole owner text. */
export const PLACEHOLDER_OWNERS: readonly string[] = [
  'tbd', 'tba', 'tbc', 'n/a', 'na', 'none', 'nobody', 'someone', 'somebody', 'anyone', 'team', 'the team',
  'unassigned', 'unknown', 'todo', 'xxx', 'owner', '[owner]', '<owner>', '—', '–',
];

const WORDS = new Set(PLACEHOLDER_OWNERS);

/** Owners that name nobody: empty, a placeholder word, or only `?` or `-` characters. */
export function isPlaceholderOwner(text: string): boolean {
  const t = text.replace(/[`*_@]/g, '').trim().toLowerCase();
  return t === '' || WORDS.has(t) || /^(?:\?+|-+)$/.test(t);
}

/**
 * Template text nobody replaced, matched in one line (`^` and `$` are the line's ends): the usual
 * markers (`TBD`, `TODO`, `FIXME`, `XXX`), prose in angle brackets (`<describe the impact>`),
 * bracketed instructions (`[fill in]`, `[describe …]`), an ellipsis standing for an answer (a line
 * that is only `…`, `Why …?`, `→ …`; not a table cell of `…`, which often means "meanwhile"), and the defaults of this extension's own
 * snippets (`YYYY-MM-DD`, `HH:MM`, `@owner`, `a change someone can verify as done`, `how it was
 * noticed`, …). Global: reset `lastIndex` before `exec` loops.
 */
export const PLACEHOLDER = /(?<![\w-])(?:TBD|TBA|TBC|TODO|FIXME|XXX)(?![\w-])|<(?:[a-z][a-z'/-]*(?: [a-z][a-z,'/-]*){1,12}|owner|date|name|link|url|ticket|team|service|time|summary|description)>|\[(?:fill(?: it)? in|describe|insert|add|enter|write|your)\b[^\]\n]{0,80}\](?!\()|^[ \t]*(?:[-*+][ \t]+)?(?:\u2026|\.\.\.)[ \t]*$|(?<=(?:^|\u2192|->|=>|\b[Ww]hy)[ \t]{0,8})(?:\u2026|\.\.\.)(?=[ \t]{0,8}\??[ \t]{0,8}$)|(?<![\w-])(?:YYYY-MM-DD|HH:MM)(?![\w-])|(?<![\w@])@owner(?![\w-])|\b(?:a change someone can verify as done|a cause in the system, not a person|what let the cause through unnoticed|because \u2026|first thing that happened \(trigger\)|For how long, what users saw, what caused it and what stopped it|What broke, for whom)|\b(?:how it was noticed|what stopped the impact|who, and how many)(?=[ \t]*(?:\[|$))/g;

/** Words around placeholders in this extension's snippets, which are no content on their own. */
const SCAFFOLD = /\b(?:why|because)\b|[\u2192\u21d2]|->|=>/gi;

/**
 * Whether a text holds nothing but placeholders and the scaffolding around them (`Why …?`,
 * `→ because …`, `TBD.`): such text is not content, so a why-step or a section made of it is
 * still unwritten. Empty text is not a placeholder (it is simply empty).
 */
export function isPlaceholderText(text: string): boolean {
  const lines = text.split('\n').map((l) => l.replace(PLACEHOLDER, ' '));
  if (lines.join('\n') === text) return false;
  return !/[\p{L}\p{N}]/u.test(lines.join(' ').replace(SCAFFOLD, ' '));
}
