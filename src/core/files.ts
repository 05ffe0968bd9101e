import type { Postmortem } from './model';

/** A glob read into its alternatives (`{a,b}` expanded), each a list of path segments: `**` or a regex for one name. */
type CompiledGlob = Array<Array<RegExp | '**'>>;

const compiled = new Map<string, CompiledGlob | null>();

/** Most alternatives a glob's braces may expand to; a glob with more matches nothing. */
const MAX_ALTERNATIVES = 256;

/** Characters that stand for themselves in a glob but not in a regular expression. */
const REGEX_SPECIAL = /[.+^$()|\\/]/;

/** `{a,b}` alternatives expanded, nested ones too: `x/{a,{b,c}}` → `x/a`, `x/b`, `x/c`. Throws on an unclosed brace or too many alternatives. */
function expandBraces(glob: string): string[] {
  let open = -1;
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') i++;
    else if (glob[i] === '{') {
      open = i;
      break;
    }
  }
  if (open < 0) return [glob];
  // The matching close and the commas at this level.
  const commas: number[] = [];
  let depth = 0;
  let close = -1;
  for (let i = open; i < glob.length && close < 0; i++) {
    const c = glob[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) close = i;
    else if (c === ',' && depth === 1) commas.push(i);
  }
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

/**
 * The regular expression for one path segment of a glob (no `/`, no braces): `*` any characters of
 * a name, `?` one, `[Pp]` and `[!a]` character classes, `\x` a literal x. Dot files are matched like
 * any other name.
 */
export function globSegmentRegExp(segment: string): RegExp {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '\\' && i + 1 < segment.length) out += escapeChar(segment[++i]!);
    else if (c === '*') {
      while (segment[i + 1] === '*') i++;
      out += '.*';
    } else if (c === '?') out += '.';
    else if (c === '[' && segment.indexOf(']', i + 2) > 0) {
      const close = segment.indexOf(']', i + 2);
      out += `[${segment.slice(i + 1, close).replace(/^[!^]/, '^').replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
    } else out += escapeChar(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeChar(c: string): string {
  return REGEX_SPECIAL.test(c) || '*?[]{}'.includes(c) ? `\\${c}` : c;
}

/**
 * A glob with VS Code's semantics: `**` as a whole path segment any number of folders (also none,
 * so `**\/x.md` matches `x.md`, and `a/**` matches `a`), `*` and `?` within one name, `{a,b}`
 * alternatives (nested too), `[Pp]` and `[!a]` character classes, `\x` a literal x, dot files matched
 * like any other. Case-sensitive, as in VS Code settings. Null for a glob that cannot be read (an
 * unclosed `{`): it matches nothing rather than breaking every lint. Globs are cut at 500 characters.
 */
function compile(glob: string): CompiledGlob | null {
  let c = compiled.get(glob);
  if (c === undefined) {
    try {
      c = expandBraces(glob.slice(0, 500)).map((alternative) =>
        alternative.split('/').map((segment) => (segment === '**' ? '**' : globSegmentRegExp(segment))).filter((seg, i, all) => seg !== '**' || all[i - 1] !== '**'),
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
 * Whether path segments match glob segments. Segment by segment, remembering what was tried, so a
 * glob with several `**` is matched in time proportional to segments × segments (a regex with one
 * loop per `**` backtracks polynomially).
 */
function matchSegments(glob: Array<RegExp | '**'>, path: string[]): boolean {
  const tried = new Set<number>();
  const width = path.length + 1;
  const match = (g: number, p: number): boolean => {
    if (g === glob.length) return p === path.length;
    const key = g * width + p;
    if (tried.has(key)) return false;
    tried.add(key);
    const seg = glob[g]!;
    if (seg === '**') return match(g + 1, p) || (p < path.length && match(g, p + 1));
    return p < path.length && seg.test(path[p]!) && match(g + 1, p + 1);
  };
  return match(0, 0);
}

/** Whether a path (relative to the project, `/`-separated) matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').slice(0, 2000);
  const segments = p.split('/');
  return globs.some((g) => {
    const glob = compile(g);
    return glob !== null && glob.some((alternative) => matchSegments(alternative, segments) || (p.startsWith('/') && matchSegments(alternative, segments.slice(1))));
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
