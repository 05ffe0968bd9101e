/**
 * The few operations the engine needs on `/`-separated absolute paths. Hosts convert their own
 * paths (Windows paths, URIs) to this form, so core stays free of Node's `path` module.
 */

/** A path with `\` turned into `/`, without a trailing `/` (except for the root). */
export function normalizePath(path: string): string {
  const p = path.replace(/\\/g, '/');
  return p.length > 1 && p.endsWith('/') && !/^[A-Za-z]:\/$/.test(p) ? p.replace(/\/+$/, '') : p;
}

/** The folder of a path: `/a/b.md` → `/a`, `/a` → `/`. */
export function dirname(path: string): string {
  const p = normalizePath(path);
  const i = p.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  const d = p.slice(0, i);
  return /^[A-Za-z]:$/.test(d) ? `${d}/` : d;
}

export function joinPath(folder: string, name: string): string {
  return folder.endsWith('/') ? `${folder}${name}` : `${folder}/${name}`;
}

/** `path` relative to `folder` when it lies inside it, else undefined. */
export function relativePath(folder: string, path: string): string | undefined {
  const f = normalizePath(folder);
  const p = normalizePath(path);
  if (p === f) return '';
  const prefix = f.endsWith('/') ? f : `${f}/`;
  return p.startsWith(prefix) ? p.slice(prefix.length) : undefined;
}

/** The last part of a path. */
export function basename(path: string): string {
  const p = normalizePath(path);
  return p.slice(p.lastIndexOf('/') + 1);
}
