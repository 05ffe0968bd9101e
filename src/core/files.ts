import type { Postmortem } from './model';

/**
 * One character of a name pattern: a literal, `?` (any one character), `*` (any run, also empty),
 * or a character class (`[Pp]`, `[a-c]`, `[!a]`).
 */
type NameToken = { kind: 'char'; char: string } | { kind: 'one' } | { kind: 'any' } | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> };
/** A name pattern, or `**` (any number of whole folders, also none). */
type Segment = NameToken[] | '**';
/** A glob read into its alternatives (`{a,b}` expanded), each a list of path segments. */
type CompiledGlob = Segment[][];

const compiled = new Map<string, CompiledGlob | null>();

/** Most alternatives a glob's braces may expand to; a glob with more matches nothing. */
const MAX_ALTERNATIVES = 256;
/** Most (glob segment, path segment) pairs one path is tried at, over all alternatives of all globs. */
const MAX_STATES = 100_000;

/** Where the class that opens at `open` closes, or -1: `[]a]` and `[!]a]` hold a `]`. */
function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === '!' || glob[i] === '^') i++;
  return glob.indexOf(']', i + 1);
}

/** `{a,b}` alternatives expanded, nested ones too: `x/{a,{b,c}}` → `x/a`, `x/b`, `x/c`. Throws on an unclosed brace or too many alternatives. */
function expandBraces(glob: string): string[] {
  // The first brace, its matching close and the commas at its level; escapes and classes are skipped.
  let open = -1;
  let close = -1;
  let depth = 0;
  const commas: number[] = [];
  for (let i = 0; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '[' && classEnd(glob, i) > 0) i = classEnd(glob, i);
    else if (c === '{') {
      if (depth++ === 0) open = i;
    } else if (c === '}' && depth > 0 && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
  if (open < 0) return [glob];
  if (close < 0) throw new Error(`unclosed "{" in the glob ${glob}`);
  const cuts = [open, ...commas, close];
  const out: string[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    for (const rest of expandBraces(glob.slice(0, open) + glob.slice(cuts[k]! + 1, cuts[k + 1]) + glob.slice(close + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) throw new Error(`the glob ${glob} has more than ${MAX_ALTERNATIVES} alternatives`);
    }
  }
  return out;
}

/** A name pattern (no `/`, no braces) read into tokens. */
function nameTokens(segment: string): NameToken[] {
  const out: NameToken[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) out.push({ kind: 'char', char: segment[++i]! });
    else if (c === '*') {
      if (out[out.length - 1]?.kind !== 'any') out.push({ kind: 'any' });
    } else if (c === '?') out.push({ kind: 'one' });
    else if (c === '[' && classEnd(segment, i) > 0) {
      const end = classEnd(segment, i);
      let body = segment.slice(i + 1, end);
      const negated = body[0] === '!' || body[0] === '^';
      if (negated) body = body.slice(1);
      const ranges: Array<[string, string]> = [];
      for (let k = 0; k < body.length; k++) {
        if (body[k + 1] === '-' && k + 2 < body.length) {
          ranges.push([body[k]!, body[k + 2]!]);
          k += 2;
        } else ranges.push([body[k]!, body[k]!]);
      }
      out.push({ kind: 'class', negated, ranges });
      i = end;
    } else out.push({ kind: 'char', char: c });
  }
  return out;
}

function matchesOne(token: NameToken, c: string): boolean {
  if (token.kind === 'one') return true;
  if (token.kind === 'char') return token.char === c;
  if (token.kind === 'class') return token.ranges.some(([from, to]) => c >= from && c <= to) !== token.negated;
  return false;
}

/**
 * Whether a name matches a name pattern. A star is tried at the fewest characters first and moved
 * on only when what follows fails, resuming at the last star only (the classic wildcard walk): time
 * is at most name × pattern, however many stars there are. An empty name matches only an empty pattern.
 */
function matchName(tokens: NameToken[], name: string): boolean {
  if (name === '') return tokens.length === 0;
  let t = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const token = tokens[t];
    if (token?.kind === 'any') {
      star = t++;
      resume = n;
    } else if (token !== undefined && matchesOne(token, name[n]!)) {
      t++;
      n++;
    } else if (star >= 0) {
      t = star + 1;
      n = ++resume;
    } else return false;
  }
  while (tokens[t]?.kind === 'any') t++;
  return t === tokens.length;
}

/**
 * A glob with VS Code's semantics: `**` as a whole path segment any number of folders (also none,
 * so `**\/x.md` matches `x.md`, and `a/**` matches `a`), `*` and `?` within one name, `{a,b}`
 * alternatives (nested too), `[Pp]`, `[a-c]` and `[!a]` character classes, `\x` a literal x, a
 * leading `./` ignored, dot files matched like any other. Case-sensitive, as in VS Code settings.
 * Null for a glob that cannot be read (an unclosed `{`): it matches nothing rather than breaking
 * every lint. Globs are cut at 500 characters.
 */
function compile(glob: string): CompiledGlob | null {
  let c = compiled.get(glob);
  if (c === undefined) {
    try {
      c = expandBraces(glob.slice(0, 500).replace(/^\.\//, '')).map((alternative) =>
        alternative
          .split('/')
          .map((segment): Segment => (segment === '**' ? '**' : nameTokens(segment)))
          // `**/**` is `**`.
          .filter((seg, i, all) => seg !== '**' || all[i - 1] !== '**'),
      );
    } catch {
      c = null;
    }
    if (compiled.size > 1000) compiled.clear();
    compiled.set(glob, c);
  }
  return c;
}

/**
 * Whether path segments match glob segments, segment by segment, remembering the pairs tried: a
 * glob with several `**` costs at most glob segments × path segments (a regex with one loop per
 * `**` backtracks polynomially). `budget.states` bounds the pairs over all the globs of one path.
 */
function matchSegments(glob: Segment[], path: string[], budget: { states: number }): boolean {
  const tried = new Set<number>();
  const width = path.length + 1;
  const match = (g: number, p: number): boolean => {
    if (g === glob.length) return p === path.length;
    const key = g * width + p;
    if (tried.has(key) || budget.states <= 0) return false;
    tried.add(key);
    budget.states--;
    const seg = glob[g]!;
    if (seg === '**') return match(g + 1, p) || (p < path.length && match(g, p + 1));
    return p < path.length && matchName(seg, path[p]!) && match(g + 1, p + 1);
  };
  return match(0, 0);
}

/** Whether a path (relative to the project, `/`-separated) matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').slice(0, 2000);
  const segments = p.split('/');
  // Absurd globs (hundreds of alternatives of hundreds of segments) stop matching rather than hang.
  const budget = { states: MAX_STATES };
  return globs.some((g) => {
    const glob = compile(g);
    return glob !== null && glob.some((alternative) => matchSegments(alternative, segments, budget) || (p.startsWith('/') && matchSegments(alternative, segments.slice(1), budget)));
  });
}

/** `README.md`, `index.md`, `_index.md`: a folder's own page, never a postmortem. */
const FOLDER_PAGE = /^(?:readme|index|_index)\.(?:md|markdown)$/i;
/** `template.md`, `postmortem-template.md`, `_template.md`, `template-incident.md`: a template, not a report. */
const TEMPLATE_NAME = /(?:^|[-_. ])templates?\.(?:md|markdown)$|^_?templates?[-_. ](?:post-?mortem|incident|rca|retro(?:spective)?|report)s?\.(?:md|markdown)$/i;
/** A folder of templates (`templates/`, `_templates/`, `.github/ISSUE_TEMPLATE/`). */
const TEMPLATE_FOLDER = /(?:^|\/)(?:_?templates?|issue_template)\//i;

/**
 * Whether a file found in a folder is a README, an index page or a template (by its name, its
 * folder, or `template: true` in its frontmatter): such files hold the shape of a postmortem, not
 * an incident, and are skipped when folders are searched.
 */
export function isTemplateOrIndex(path: string, pm: Postmortem | undefined): boolean {
  const p = path.replace(/\\/g, '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  if (FOLDER_PAGE.test(name) || TEMPLATE_NAME.test(name) || TEMPLATE_FOLDER.test(p)) return true;
  const flag = pm?.frontmatter?.data?.template;
  return flag === true || flag === 'true';
}

/**
 * Whether a document is a postmortem: its frontmatter says `type: postmortem` (another type says
 * it is not), its path matches the configured globs, or it has both a timeline with events and
 * action items. Other Markdown is never linted.
 */
export function isPostmortem(pm: Postmortem, path: string | undefined, globs: readonly string[]): boolean {
  const type = pm.frontmatter?.data?.type;
  if (typeof type === 'string') return /^(?:post-?mortem|incident(?:[- ]report)?|retrospective)$/i.test(type.trim());
  if (path !== undefined && matchesAnyGlob(path, globs)) return true;
  return pm.timeline.events.length > 0 && pm.actionItems.length > 0;
}
