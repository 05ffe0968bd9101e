import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Config, ConfigProblem } from '../core';
import { parseConfigText } from '../core';

export const CONFIG_FILE = '.postmortem.yaml';

/** The nearest `.postmortem.yaml` in the file's folder or above it. */
export function findConfigFile(file: string): string | undefined {
  let dir = dirname(resolve(file));
  for (;;) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const cache = new Map<string, { config: Config; problems: ConfigProblem[] }>();

/** Reads and parses a config file once per run. */
export function loadConfigFile(path: string): { config: Config; problems: ConfigProblem[] } {
  const key = resolve(path);
  let hit = cache.get(key);
  if (!hit) {
    hit = parseConfigText(readFileSync(key, 'utf8'));
    cache.set(key, hit);
  }
  return hit;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

/** Markdown files under a folder, sorted, skipping dependency and build folders. */
export function markdownFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) visit(p);
      } else if (/\.(?:md|markdown)$/i.test(name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

/** A path relative to the working folder with `/` separators, for glob matching and output. */
export function displayPath(p: string): string {
  const rel = relative(process.cwd(), resolve(p));
  return (rel.startsWith('..') ? resolve(p) : rel).split(sep).join('/');
}
