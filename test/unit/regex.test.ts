// Every regular expression in src/ against adversarial inputs: long runs of the characters it
// repeats and typical postmortem fragments, 100,000 characters each. A regex that backtracks takes
// seconds or more on these; a linear one takes a few milliseconds. Test files run in parallel on a
// shared machine, so a slow input is measured again at a tenth of the size: a linear regex takes
// about a tenth of the time there, one that backtracks about a hundredth.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { matchesAnyGlob } from '../../src/core';
import { FUTURE, OPENS_WITH_SUBJECT, OWN_SUBJECT, SHARED_FUTURE } from '../../src/core/commitments';
import { COMMITMENT, IN_PROGRESS } from '../../src/core/vague';
import { ZONE_AFTER } from '../../src/core/parse/timeline/leading-time';
import { ZONE_IN_PARENS, ZONE_SENTENCE } from '../../src/core/parse/timeline/zones';
import { LEAD_STATUS_BOLD, LEAD_STATUS_BRACKET, LEAD_STATUS_COLON, LEAD_WORD_PRIORITY, PAREN_STATUS, TRAIL_PAREN_PRIORITY } from '../../src/core/parse/actions/fields';

import { repoRoot as root } from './root';
const N = 100_000;
// Linear regexes take 1–40 ms on 100,000 characters here (Unicode classes are the slow end); one that
// backtracks takes seconds to minutes, so the margin separates them cleanly.
const LIMIT_MS = 150;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/**
 * Every place in src/ that builds a regular expression at run time (`new RegExp(…)` or
 * `RegExp(…)`), as `file:name` of the module-level constant it initialises, or `file:line` when it
 * is built anywhere else (which the audit below then refuses).
 */
function builtSites(): string[] {
  const out: string[] = [];
  for (const file of sources(join(root, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const decl = node.parent;
        const topLevel = ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && ts.isSourceFile(decl.parent.parent.parent);
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push(`${file.slice(root.length + 1)}:${topLevel ? (decl.name as ts.Identifier).text : line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out.sort();
}

/** Every regex literal in src/, with where it is. */
function literals(): Array<{ where: string; re: RegExp }> {
  const out: Array<{ where: string; re: RegExp }> = [];
  for (const file of sources(join(root, 'src'))) {
    const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sf);
        const slash = text.lastIndexOf('/');
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        out.push({ where: `${file.slice(root.length + 1)}:${line + 1}`, re: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

const FRAGMENTS = [
  '- **14:23** — ', '14:23 UTC: ', '2025-04-20 ', '| P1 | ', '@bob ', 'Why ', '→ ', '**', '`x` ', '[a](', 'http://a', '<!--', '-->', '\\', '||', '::', '1:', 'a.b', '---', ' \t', '\r\n', '=HYPERLINK(', 'due: ', 'owner: ', 'P0', 'TBD', 'carelessly ', 'should have ', 'if only ', '<script>', '&amp;', "'", '"', ',', '🔥',
];

function inputsFor(re: RegExp): string[] {
  const chars = new Set([...re.source.replace(/\\[dDwWsSbBnrtfv]/g, '')].filter((c) => c >= ' ' && c <= '~'));
  for (const c of 'a A0 -:*_|@.#`\n') chars.add(c);
  const out = [...chars].map((c) => c.repeat(N));
  for (const f of FRAGMENTS) out.push(f.repeat(Math.ceil(N / f.length)).slice(0, N), `${f}${'a'.repeat(N)}`, `${'a '.repeat(N / 2)}${f}`);
  return out;
}

function timeOne(re: RegExp, input: string): number {
  const t = performance.now();
  re.lastIndex = 0;
  re.exec(input);
  if (re.global) input.replace(re, '');
  else re.test(input);
  return performance.now() - t;
}

function slowest(re: RegExp): { ms: number; input: string } {
  let worst = { ms: 0, input: '' };
  for (const input of inputsFor(re)) {
    let ms = timeOne(re, input);
    if (ms > LIMIT_MS) {
      ms = Math.min(ms, timeOne(re, input), timeOne(re, input));
      // Under load: grows ~10x from a tenth of the input when linear, ~100x when quadratic.
      const small = input.slice(0, N / 10);
      const tenth = Math.max(0.05, Math.min(timeOne(re, small), timeOne(re, small), timeOne(re, small)));
      if (ms / tenth < 30) ms = 0;
    }
    if (ms > worst.ms) worst = { ms, input };
  }
  return worst;
}

const describeInput = (s: string) => JSON.stringify(s.slice(0, 24)) + (s.length > 24 ? `… (${s.length} chars)` : '');

describe('regular expressions stay linear on adversarial input', () => {
  const found = literals();
  it('finds the regexes of src/', () => assert.ok(found.length > 100, `${found.length} literals`));
  it(`every regex literal in src/ runs under ${LIMIT_MS} ms on each 100,000-character input`, () => {
    const slow = found.map(({ where, re }) => ({ where, re, ...slowest(re) })).filter((r) => r.ms > LIMIT_MS);
    assert.deepEqual(slow.map((s) => `${s.where} ${s.re} took ${s.ms.toFixed(0)} ms on ${describeInput(s.input)}`), []);
  });
  // Each regex built at run time must be a module-level constant listed here, so it is audited too.
  const BUILT: Record<string, RegExp> = {
    'src/core/commitments.ts:FUTURE': FUTURE,
    'src/core/commitments.ts:SHARED_FUTURE': SHARED_FUTURE,
    'src/core/commitments.ts:OWN_SUBJECT': OWN_SUBJECT,
    'src/core/commitments.ts:OPENS_WITH_SUBJECT': OPENS_WITH_SUBJECT,
    'src/core/vague.ts:COMMITMENT': COMMITMENT,
    'src/core/vague.ts:IN_PROGRESS': IN_PROGRESS,
    'src/core/parse/timeline/leading-time.ts:ZONE_AFTER': ZONE_AFTER,
    'src/core/parse/timeline/zones.ts:ZONE_SENTENCE': ZONE_SENTENCE,
    'src/core/parse/timeline/zones.ts:ZONE_IN_PARENS': ZONE_IN_PARENS,
    'src/core/parse/actions/fields.ts:LEAD_STATUS_BOLD': LEAD_STATUS_BOLD,
    'src/core/parse/actions/fields.ts:LEAD_STATUS_BRACKET': LEAD_STATUS_BRACKET,
    'src/core/parse/actions/fields.ts:LEAD_STATUS_COLON': LEAD_STATUS_COLON,
    'src/core/parse/actions/fields.ts:PAREN_STATUS': PAREN_STATUS,
    'src/core/parse/actions/fields.ts:LEAD_WORD_PRIORITY': LEAD_WORD_PRIORITY,
    'src/core/parse/actions/fields.ts:TRAIL_PAREN_PRIORITY': TRAIL_PAREN_PRIORITY,
  };
  it('every new RegExp in src/ is a module-level constant this audit knows', () => {
    assert.deepEqual(builtSites(), Object.keys(BUILT).sort());
  });
  it('the regexes built at run time too', () => {
    const built: Array<[string, RegExp]> = [
      ...Object.entries(BUILT),
    ];
    const slow = built.map(([name, re]) => ({ name, ...slowest(re) })).filter((r) => r.ms > LIMIT_MS);
    assert.deepEqual(slow.map((s) => `${s.name} took ${s.ms.toFixed(0)} ms on ${describeInput(s.input)}`), []);
  });
  it('globs stay fast on any path: names are matched by a wildcard walk, several ** segment by segment, a path is read up to 2,000 characters', () => {
    // Globs are not regexes any more (src/core/files.ts): audited through matchesAnyGlob, as callers see them.
    const globs = ['**/a*b*c*d*e*.md', '**/x/**/y/**/z/**', '*{a,b}*{c,d}*.md', '**/**/**/**/*.md', '**/postmortems/**/*.md',
      '**/*-*-*-*-*-*.md', '*a*a*a*a*b', `${'**/a/'.repeat(88)}x{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}`, `${'**/*/'.repeat(88)}x{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}`];
    const slow = globs.map((glob) => {
      const viaMatcher = { source: glob, global: false, lastIndex: 0, exec: (p: string) => matchesAnyGlob(p, [glob]), test: (p: string) => matchesAnyGlob(p, [glob]) } as unknown as RegExp;
      const inputs = ['a.b', 'x/', 'x/y/', 'ab/', '/', 'a', '-', 'a/'].map((f) => f.repeat(Math.ceil(N / f.length)).slice(0, N));
      return { glob, ...slowest(viaMatcher), extra: Math.max(...inputs.map((i) => timeOne(viaMatcher, i))) };
    }).filter((r) => r.ms > LIMIT_MS || r.extra > LIMIT_MS);
    assert.deepEqual(slow.map((s) => `${s.glob.slice(0, 60)} took ${Math.max(s.ms, s.extra).toFixed(0)} ms`), []);
  });
});
