// Fix mode: the fixes that need no choice, applied by one function for the CLI and the editor.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { main } from '../../src/cli/main';
import { applyEdits, applyFixes, lintText, safeEdits } from '../../src/core';

const TODAY = '2025-04-15';
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);

const BROKEN = [
  '# Cache outage', '',
  '## Timeline', '',
  '- 14:30 Alert fires',
  '- 14:25 Error rate rises',
  '- 14:40 Cache restarted', '',
  '## Action items', '',
  '| Priority | Action | Owner | Deadline |',
  '| --- | --- | --- | --- |',
  '| High | Alert on cache evictions above 1k/s | @ana | 2025-05-01 |',
  '| Medium | Size the cache for twice the peak | @raj | 2025-06-01 |', '',
].join('\n');

describe('applyFixes', () => {
  it('maps priority words, puts the zone on the heading and the entries in order, and nothing else', () => {
    const { text, applied } = applyFixes(BROKEN, { today: TODAY });
    assert.equal(text, BROKEN
      .replace('## Timeline', '## Timeline (all times UTC)')
      .replace('- 14:30 Alert fires\n- 14:25 Error rate rises', '- 14:25 Error rate rises\n- 14:30 Alert fires')
      .replace('| High |', '| P1 |')
      .replace('| Medium |', '| P2 |'));
    assert.equal(applied, 4);
    const left = lintText(text, { today: TODAY }).findings.map((f) => f.ruleId);
    for (const rule of ['timeline-out-of-order', 'timeline-no-timezone', 'action-invalid-priority']) assert.ok(!left.includes(rule), rule);
  });
  it('never applies a fix that needs a choice (an owner, a deadline, a section)', () => {
    const text = '# Outage\n\n## Action items\n\n- Add a lag alert on the replica\n';
    assert.equal(applyFixes(text, { today: TODAY }).text, text);
    assert.ok(lintText(text, { today: TODAY }).findings.some((f) => f.fixes.length > 0));
  });
  it('leaves a document without safe fixes byte for byte alone, CRLF included', () => {
    const text = '# Outage\r\n\r\n## Timeline (UTC)\r\n\r\n- 14:25 Error rate rises\r\n';
    assert.equal(applyFixes(text).text, text);
  });
  it('takes one of two edits at the same place, and the other on the next pass', () => {
    const a = { range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, newText: 'x' };
    const b = { range: { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } }, newText: 'y' };
    const finding = (edit: typeof a) => ({ ruleId: 'r', severity: 'warning' as const, message: '', range: edit.range, fixes: [{ title: 't', edits: [edit], safe: true }] });
    assert.deepEqual(safeEdits([finding(a), finding(b)]), [a]);
    assert.equal(applyEdits('abc', [a]), 'xabc');
  });
});

/** Lines of postmortems, fixable and not, that documents are built from. */
const LINES = [
  '# Outage', '## Timeline', '## Timeline (UTC)', '### 2025-04-14', '- 14:30 Alert fires', '- 14:25 Error rate rises', '- 09:05 Deploy',
  '- **10:00** — Rollback', '- 23:50 Queue grows', '- 00:10 Queue drains', '', 'Some prose about the cause.', '## Action items',
  '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |', '| High | Add an alert | @ana | 2025-05-01 |',
  '| Sev2 | Fix the cache | TBD | soon |', '| P1 | Pin the image | @raj | 2025-05-02 |', '- [P1] Rotate the key (owner: Jo)',
  '- **HIGH** Add a canary', '- Low: document the runbook', '## Root cause', 'Why? Because.',
];
const documents = fc.array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 25 }).map((ls) => `${ls.join('\n')}\n`);

/** Whether `small` appears in `big` in order (not necessarily adjacent). */
function isSubsequence(small: readonly string[], big: readonly string[]): boolean {
  let i = 0;
  for (const line of big) if (i < small.length && line === small[i]) i++;
  return i === small.length;
}

describe('applyFixes, property-based', () => {
  it('never changes a line that no fix targets, pass after pass', () => {
    fc.assert(fc.property(documents, (doc) => {
      let current = doc;
      for (let pass = 0; pass < 10; pass++) {
        const edits = safeEdits(lintText(current, { today: TODAY }).findings);
        if (edits.length === 0) break;
        const targeted = new Set<number>();
        for (const e of edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) targeted.add(l);
        const lines = current.split('\n');
        const untouched = lines.filter((_, i) => !targeted.has(i + 1));
        const next = applyEdits(current, edits);
        assert.ok(isSubsequence(untouched, next.split('\n')), `pass ${pass} changed an untargeted line`);
        current = next;
      }
    }), { numRuns: RUNS });
  });
  it('is idempotent: fixing a fixed document changes nothing', () => {
    fc.assert(fc.property(documents, (doc) => {
      const once = applyFixes(doc, { today: TODAY }).text;
      assert.equal(applyFixes(once, { today: TODAY }).text, once);
    }), { numRuns: RUNS });
  });
});

describe('postmortem lint --fix', () => {
  it('writes the fixed file, reports what is left, and refuses standard input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-fix-'));
    try {
      const file = join(dir, 'postmortem.md');
      writeFileSync(file, `\ufeff${BROKEN}`);
      const out: string[] = [];
      const err: string[] = [];
      const code = await main(['lint', '--fix', '--today', TODAY, file], { out: (s) => out.push(s), err: (s) => err.push(s) });
      assert.equal(code, 0);
      const fixed = readFileSync(file, 'utf8');
      assert.equal(fixed.charCodeAt(0), 0xfeff, 'the byte-order mark stays');
      assert.equal(fixed.slice(1), applyFixes(BROKEN, { today: TODAY }).text);
      assert.match(err.join('\n'), /^fixed 4 problems in 1 file$/m);
      assert.ok(!out.join('\n').includes('timeline-out-of-order'));
      const stdin = await main(['lint', '--fix', '-'], { out: () => {}, err: () => {}, stdin: () => BROKEN });
      assert.equal(stdin, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
