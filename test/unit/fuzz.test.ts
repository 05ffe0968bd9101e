// Property-based fuzzing: random Markdown and mutated postmortems through every stage of the
// product. `npm test` runs a bounded number of cases (FUZZ_RUNS, default 250 per property);
// `npm run test:fuzz` runs many more. A failing case is shrunk by fast-check and written to
// test/fixtures/fuzz-regressions/, where fuzz-regressions.test.ts keeps it as a regression test.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { exercise, ghScripts } from './exercise';
import { repoRoot } from './root';

const root = repoRoot;
const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const regressions = join(root, 'test/fixtures/fuzz-regressions');
const seeds = [join(root, 'examples/progress-sync-outage.md'), ...readdirSync(join(root, 'test/fixtures')).filter((f) => f.endsWith('.md')).map((f) => join(root, 'test/fixtures', f))]
  .map((f) => readFileSync(f, 'utf8'));

function keep(text: string): string {
  const name = `${createHash('sha256').update(text).digest('hex').slice(0, 12)}.md`;
  writeFileSync(join(regressions, name), text);
  return name;
}

/** fc.assert, writing the shrunk counterexample to the regression folder. */
function check(property: fc.IProperty<[string]>): void {
  try {
    fc.assert(property, { numRuns: RUNS });
  } catch (e) {
    const m = /Counterexample: \[(".*")\]/s.exec(String((e as Error).message));
    if (m) {
      try {
        console.log(`# kept fuzz counterexample as test/fixtures/fuzz-regressions/${keep(JSON.parse(m[1]!))}`);
      } catch { /* not JSON: the message has the case */ }
    }
    throw e;
  }
}

const SECTION = fc.constantFrom('Summary', 'Impact', 'Timeline', 'Timeline (all times UTC)', 'Root cause', 'Five whys', 'Contributing factors', 'Action items', 'Follow-ups', 'Lessons learned', 'Notes');
const TIME = fc.tuple(fc.integer({ min: 0, max: 29 }), fc.integer({ min: 0, max: 75 })).map(([h, m]) => `${h}:${String(m).padStart(2, '0')}`);
const WORDS = fc.array(fc.constantFrom('deploy', 'alert', 'fires', 'Alice', 'rolls back', 'resolved', 'P1', '@bob', '2025-04-20', 'TBD', '|', '**', '`', '<script>', '=HYPERLINK(', '$(rm -rf ~)', "'", '"', '→', 'Why?', '\u0000', '\u200b', '🔥', '\\|', '[x]', '<!-- postmortem-disable -->', 'UTC', '+02:00', 'unfortunately!', 'carelessly'), { maxLength: 12 }).map((w) => w.join(' '));
const TEXT = fc.oneof(WORDS, fc.string({ maxLength: 40 }), fc.fullUnicodeString({ maxLength: 20 }));

const BLOCK = fc.oneof(
  SECTION.map((s) => `## ${s}`),
  fc.tuple(fc.integer({ min: 1, max: 6 }), TEXT).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.tuple(TIME, TEXT).map(([t, x]) => `- **${t}** — ${x}`),
  fc.tuple(TIME, TEXT).map(([t, x]) => `${t} UTC: ${x}`),
  fc.array(TEXT, { minLength: 1, maxLength: 7 }).map((cells) => `| ${cells.join(' | ')} |`),
  fc.constant('| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |'),
  fc.tuple(fc.constantFrom('P0', 'P1', 'High', '', 'P9'), TEXT, TEXT, fc.constantFrom('2025-04-20', 'soon', '', 'Done', '2025-02-30')).map(([p, a, o, d]) => `| ${p} | ${a} | ${o} | ${d} |`),
  fc.tuple(TEXT, TEXT).map(([q, a]) => `Why ${q}?\n→ ${a}`),
  fc.constant('```\n14:23 inside an unclosed fence'),
  fc.constant('---\ntitle: "broken\ndate: [\n---'),
  fc.integer({ min: 1, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- nested ${i}`).join('\n')),
  TEXT,
);

const DOCUMENT = fc.tuple(fc.array(BLOCK, { maxLength: 25 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([blocks, eol, bom]) => `${bom ? '\uFEFF' : ''}${blocks.join('\n\n').replace(/\n/g, eol)}`);

/** A known postmortem with random damage: cuts, insertions, swapped lines, changed line endings. */
const MUTATED = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 4 }), TEXT), { minLength: 1, maxLength: 6 }))
  .map(([text, edits]) => {
    let t = text;
    for (const [a, b, kind, junk] of edits) {
      const i = a % (t.length + 1);
      const j = Math.min(t.length, i + (b % 200));
      if (kind === 0) t = t.slice(0, i) + t.slice(j);
      else if (kind === 1) t = t.slice(0, i) + junk + t.slice(i);
      else if (kind === 2) {
        const lines = t.split('\n');
        const x = a % lines.length;
        const y = b % lines.length;
        [lines[x], lines[y]] = [lines[y]!, lines[x]!];
        t = lines.join('\n');
      } else if (kind === 3) t = t.replace(/\n/g, a % 2 ? '\r\n' : '\r');
      else t = t.slice(0, i) + '|'.repeat(b % 20) + t.slice(i);
    }
    return t;
  });

describe('fuzz: nothing a document contains crashes, hangs or escapes', () => {
  it(`random Markdown built from postmortem parts (${RUNS} cases)`, () => check(fc.property(DOCUMENT, (text) => exercise(text))));
  it(`mutated postmortems (${RUNS} cases)`, () => check(fc.property(MUTATED, (text) => exercise(text))));
  it(`arbitrary Unicode text (${RUNS} cases)`, () => check(fc.property(fc.fullUnicodeString({ maxLength: 400 }), (text) => exercise(text))));
  it('every gh script written above passes bash -n', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-fuzz-'));
    try {
      const file = join(dir, 'all.sh');
      writeFileSync(file, ghScripts.join('\n'));
      const r = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.ok(ghScripts.length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('hostile inputs of extreme shape', () => {
  const cases: Array<[string, string]> = [
    ['a 1 MB single line', `# T\n\n## Timeline\n\n- 10:00 ${'x'.repeat(1_000_000)}\n`],
    ['100,000 pipes', `## Action items\n\n| a | b |\n|---|---|\n${'|'.repeat(100_000)}\n`],
    ['lists nested 200 deep', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- 10:${String(i % 60).padStart(2, '0')} item`).join('\n')],
    ['NUL and control characters', `# T\u0000\n\n## Timeline\n\n- 10:00 \u0001\u0002\u0003\u0007\u001b[31m red\n`],
    ['an unclosed HTML comment', `# T\n\n## Action items\n\n- P1: <!-- ${'a'.repeat(200_000)}\n`],
    ['many unclosed comments', `## Action items\n\n${'- P1: <!-- x\n'.repeat(5000)}`],
    ['a binary file', Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)).toString('latin1')],
    ['50,000 timestamps', `## Timeline\n\n${Array.from({ length: 50_000 }, (_, i) => `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} e`).join('\n')}\n`],
  ];
  for (const [name, text] of cases) it(name, () => exercise(text));
});
