import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, lintText } from '../../src/core';
import type { Fix } from '../../src/core';
import { repoRoot } from './root';
import { inDocumentOrder } from './support/edits';

const dir = join(repoRoot, 'test/fixtures/rules');
const TODAY = '2025-04-15';

/** The text after a fix, applied by core's applyEdits (as the CLI and the editor apply fixes). */
function apply(text: string, fix: Fix): string {
  return applyEdits(text, inDocumentOrder(fix.edits));
}

function fixesFor(text: string, ruleId: string, line: number): Fix[] {
  const f = lintText(text, { today: TODAY }).findings.find((x) => x.ruleId === ruleId && x.range.start.line === line);
  assert.ok(f, `a ${ruleId} finding on line ${line}`);
  return f.fixes;
}

const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

describe('quick fixes edit the text as their titles say', () => {
  it('maps High to P1 as the preferred priority fix', () => {
    const text = readFileSync(join(dir, 'action-invalid-priority.md'), 'utf8');
    const fixes = fixesFor(text, 'action-invalid-priority', 7);
    assert.equal(fixes[0]!.title, 'Change priority to P1 (what "High" maps to)');
    assert.equal(fixes[0]!.preferred, true);
    assert.equal(lineOf(apply(text, fixes[0]!), 7), '| P1 | Add retry budget to payments-client | @nora | 2025-07-01 |');
  });
  it('writes an owner into an empty cell and over a placeholder', () => {
    const text = readFileSync(join(dir, 'action-missing-owner.md'), 'utf8');
    const empty = fixesFor(text, 'action-missing-owner', 7);
    assert.ok(empty.length > 0);
    assert.equal(lineOf(apply(text, empty.find((f) => f.title === 'Set owner to nora')!), 7), '| P1 | Add p99 latency alert on checkout-api at 300ms | nora | 2025-05-01 |');
    const tbd = fixesFor(text, 'action-missing-owner', 8);
    assert.equal(lineOf(apply(text, tbd.find((f) => f.title === 'Set owner to nora')!), 8), '| P1 | Add p99 latency alert on cart-api at 300ms | nora | 2025-05-01 |');
    // A ragged row has no cell to write into: no fix rather than a broken table.
    assert.deepEqual(fixesFor(text, 'action-missing-owner', 13), []);
  });
  it('offers deadlines 7, 14 and 30 days out, in a cell or inline', () => {
    const text = readFileSync(join(dir, 'action-missing-deadline.md'), 'utf8');
    const cell = fixesFor(text, 'action-missing-deadline', 8);
    assert.deepEqual(cell.map((f) => f.title), ['Set deadline to 2025-04-22 (in 7 days)', 'Set deadline to 2025-04-29 (in 14 days)', 'Set deadline to 2025-05-15 (in 30 days)']);
    assert.equal(lineOf(apply(text, cell[0]!), 8), '| P1 | Add alert on replication lag above 30s | @bo | 2025-04-22 |');
    const inline = fixesFor(text, 'action-missing-deadline', 12);
    assert.equal(lineOf(apply(text, inline[0]!), 12), '- [ ] P2: Document failover of db-primary in runbooks/db.md — owner: @kim, due: 2025-04-22');
  });
  it('adds a missing priority at the start of a list item', () => {
    const text = readFileSync(join(dir, 'action-missing-priority.md'), 'utf8');
    const fix = fixesFor(text, 'action-missing-priority', 5).find((f) => f.title.startsWith('Set priority P0'))!;
    assert.equal(lineOf(apply(text, fix), 5), '- P0: Add index on `orders.created_at` — owner: @ana, due: 2025-05-01');
  });
  it('inserts a missing section where it belongs', () => {
    const text = readFileSync(join(dir, 'section-missing.md'), 'utf8');
    const fixes = lintText(text, { today: TODAY }).findings.filter((f) => f.ruleId === 'section-missing').map((f) => f.fixes[0]!);
    const impact = apply(text, fixes.find((f) => f.title === 'Insert section "Impact"')!);
    assert.match(impact, /The cache ran out of memory\.\n\n## Impact\n\n- Who was affected, and how many:\n- For how long:\n- What they could not do:\n\n## Timeline/);
    const actions = apply(text, fixes.find((f) => f.title === 'Insert section "Action items"')!);
    assert.match(actions, /## Timeline \(all times UTC\)\n\n- 14:00 Cache evictions start\n\n## Action items\n\n\| Priority \| Action \| Owner \| Deadline \|/);
    // The skeleton is template text: the finding moves to the inserted heading until the items are written.
    const after = lintText(actions, { today: TODAY }).findings.filter((f) => f.ruleId === 'section-missing' && f.message.startsWith('Missing section: Action items'));
    assert.deepEqual(after.map((f) => [f.range.start.line, f.fixes.length]), [[actions.split('\n').indexOf('## Action items') + 1, 0]]);
  });
  it('puts the timeline in order, keeping midnight rollover', () => {
    const text = readFileSync(join(dir, 'timeline-out-of-order.md'), 'utf8');
    const fixed = apply(text, fixesFor(text, 'timeline-out-of-order', 8)[0]!);
    assert.deepEqual(fixed.split('\n').slice(4, 9), [
      '- 23:50 Batch job starts', '- 23:58 Consumer lag alert fires', '- 00:02 Lag reaches 2M messages', '- 00:05 On-call acknowledges', '- 00:30 Consumers scaled out, lag back to baseline',
    ]);
    assert.equal(lintText(fixed, { today: TODAY }).findings.filter((f) => f.ruleId === 'timeline-out-of-order').length, 0);
  });
  it('names the time zone in the timeline heading', () => {
    const text = readFileSync(join(dir, 'timeline-no-timezone.md'), 'utf8');
    const fixed = apply(text, fixesFor(text, 'timeline-no-timezone', 3)[0]!);
    assert.equal(lineOf(fixed, 3), '## Timeline (all times UTC)');
    assert.equal(lintText(fixed, { today: TODAY }).findings.filter((f) => f.ruleId === 'timeline-no-timezone').length, 0);
  });
  it('moves an overdue deadline two weeks out', () => {
    const text = readFileSync(join(dir, 'action-overdue.md'), 'utf8');
    const fixed = apply(text, fixesFor(text, 'action-overdue', 7)[0]!);
    assert.equal(lineOf(fixed, 7), '| P1 | Add alert on replication lag above 30s | @bo | 2025-04-29 | open |');
  });
});

describe('findings on empty table cells', () => {
  it('span the blanks of a cell, and the closing pipe of a cell written ||, while the fix fills the cell', () => {
    const text = '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add a lag alert on the replica || 2099-05-01 |\n| P2 | Size the replica for twice the peak | @dana | 2099-06-01 |\n';
    const f = lintText(text, { today: '2025-04-15' }).findings.find((x) => x.ruleId === 'action-missing-owner')!;
    const line = text.split('\n')[4]!;
    assert.deepEqual([f.range.start.column, f.range.end.column], [line.indexOf('||') + 2, line.indexOf('||') + 3]);
    const fixed = apply(text, f.fixes[0]!);
    assert.match(fixed.split('\n')[4]!, /^\| P1 \| Add a lag alert on the replica \| @?dana \| 2099-05-01 \|$/);
  });
});
