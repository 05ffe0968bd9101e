import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rankedOwners } from '../../src/core';
import { parsePostmortem } from '../../src/core';
import { configProblemReport, debounceWait, lintWorkspaceMessage, MAX_DEBOUNCE_MS, overflowMessage, sameTickets, tooLargeMessage } from '../../src/extension/lint-logic';

describe('extension lint: debounce wait', () => {
  it('waits the configured time for ordinary documents', () => {
    assert.equal(debounceWait(300, 0), 300);
    assert.equal(debounceWait(300, 200), 300);
    assert.equal(debounceWait(300, 1500), 300);
  });
  it('waits a fifth of a millisecond per line in long documents', () => {
    assert.equal(debounceWait(300, 1501), 300);
    assert.equal(debounceWait(300, 1505), 301);
    assert.equal(debounceWait(300, 50_000), 10_000);
    assert.equal(debounceWait(300, 20_000), 4000);
  });
  it('never waits longer than 10 s for the document size, but honours a longer setting', () => {
    assert.equal(debounceWait(300, 1_000_000), MAX_DEBOUNCE_MS);
    assert.equal(debounceWait(15_000, 1_000_000), 15_000);
    assert.equal(debounceWait(0, 10), 2);
  });
});

describe('extension lint: notices', () => {
  it('says how large a skipped document is, in MB', () => {
    assert.equal(tooLargeMessage('big.md', 6_250_000, 5_000_000), 'Postmortem: big.md is 6.3 MB, over the 5.0 MB limit (postmortem.maxFileSize): it is not linted.');
  });
  it('counts the findings over maxProblems, and only when there are some', () => {
    assert.equal(overflowMessage(500, 500), undefined);
    assert.equal(overflowMessage(3, 500), undefined);
    assert.equal(overflowMessage(512, 500), '12 more postmortem findings are not shown (postmortem.lint.maxProblems is 500)');
  });
  it('summarises Lint Workspace with singulars and plurals', () => {
    assert.equal(lintWorkspaceMessage(1, 1), 'Postmortem lint: 1 finding in 1 postmortem.');
    assert.equal(lintWorkspaceMessage(3, 0), 'Postmortem lint: 0 findings in 3 postmortems.');
  });
  it('reports configuration problems by their file, or as settings', () => {
    assert.equal(configProblemReport('file:///w/.postmortem.yaml', []), undefined);
    assert.deepEqual(configProblemReport('file:///w/.postmortem.yaml', [{ message: 'a' }, { message: 'b', line: 2 }]), {
      source: 'file:///w/.postmortem.yaml',
      line: 'file:///w/.postmortem.yaml: a; b',
    });
    assert.equal(configProblemReport(undefined, [{ message: 'unknown rule x' }])?.line, 'Settings (postmortem.*): unknown rule x');
  });
});

describe('extension lint: owners for quick fixes', () => {
  it('keeps names and handles (without their @), drops placeholders', () => {
    const pm = parsePostmortem([
      '# T', '', '## Action items', '',
      '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |',
      '| P1 | Add alert on lag | Alice | 2025-05-01 |',
      '| P2 | Add runbook for failover | @bob | 2025-05-01 |',
      '| P2 | Add dashboard for queue | ? | 2025-05-01 |',
      '| P3 | Add load test to CI | - | 2025-05-01 |',
      '',
    ].join('\n'));
    assert.deepEqual(rankedOwners([pm]), ['Alice', 'bob']);
  });
});

describe('extension lint: tickets read by tracker sync', () => {
  it('asks for a new lint only when what the tracker says changed', () => {
    const a = new Map([['#1', { assignee: 'li', state: 'open' as const }]]);
    assert.equal(sameTickets(undefined, undefined), true);
    assert.equal(sameTickets(undefined, new Map()), true, 'no tickets and an empty map lint alike');
    assert.equal(sameTickets(undefined, a), false);
    assert.equal(sameTickets(a, new Map([['#1', { assignee: 'li', state: 'open' as const }]])), true);
    assert.equal(sameTickets(a, new Map([['#1', { assignee: 'li', state: 'closed' as const }]])), false);
    assert.equal(sameTickets(a, new Map([['#1', { state: 'open' as const }]])), false);
    assert.equal(sameTickets(a, new Map([['#2', { assignee: 'li', state: 'open' as const }]])), false);
    assert.equal(sameTickets(a, new Map([['#1', { assignee: 'li', due: '2025-01-01', state: 'open' as const }]])), false);
  });
});
