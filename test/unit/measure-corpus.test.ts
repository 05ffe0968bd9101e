import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareDocument, coversLine, detailsReport, fieldAgrees, markdownReport, timeMismatch, totals } from '../../scripts/measure-corpus-lib';
import type { ExpectedDoc } from '../../scripts/measure-corpus-lib';

// A document written for this test (line numbers on the right are what the expected entry refers to).
const DOC = [
  '# Widget service outage', //                               1
  '', //                                                      2
  '## Timeline (UTC)', //                                     3
  '', //                                                      4
  '- 2024-03-05 14:00 Queue depth alert fires', //            5
  '- 2024-03-05 14:10 On-call engineer acknowledges', //      6
  '- 2024-03-05 14:30 Rollback deployed', //                  7
  '- Customers told on the status page', //                   8
  '- 2024-03-05 14:50 Incident closed', //                    9
  '', //                                                     10
  '## Action items', //                                      11
  '', //                                                     12
  '| Action | Owner | Priority | Deadline |', //             13
  '| --- | --- | --- | --- |', //                            14
  '| Alert on queue depth per tenant | alice | P1 | 2024-04-01 |', // 15
  '| Write the rollback runbook | bob | P2 | 2024-04-15 |', //       16
  '',
].join('\n');

const EXPECTED: ExpectedDoc = {
  file: 'widget.md',
  organisation: 'Test',
  events: 5,
  timed: 5,
  firstTime: '2024-03-05T16:00:00+02:00',
  lastTime: '2024-03-05T14:45:00Z',
  zone: 'UTC',
  actionItems: 2,
  eventLines: [
    { line: 5, time: '2024-03-05T16:00:00+02:00' }, // the same instant as 14:00Z: right
    { line: 6, time: '2024-03-05T14:15:00Z' }, //      the model reads 14:10: wrong
    { line: 7, time: '14:30:00' }, //                  a time of day only: right
    { line: 8, time: '2024-03-05T14:45:00Z' }, //      no time in the text: missed, and a false missing-time finding
    { line: 30, time: '2024-03-05T15:00:00Z' }, //     no such line: missed
  ], //                                                line 9 is not labelled: invented
  actionLines: [15, 40], //                            16 is not labelled: invented; 40 does not exist: missed
};

describe('corpus measurement: comparing times', () => {
  it('compares instants across offsets', () => {
    assert.equal(timeMismatch('2024-03-05T16:00:00+02:00', '2024-03-05T14:00:00Z'), undefined);
    assert.equal(timeMismatch('2024-03-05T23:30:00-08:00', '2024-03-06T07:30:00Z'), undefined);
    assert.equal(timeMismatch('2024-03-05T14:00:00Z', '2024-03-05T14:00:00+01:00'), 'wrong zone');
    assert.equal(timeMismatch('2024-03-05T14:00:00Z', '2024-03-05T14:00:00'), 'no zone');
    assert.equal(timeMismatch('2024-03-05T14:00:00Z', '14:00:00Z'), 'no date');
    assert.equal(timeMismatch('2024-03-05T14:00:00Z', '2024-03-05T02:00:00Z'), 'AM/PM');
  });
  it('compares local date and time when the label has no offset', () => {
    assert.equal(timeMismatch('2024-03-05T14:00:00', '2024-03-05T14:00:00+05:30'), undefined);
    assert.equal(timeMismatch('2024-03-05T14:00:00', '2024-03-06T14:00:00Z'), 'wrong date');
    assert.equal(timeMismatch('2024-03-05T14:00:00', '2024-03-05T14:01:00'), 'wrong time');
  });
  it('compares the time of day when the label has only that', () => {
    assert.equal(timeMismatch('14:30:00', '2024-03-05T14:30:00Z'), undefined);
    assert.equal(timeMismatch('14:30:00', '14:31:00'), 'wrong time');
  });
  it('treats a range ending at column 1 as not covering its last line', () => {
    const range = { start: { line: 3, column: 1 }, end: { line: 5, column: 1 } };
    assert.equal(coversLine(range, 4), true);
    assert.equal(coversLine(range, 5), false);
    assert.equal(coversLine(range, 2), false);
  });
});

describe('corpus measurement: one document against its expected facts', () => {
  const r = compareDocument(DOC, EXPECTED);
  const outcome = (line: number) => r.events.find((e) => e.line === line);

  it('counts right, wrong and missed timed events', () => {
    assert.equal(r.timed, 5);
    assert.deepEqual([r.right, r.wrong, r.missed], [2, 1, 2]);
    assert.equal(outcome(5)?.outcome, 'right');
    assert.equal(outcome(6)?.outcome, 'wrong');
    assert.equal(outcome(6)?.got, '2024-03-05T14:10:00Z');
    assert.equal(outcome(7)?.outcome, 'right');
    assert.deepEqual([outcome(8)?.outcome, outcome(8)?.reason], ['missed', 'event without time']);
    assert.deepEqual([outcome(30)?.outcome, outcome(30)?.reason], ['missed', 'no event']);
  });
  it('counts an unlabelled event as invented', () => {
    assert.deepEqual(r.invented, [{ line: 9, iso: '2024-03-05T14:50:00Z' }]);
  });
  it('counts a missing-time finding on a timed labelled event as a false alarm', () => {
    assert.deepEqual(r.falseMissingTime, [8]);
  });
  it('counts action items found, invented and missed', () => {
    assert.deepEqual(r.actions, { labelled: 2, found: [15], missed: [40], invented: [16] });
  });
  it('adds up and prints the counts', () => {
    const t = totals([r, r]);
    assert.deepEqual([t.documents, t.timed, t.right, t.wrong, t.missed, t.invented, t.falseMissingTime], [2, 10, 4, 2, 4, 2, 2]);
    assert.deepEqual([t.actions, t.actionsFound, t.actionsInvented, t.actionsMissed], [4, 2, 2, 2]);
    const table = markdownReport([r]);
    assert.match(table, /\| widget \| 5 \| 2 \| 40% \| 1 \| 2 \| 1 \| 1 \| 2 \| 1 \| 1 \| 1 \|/);
    assert.match(table, /\| \*\*total\*\* \| 1 \| 5 \| 2 \| 40% \|/);
    assert.match(detailsReport(r), /wrong\s+L6\s+expected 2024-03-05T14:15:00Z\s+got 2024-03-05T14:10:00Z\s+wrong instant/);
  });
  it('sees a document whose timeline agrees with its labels as all right', () => {
    const clean: ExpectedDoc = { ...EXPECTED, eventLines: [
      { line: 5, time: '2024-03-05T14:00:00Z' },
      { line: 6, time: '2024-03-05T14:10:00Z' },
      { line: 7, time: '2024-03-05T14:30:00Z' },
      { line: 8, time: null },
      { line: 9, time: '2024-03-05T14:50:00Z' },
    ], actionLines: [15, 16] };
    const c = compareDocument(DOC, clean);
    assert.deepEqual([c.right, c.wrong, c.missed, c.invented.length, c.falseMissingTime.length], [4, 0, 0, 0, 0]);
    assert.deepEqual(c.actions, { labelled: 2, found: [15, 16], missed: [], invented: [] });
  });
});

describe('corpus measurement: action items found with their fields', () => {
  it('compares each labelled field, and counts an item right only when all agree', () => {
    const withFields: ExpectedDoc = { ...EXPECTED, actionLines: [15, 16], actionFields: [
      { line: 15, status: 'open', owner: 'alice', priority: 'P1', deadline: '2024-04-01' },
      { line: 16, status: 'done', owner: 'bob', priority: 'P2', deadline: '2024-04-15' },
    ] };
    const c = compareDocument(DOC, withFields);
    assert.equal(c.fields.right, 1);
    assert.deepEqual(c.fields.wrong, [{ line: 16, field: 'status', expected: 'done', got: 'open' }]);
    assert.equal(totals([c]).actionsWithFields, 1);
    assert.match(detailsReport(c), /field\s+L16\s+status: expected "done", got "open"/);
  });
  it('agrees on a longer name, a ticket as key or URL, and a deadline on the same day', () => {
    assert.equal(fieldAgrees('owner', 'Jane', 'Jane Doe'), true);
    assert.equal(fieldAgrees('owner', 'Jane', ''), false);
    assert.equal(fieldAgrees('owner', '', ''), true);
    assert.equal(fieldAgrees('ticket', '#631', 'https://github.com/o/r/issues/631'), true);
    assert.equal(fieldAgrees('ticket', 'OPS-12', 'OPS-13'), false);
    assert.equal(fieldAgrees('deadline', '2024-04-01', '2024-04-01'), true);
    assert.equal(fieldAgrees('priority', 'P1', 'P2'), false);
  });
});

