import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root: the nearest folder above this file (source or bundle) with a package.json. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const repoRoot = findRoot(__dirname);

/** A file of the repository as text. */
export function readRepoFile(...parts: string[]): string {
  return readFileSync(join(repoRoot, ...parts), 'utf8');
}
