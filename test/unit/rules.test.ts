import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lintText, RULES } from '../../src/core';
import type { Rule } from '../../src/core';
import { repoRoot } from './root';

const dir = join(repoRoot, 'test/fixtures/rules');
const TODAY = '2025-04-15';
const update = process.env.UPDATE_FIXTURES === '1';
/** Fixtures not named after a rule: they pin every finding of the whole document. */
const WHOLE_DOCUMENT_FIXTURES = ['frontmatter-broken', 'suppressions'];

/** `line:column ruleId` of each finding, the form the expected files use. */
const where = (text: string, ids?: string[]) =>
  lintText(text, { today: TODAY }).findings.filter((f) => !ids || ids.includes(f.ruleId)).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);

describe('rule fixtures: each rule reports exactly the expected lines', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    const base = name.replace(/\.md$/, '');
    const rule = RULES.find((r) => r.id === base);
    it(`${base}`, () => {
      // A rule's own fixture pins that rule; the listed whole-document fixtures pin every finding.
      assert.ok(rule || WHOLE_DOCUMENT_FIXTURES.includes(base), `${name} is named after no registered rule and is not listed in WHOLE_DOCUMENT_FIXTURES`);
      const text = readFileSync(join(dir, name), 'utf8');
      const actual = where(text, rule ? [rule.id] : undefined);
      const file = join(dir, `${base}.expected.json`);
      if (update) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      assert.ok(existsSync(file), `${base}.expected.json is missing: run with UPDATE_FIXTURES=1, check it and commit it`);
      assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
    });
  }
  it('has a fixture for every rule', () => {
    for (const r of RULES) assert.ok(existsSync(join(dir, `${r.id}.md`)), `test/fixtures/rules/${r.id}.md`);
  });
});

describe('the rule registry', () => {
  const ruleFiles = readdirSync(join(repoRoot, 'src/core/rules')).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'helpers.ts'].includes(f));
  it('registers every rule file in RULES exactly once, under the file\'s name', () => {
    for (const f of ruleFiles) {
      const id = f.replace(/\.ts$/, '');
      assert.equal(RULES.filter((r) => r.id === id).length, 1, `src/core/rules/${f}: rule "${id}" registered ${RULES.filter((r) => r.id === id).length} times in RULES`);
    }
    assert.equal(new Set(RULES).size, RULES.length, 'a rule object appears twice in RULES');
    assert.deepEqual(RULES.map((r) => `${r.id}.ts`).sort(), ruleFiles.sort(), 'every registered rule has its own file');
  });
  it('gives every registered rule a docs page and a fixture with expected findings', () => {
    for (const r of RULES) {
      assert.ok(existsSync(join(repoRoot, 'docs/rules', `${r.id}.md`)), `docs/rules/${r.id}.md`);
      assert.ok(existsSync(join(dir, `${r.id}.md`)), `test/fixtures/rules/${r.id}.md`);
      assert.ok(existsSync(join(dir, `${r.id}.expected.json`)), `test/fixtures/rules/${r.id}.expected.json`);
    }
  });
});

describe('clean documents produce nothing above info', () => {
  const clean = [join(repoRoot, 'examples/progress-sync-outage.md'), join(repoRoot, 'test/fixtures/seed-complete.md')];
  for (const file of clean) {
    it(`${file.replace(/^.*\/(test|examples)\//, '$1/')}`, () => {
      const findings = lintText(readFileSync(file, 'utf8'), { today: TODAY }).findings.filter((f) => f.severity !== 'info');
      assert.deepEqual(findings.map((f) => `${f.range.start.line} ${f.ruleId}: ${f.message}`), []);
    });
  }
  it('the seed example is not flagged by metrics-mismatch (23, 2 and 21 minutes fit)', () => {
    const text = readFileSync(clean[0]!, 'utf8');
    assert.deepEqual(lintText(text, { today: TODAY }).findings.filter((f) => f.ruleId === 'metrics-mismatch'), []);
  });
});

describe('the runner', () => {
  it('turns a rule that throws into one finding and keeps the other rules', () => {
    const boom: Rule = { ...RULES[0]!, id: 'boom-rule', check() { throw new Error('kaboom'); } };
    const errors: string[] = [];
    const r = lintText('# T\n\n## Action items\n\n- Fix it\n', { rules: [boom, ...RULES], onRuleError: (id) => errors.push(id) });
    const boomFindings = r.findings.filter((f) => f.ruleId === 'boom-rule');
    assert.equal(boomFindings.length, 1);
    assert.match(boomFindings[0]!.message, /kaboom/);
    assert.deepEqual(errors, ['boom-rule']);
    assert.ok(r.findings.some((f) => f.ruleId === 'action-missing-owner'));
  });
  it('applies severities and options from config, and reports unknown rules', () => {
    const text = readFileSync(join(dir, 'action-vague.md'), 'utf8');
    const off = lintText(text, { today: TODAY, config: { rules: { 'action-vague': 'off' } } });
    assert.equal(off.findings.filter((f) => f.ruleId === 'action-vague').length, 0);
    const err = lintText(text, { today: TODAY, config: { rules: { 'action-vague': ['error', {}], 'no-such-rule': 'off' } } });
    assert.ok(err.findings.filter((f) => f.ruleId === 'action-vague').every((f) => f.severity === 'error'));
    assert.match(err.configProblems[0]!.message, /Unknown rule "no-such-rule"/);
  });
  it('uses the configured priority scheme, why-chain length and required sections', () => {
    const text = '# T\n\n## Summary\n\nOrders timed out.\n\n## Action items\n\n| Priority | Action | Owner | Deadline |\n|---|---|---|---|\n| High | Add index on orders.user_id | @a | 2025-05-01 |\n\n## Root cause\n\nWhy?\n→ Because.\n';
    const custom = lintText(text, { today: TODAY, config: { priorities: ['Critical', 'High', 'Low'], whyChainLength: 1, requiredSections: ['summary', 'Follow-ups'] } });
    const ids = custom.findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('action-invalid-priority'));
    assert.ok(!ids.includes('five-whys-short'));
    assert.ok(!ids.includes('section-missing'));
  });
  it('keeps every finding inside the document', () => {
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      for (const f of lintText(text, { today: TODAY }).findings) {
        for (const p of [f.range.start, f.range.end]) {
          assert.ok(p.line >= 1 && p.line <= lines.length, `${name}: line ${p.line}`);
          assert.ok(p.column >= 1 && p.column <= lines[p.line - 1]!.length + 1, `${name}: ${p.line}:${p.column}`);
        }
      }
    }
  });
});
