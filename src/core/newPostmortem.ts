// The pure parts of "New Postmortem": the file name from a title and a date, a name that does not
// collide, the folder the configured globs point at, and a template filled with title, date and
// severity. Templates are either our snippet syntax (`${1:hint}`, `${2|a,b|}`, `${CURRENT_YEAR}`)
// or plain Markdown with `{{title}}`, `{{date}}`, `{{severity}}` and `{{cursor}}` markers.
// Hand-written scanners rather than regexes: no backtracking on any input.

/** Severities offered when the configuration names none. */
export const DEFAULT_SEVERITIES = ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'];

/** Most characters of a slug: long titles are cut at a word boundary. */
export const MAX_SLUG_LENGTH = 60;

/**
 * The title as a file-name slug: lower case, letters and digits of any script kept (accents
 * dropped from Latin letters), every other run of characters one `-`, cut at a word boundary near
 * {@link MAX_SLUG_LENGTH}. `postmortem` when nothing is left.
 */
export function slugify(title: string, max = MAX_SLUG_LENGTH): string {
  const plain = title.normalize('NFKD').toLowerCase();
  let out = '';
  let dash = false;
  for (const ch of plain) {
    // Combining marks (the accents NFKD split off) are dropped; letters and digits of any script stay.
    if (/\p{M}/u.test(ch)) continue;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (dash && out.length > 0) out += '-';
      out += ch;
      dash = false;
    } else dash = true;
  }
  if ([...out].length > max) {
    const chars = [...out].slice(0, max);
    const cut = chars.lastIndexOf('-');
    out = (cut > max / 2 ? chars.slice(0, cut) : chars).join('');
    while (out.endsWith('-')) out = out.slice(0, -1);
  }
  return out || 'postmortem';
}

/** `<date>-<slug>.md`, or with `-2`, `-3`… for the n-th try (n ≥ 2). */
export function postmortemFileName(date: string, title: string, n = 1): string {
  return `${date}-${slugify(title)}${n > 1 ? `-${n}` : ''}.md`;
}

/**
 * The first file name that `exists` says is free: `<date>-<slug>.md`, then `-2`, `-3`…
 * Returns undefined only after `limit` tries.
 */
export async function freeFileName(date: string, title: string, exists: (name: string) => boolean | Promise<boolean>, limit = 1000): Promise<string | undefined> {
  for (let n = 1; n <= limit; n++) {
    const name = postmortemFileName(date, title, n);
    if (!(await exists(name))) return name;
  }
  return undefined;
}

/**
 * The folder (relative to the workspace root, `/`-separated) that the configured postmortem globs
 * name first, e.g. `docs/postmortems` for `docs/postmortems/**\/*.md` and `postmortems` for
 * `**\/postmortems/**\/*.md`; undefined when no glob names a plain folder.
 */
export function folderFromGlobs(globs: readonly string[]): string | undefined {
  for (const glob of globs) {
    const parts = glob.split('/').filter((p) => p !== '' && p !== '.');
    const literal: string[] = [];
    for (const p of parts.slice(0, -1)) {
      if (p === '**' && literal.length === 0) continue;
      if (p.includes('*') || p.includes('?') || p.includes('[') || p.includes('{') || p === '**') break;
      literal.push(p);
    }
    if (literal.length > 0) return literal.join('/');
  }
  return undefined;
}

export interface TemplateValues {
  title: string;
  /** YYYY-MM-DD */
  date: string;
  severity: string;
}

export interface FilledTemplate {
  text: string;
  /** Where the cursor goes: the first field left to fill (0-based offsets into `text`). */
  cursor: { start: number; end: number };
}

/**
 * Fills a template. Snippet syntax: tabstop 1 (or a placeholder whose hint mentions a title) gets
 * the title, a choice containing a severity gets the severity, `${CURRENT_YEAR}` and friends the
 * date; other placeholders become their hint text, and the first of them (lowest tabstop number)
 * is where the cursor goes (only in a template that has `${`: elsewhere `$` is text). Plain markers: `{{title}}`, `{{date}}`, `{{severity}}` are replaced,
 * `{{cursor}}` is removed and marks the cursor. Without any field, the cursor goes to the end of
 * the first heading's paragraph line (or the start).
 */
export function fillTemplate(template: string, values: TemplateValues, severities: readonly string[] = DEFAULT_SEVERITIES): FilledTemplate {
  const [year, month, day] = values.date.split('-');
  const variables: Record<string, string> = { CURRENT_YEAR: year ?? '', CURRENT_MONTH: month ?? '', CURRENT_DATE: day ?? '', CURRENT_YEAR_SHORT: (year ?? '').slice(2) };
  const markers: Record<string, string> = { title: values.title, date: values.date, severity: values.severity };
  const isSeverityChoice = (choices: string[]) => choices.some((c) => severities.includes(c) || DEFAULT_SEVERITIES.includes(c));
  let titleStop: string | undefined;
  let out = '';
  let cursor: { start: number; end: number; order: number } | undefined;
  const stopValues = new Map<string, string>();
  // A plain Markdown template (no `${`) has no snippet fields: its `$` signs are text (`$100`).
  const snippetSyntax = template.includes('${');
  const offer = (start: number, end: number, order: number) => {
    if (!cursor || order < cursor.order) cursor = { start, end, order };
  };
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '\\' && i + 1 < template.length && '$}\\'.includes(template[i + 1]!)) {
      out += template[i + 1];
      i += 2;
      continue;
    }
    if (ch === '{' && template.startsWith('{{', i)) {
      const close = template.indexOf('}}', i + 2);
      const name = close < 0 ? undefined : template.slice(i + 2, close).trim().toLowerCase();
      if (name !== undefined && (name in markers || name === 'cursor')) {
        if (name === 'cursor') offer(out.length, out.length, -1);
        else out += markers[name];
        i = close + 2;
        continue;
      }
    }
    if (ch === '$' && snippetSyntax) {
      const field = readSnippetField(template, i);
      if (field) {
        i = field.end;
        if (field.variable !== undefined) {
          out += variables[field.variable] ?? field.hint ?? '';
          continue;
        }
        const stop = field.stop!;
        if (field.choices) {
          const value = isSeverityChoice(field.choices) ? values.severity : field.choices[0] ?? '';
          stopValues.set(stop, value);
          out += value;
          continue;
        }
        if (field.hint === undefined) {
          // A bare `$1` / `${1}` repeats what its tabstop got.
          out += stopValues.get(stop) ?? '';
          continue;
        }
        if (titleStop === undefined && (stop === '1' || /title|what broke/i.test(field.hint))) titleStop = stop;
        if (stop === titleStop) {
          stopValues.set(stop, values.title);
          out += values.title;
          continue;
        }
        const hint = fillTemplate(field.hint, values, severities).text;
        stopValues.set(stop, hint);
        offer(out.length, out.length + hint.length, Number(stop) || 0);
        out += hint;
        continue;
      }
    }
    out += ch;
    i++;
  }
  if (!cursor) {
    const heading = out.indexOf('\n#');
    const lineEnd = heading < 0 ? -1 : out.indexOf('\n', heading + 1);
    const at = lineEnd < 0 ? 0 : lineEnd + 1;
    cursor = { start: at, end: at, order: 0 };
  }
  return { text: out, cursor: { start: cursor.start, end: cursor.end } };
}

interface SnippetField {
  end: number;
  stop?: string;
  variable?: string;
  hint?: string;
  choices?: string[];
}

/** Reads `$1`, `${1}`, `${1:hint}` (hint may nest fields), `${1|a,b|}`, `$NAME`, `${NAME}`, `${NAME:default}` at `at`. */
function readSnippetField(s: string, at: number): SnippetField | undefined {
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  const isWord = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_' || isDigit(c));
  let i = at + 1;
  if (s[i] !== '{') {
    let j = i;
    if (isDigit(s[j])) {
      while (isDigit(s[j])) j++;
      return { end: j, stop: s.slice(i, j) };
    }
    while (isWord(s[j])) j++;
    const name = s.slice(i, j);
    return j > i && /^[A-Z_]+$/.test(name) ? { end: j, variable: name } : undefined;
  }
  i++;
  let j = i;
  while (isWord(s[j])) j++;
  const name = s.slice(i, j);
  if (j === i) return undefined;
  const numeric = /^\d+$/.test(name);
  const base: SnippetField = numeric ? { end: 0, stop: name } : { end: 0, variable: name };
  if (s[j] === '}') return { ...base, end: j + 1 };
  if (s[j] === '|' && numeric) {
    const close = s.indexOf('|}', j + 1);
    if (close < 0) return undefined;
    return { ...base, end: close + 2, choices: s.slice(j + 1, close).split(',') };
  }
  if (s[j] !== ':') return undefined;
  // The hint runs to the matching brace; nested `${…}` and escaped `\}` are skipped over.
  let depth = 1;
  let k = j + 1;
  while (k < s.length) {
    const c = s[k]!;
    if (c === '\\') k += 2;
    else if (c === '$' && s[k + 1] === '{') {
      depth++;
      k += 2;
    } else if (c === '}') {
      depth--;
      if (depth === 0) break;
      k++;
    } else k++;
  }
  if (depth !== 0) return undefined;
  return { ...base, end: k + 1, hint: s.slice(j + 1, k) };
}

/**
 * Whether an (empty) document looks like it is meant to be a postmortem by its path: a file name
 * with postmortem/post-mortem/incident in it, or a dated `YYYY-MM-DD-…` name. Matching the
 * configured globs is the caller's job.
 */
export function namedLikePostmortem(path: string): boolean {
  const name = (path.split('/').pop() ?? '').toLowerCase();
  if (!name.endsWith('.md')) return false;
  if (name.includes('postmortem') || name.includes('post-mortem') || name.includes('incident')) return true;
  return /^\d{4}-\d{2}-\d{2}-/.test(name);
}

/**
 * A template as snippet text for the editor's insertSnippet: our snippet syntax stays as it is; a
 * plain template has `$`, `}` and `\` escaped, `{{title}}` becomes tabstop 1, `{{severity}}` a
 * choice, `{{date}}` the date and `{{cursor}}` the final tabstop.
 */
export function templateAsSnippet(template: string, date: string, severities: readonly string[] = DEFAULT_SEVERITIES): string {
  if (template.includes('${')) return template;
  const markers: Record<string, string> = {
    title: '${1:Title}',
    severity: `\${2|${severities.map((s) => s.replace(/[,|\\$}]/g, '')).join(',')}|}`,
    date,
    cursor: '$0',
  };
  let out = '';
  let i = 0;
  while (i < template.length) {
    const ch = template[i]!;
    if (ch === '{' && template.startsWith('{{', i)) {
      const close = template.indexOf('}}', i + 2);
      const name = close < 0 ? undefined : template.slice(i + 2, close).trim().toLowerCase();
      if (name !== undefined && name in markers) {
        out += markers[name];
        i = close + 2;
        continue;
      }
    }
    out += ch === '$' || ch === '}' || ch === '\\' ? `\\${ch}` : ch;
    i++;
  }
  return out;
}
