// Shared by the extension-*.test.ts files: the repository root, found by walking up to package.json.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const root = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
})();

export function readRepoFile(...parts: string[]): string {
  return readFileSync(join(root, ...parts), 'utf8');
}
