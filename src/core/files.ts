import type { Postmortem } from './model';

/**
 * Converts a glob to a regular expression over `/`-separated paths: `**` any number of folders,
 * `*` and `?` within one name, `{a,b}` alternatives. Matching is case-sensitive, as globs are in
 * VS Code settings.
 */
export function globToRegExp(glob: string): RegExp {
  // Repeated `**/` match the same thing as one, and nested ones would backtrack.
  glob = glob.replace(/(?:\*\*\/){2,}/g, '**/').slice(0, 500);
  let re = '';
  let depth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:[^/]*/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      depth++;
    } else if (c === '}' && depth > 0) {
      re += ')';
      depth--;
    } else if (c === ',' && depth > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a path (relative to the workspace, `/`-separated) matches any of the globs. */
export function matchesAnyGlob(path: string, globs: readonly string[]): boolean {
  const p = path.replace(/\\/g, '/').replace(/^\.\//, '').slice(0, 2000);
  return globs.some((g) => {
    const re = globToRegExp(g);
    // A glob starting with `**/` also matches at the top level.
    return re.test(p) || re.test(`/${p}`);
  });
}

/**
 * Whether a document is a postmortem: its path matches the configured globs, its frontmatter says
 * `type: postmortem`, or it has both a timeline with events and action items. Other Markdown is
 * never linted.
 */
export function isPostmortem(pm: Postmortem, path: string | undefined, globs: readonly string[]): boolean {
  const type = pm.frontmatter?.data?.type;
  if (typeof type === 'string') return /^(?:post-?mortem|incident(?:[- ]report)?|retrospective)$/i.test(type.trim());
  if (path !== undefined && matchesAnyGlob(path, globs)) return true;
  return pm.timeline.events.length > 0 && pm.actionItems.length > 0;
}
