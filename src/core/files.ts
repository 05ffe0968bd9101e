import picomatch from 'picomatch/posix';
import type { Postmortem } from './model';

const matchers = new Map<string, (path: string) => boolean>();

/**
 * A matcher for one glob with VS Code's semantics: `**` any number of folders (also none, so
 * `**\/x.md` matches `x.md`), `*` and `?` within one name, `{a,b}` alternatives, `[Pp]` character
 * classes, dot files matched like any other. Case-sensitive, as in VS Code settings.
 */
function matcher(glob: string): (path: string) => boolean {
  let m = matchers.get(glob);
  if (!m) {
    try {
      m = picomatch(glob.slice(0, 500), { dot: true });
    } catch {
      // A glob picomatch cannot read matches nothing, rather than breaking every lint.
      m = () => false;
    }
    if (matchers.size > 1000) matchers.clear();
    matchers.set(glob, m);
  }
  return m;
}

/** The regular expression picomatch builds for a glob (the regex timing test audits it). */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(glob.slice(0, 500), { dot: true });
}

/** Whether a path (relative to the project, `/`-separated) matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').slice(0, 2000);
  return globs.some((g) => matcher(g)(p) || (p.startsWith('/') && matcher(g)(p.slice(1))));
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
