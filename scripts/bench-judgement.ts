// `npm run bench:judgement [-- DOCS]`: what action-vague and blame-language cost in lint time on
// documents of about 150 lines (130–170; the examples, fixtures and demo of this repository when no
// folder is given). Lints each document with every rule and with those two rules off, in one run,
// alternating, and prints the medians and their ratio. Lint time with the rules ÷ without them bounds
// how much the judgement rules can have grown lint time: the ratio must stay under 2. Not a test.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/core/lint';
import type { Config } from '../src/core';

const root = join(__dirname, '..');
const folders = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const dirs = folders.length > 0 ? folders : ['examples', 'test/fixtures', 'test/fixtures/rules', 'examples/demo'].map((d) => join(root, d));
const docs: string[] = [];
for (const dir of dirs) {
  for (const name of readdirSync(dir).filter((f) => /\.md(?:\.tmpl)?$/.test(f))) {
    const text = readFileSync(join(dir, name), 'utf8');
    const lines = text.split('\n').length;
    if (lines >= 130 && lines <= 170) docs.push(text);
  }
}
if (docs.length === 0) {
  // No document of that size: a 150-line one from the longest, repeated.
  const all = dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(d, f), 'utf8')));
  const longest = all.sort((a, b) => b.length - a.length)[0] ?? '';
  docs.push(Array.from({ length: 10 }, () => longest).join('\n').split('\n').slice(0, 150).join('\n'));
}
const without: Config = { rules: { 'action-vague': 'off', 'blame-language': 'off' } };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const run = (config: Config | undefined) => {
  const start = process.hrtime.bigint();
  for (const d of docs) lintText(d, { today: '2026-11-27', ...(config ? { config } : {}) });
  return Number(process.hrtime.bigint() - start) / 1e6 / docs.length;
};
for (let i = 0; i < 3; i++) { run(undefined); run(without); }
const withRules: number[] = [];
const withoutRules: number[] = [];
for (let i = 0; i < 15; i++) {
  withRules.push(run(undefined));
  withoutRules.push(run(without));
}
const a = median(withRules);
const b = median(withoutRules);
console.log(`${docs.length} documents of 130–170 lines; median lint time per document: every rule ${a.toFixed(1)} ms, without action-vague and blame-language ${b.toFixed(1)} ms`);
console.log(`ratio ${(a / b).toFixed(2)} (lint time can at most have grown by this factor through the judgement rules; the goal is under 2)`);
