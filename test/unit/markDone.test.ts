// "Mark done": the edit on every shape an action item is written in, and what the model reads after it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits, lintText, markDoneAt, parsePostmortem } from '../../src/core';

const TODAY = '2030-06-15';

/** Marks the item on `line` done; returns the new text, after checking what the model and the rules say about it. */
function markDone(md: string, line: number): string {
  const before = parsePostmortem(md);
  const fix = markDoneAt(before, md, line);
  assert.ok(fix, `a fix on line ${line}`);
  // markDoneAt gives its edits in document order, as applyEdits expects.
  const after = applyEdits(md, fix.edits);
  const pm = parsePostmortem(after);
  assert.equal(pm.actionItems.length, before.actionItems.length, 'no item gained or lost');
  const item = pm.actionItems.find((i) => i.line === line);
  assert.ok(item, `an item on line ${line} after the edit`);
  assert.equal(item.state, 'done', `read as done:\n${after}`);
  assert.equal(item.action.text, before.actionItems.find((i) => i.line === line)!.action.text, 'the action text is unchanged');
  // The others keep their state.
  for (const other of before.actionItems.filter((i) => i.line !== line)) {
    assert.equal(pm.actionItems.find((i) => i.line === other.line)?.state, other.state, `line ${other.line} keeps its state`);
  }
  const findings = lintText(after, { today: TODAY }).findings.filter((f) => f.range.start.line === line && /^action-(?:overdue|missing-deadline|missing-owner|missing-priority)$/.test(f.ruleId));
  assert.deepEqual(findings.map((f) => f.ruleId), [], 'no overdue or missing-field finding on the item');
  return after;
}

const doc = (...body: string[]) => ['# Checkout latency', '', '## Action items', '', ...body, ''].join('\n');

describe('mark an action item done', () => {
  it('sets the Status cell of a table row to Done, keeping the cell width', () => {
    const md = doc(
      '| Action | Owner | Priority | Deadline | Status |',
      '| --- | --- | --- | --- | --- |',
      '| Add p99 latency alert | @bob | P1 | 2020-04-01 | In progress |',
      '| Cap retries | @ann | P2 | 2020-04-02 | open |',
    );
    const lint = lintText(md, { today: TODAY }).findings.filter((f) => f.ruleId === 'action-overdue');
    assert.deepEqual(lint.map((f) => f.range.start.line), [7, 8], 'both overdue before');
    assert.equal(markDone(md, 7).split('\n')[6], '| Add p99 latency alert | @bob | P1 | 2020-04-01 | Done        |');
  });

  it('writes Done into an empty Status cell', () => {
    const md = doc('| Action | Owner | Priority | Deadline | Status |', '|---|---|---|---|---|', '| Add alert | @bob | P1 | 2020-04-01 | |');
    assert.equal(markDone(md, 7).split('\n')[6], '| Add alert | @bob | P1 | 2020-04-01 | Done |');
  });

  it('adds a Status column to a table without one: header, delimiter and every row', () => {
    const md = doc(
      '| Action | Owner | Priority | Deadline |',
      '| :--- | --- | --- | :--- |',
      '| Add p99 latency alert | @bob | P1 | 2020-04-01 |',
      '| Cap retries | @ann | P2 | 2020-04-02 |',
    );
    assert.deepEqual(markDone(md, 7).split('\n').slice(4, 8), [
      '| Action | Owner | Priority | Deadline | Status |',
      '| :--- | --- | --- | :--- | :--- |',
      '| Add p99 latency alert | @bob | P1 | 2020-04-01 | Done |',
      '| Cap retries | @ann | P2 | 2020-04-02 |  |',
    ]);
  });

  it('keeps an aligned table aligned when it adds the Status column', () => {
    const md = doc(
      '| Action      | Owner | Deadline   |',
      '| ----------- | ----- | ---------- |',
      '| Add alert   | @bob  | 2020-04-01 |',
      '| Cap retries | @ann  | 2020-04-02 |',
    );
    const rows = markDone(md, 8).split('\n').slice(4, 8);
    assert.deepEqual(rows, [
      '| Action      | Owner | Deadline   | Status |',
      '| ----------- | ----- | ---------- | ------ |',
      '| Add alert   | @bob  | 2020-04-01 |        |',
      '| Cap retries | @ann  | 2020-04-02 | Done   |',
    ]);
  });

  it('adds the column to a table written without outer pipes', () => {
    const md = doc('Action | Owner | Deadline', '--- | --- | ---', 'Add alert | @bob | 2020-04-01');
    assert.deepEqual(markDone(md, 7).split('\n').slice(4, 7), ['Action | Owner | Deadline | Status', '--- | --- | --- | ---', 'Add alert | @bob | 2020-04-01 | Done']);
  });

  it('ticks the box of a task-list item', () => {
    const md = doc('- [ ] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01', '- [ ] P2: Cap retries — owner: @ann, due: 2020-02-02');
    assert.equal(markDone(md, 5).split('\n')[4], '- [x] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01');
  });

  it('ticks the box of a numbered task item', () => {
    const md = doc('1. [ ] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01', '2. [ ] P2: Cap retries — owner: @ann, due: 2020-02-02');
    assert.equal(markDone(md, 6).split('\n')[5], '2. [x] P2: Cap retries — owner: @ann, due: 2020-02-02');
  });

  it('rewrites an inline status that keeps a task item open, and ticks its box', () => {
    const md = doc('- [ ] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01, status: open');
    assert.equal(markDone(md, 5).split('\n')[4], '- [x] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01, status: done');
  });

  it('notes (done) after a bullet item', () => {
    const md = doc('- P1: Add p99 latency alert — owner: @jun, due: 2020-02-01', '- P2: Cap retries — owner: @ann, due: 2020-02-02');
    assert.equal(markDone(md, 5).split('\n')[4], '- P1: Add p99 latency alert — owner: @jun, due: 2020-02-01 (done)');
  });

  it('notes (done) after a numbered item', () => {
    const md = doc('1. Add p99 latency alert (owner: @jun, due 2020-02-01, P1)', '2. Cap retries (owner: @ann, due 2020-02-02, P2)');
    assert.equal(markDone(md, 6).split('\n')[5], '2. Cap retries (owner: @ann, due 2020-02-02, P2) (done)');
  });

  it('rewrites "(in progress)" to "(done)"', () => {
    const md = doc('- P1: Add p99 latency alert — owner: @jun, due: 2020-02-01 (in progress)');
    assert.equal(markDone(md, 5).split('\n')[4], '- P1: Add p99 latency alert — owner: @jun, due: 2020-02-01 (done)');
  });

  it('notes (done) after an "Action point:" paragraph', () => {
    const md = doc('The cache expired.', '', 'Action point: Add a p99 latency alert on checkout — owner: @jun, priority: P1, due: 2020-02-01');
    assert.equal(markDone(md, 7).split('\n')[6], 'Action point: Add a p99 latency alert on checkout — owner: @jun, priority: P1, due: 2020-02-01 (done)');
  });

  it('marks an item with sub-bullets done on its own line, leaving the detail alone', () => {
    const md = doc('- [ ] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01', '  - covers checkout and cart', '  - page the on-call', '- [ ] P2: Cap retries — owner: @ann, due: 2020-02-02');
    const after = markDone(md, 5).split('\n');
    assert.deepEqual(after.slice(4, 8), ['- [x] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01', '  - covers checkout and cart', '  - page the on-call', '- [ ] P2: Cap retries — owner: @ann, due: 2020-02-02']);
  });

  it('marks an item nested under a group label done', () => {
    const md = doc('- Next quarter:', '  - P2: Cap retries — owner: @ann, due: 2020-02-02', '  - P3: Load-test checkout — owner: @bo, due: 2020-03-02');
    assert.equal(markDone(md, 6).split('\n')[5], '  - P2: Cap retries — owner: @ann, due: 2020-02-02 (done)');
  });

  it('offers nothing on an item already done or dropped, or off any item', () => {
    const md = doc('- [x] P1: Add alert — owner: @jun, due: 2020-02-01', '- ~~P2: Cap retries — owner: @ann, due: 2020-02-02~~', '', 'Some text.');
    const pm = parsePostmortem(md);
    assert.equal(markDoneAt(pm, md, 5), undefined);
    assert.equal(markDoneAt(pm, md, 6), undefined);
    assert.equal(markDoneAt(pm, md, 8), undefined);
  });

  it('names the item in the fix title', () => {
    const md = doc('- [ ] P1: Add p99 latency alert — owner: @jun, due: 2020-02-01');
    assert.equal(markDoneAt(parsePostmortem(md), md, 5)?.title, 'Mark "Add p99 latency alert" done');
  });
});
