// "Convert to an action-items table": the edit, exactly, for the list shapes people write.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionListToTable, parsePostmortem } from '../../src/core';

/** The document with the rewrite of the list at `line` applied. */
function convert(md: string, line: number): string | undefined {
  const rewrite = actionListToTable(parsePostmortem(md), md, line);
  if (!rewrite) return undefined;
  const lines = md.split('\n');
  const { start, end } = rewrite.edit.range;
  const before = lines.slice(0, start.line - 1).join('\n') + (start.line > 1 ? '\n' : '') + lines[start.line - 1]!.slice(0, start.column - 1);
  const after = lines[end.line - 1]!.slice(end.column - 1) + (end.line < lines.length ? '\n' : '') + lines.slice(end.line).join('\n');
  return before + rewrite.edit.newText + after;
}

describe('convert a list of action items to a table', () => {
  it('moves inline fields into their cells and keeps the action\'s Markdown', () => {
    const md = [
      '# Checkout latency', '',
      '## Action items', '',
      '- [ ] P1: Add p99 latency alert on `checkout` at 300ms — owner: @jun, due: 2026-02-01',
      '- [ ] **HIGH** Cap the retry budget of the payments client (owner: Jane Doe) OPS-77',
      '- [ ] Load-test checkout at twice peak',
      '',
      '## Lessons learned',
    ].join('\n');
    assert.equal(convert(md, 6), [
      '# Checkout latency', '',
      '## Action items', '',
      '| Action | Owner | Priority | Deadline | Ticket |',
      '| --- | --- | --- | --- | --- |',
      '| Add p99 latency alert on `checkout` at 300ms | @jun | P1 | 2026-02-01 | |',
      '| Cap the retry budget of the payments client | Jane Doe | HIGH | | OPS-77 |',
      '| Load-test checkout at twice peak | | | | |',
      '',
      '## Lessons learned',
    ].join('\n'));
  });
  it('adds a Status column when an item is done or dropped, and keeps sub-bullets after <br>', () => {
    const md = [
      '## Follow-ups', '',
      '- [x] Roll back the 4.2 deploy @ana',
      '- ~~Rewrite the importer~~',
      '- Rotate the signing key (done)',
      '- [ ] Alert when these stall:',
      '  - [ ] the nightly export',
      '  - [ ] the billing rollup',
    ].join('\n');
    assert.equal(convert(md, 3), [
      '## Follow-ups', '',
      '| Action | Owner | Priority | Deadline | Ticket | Status |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Roll back the 4.2 deploy | @ana | | | | Done |',
      '| ~~Rewrite the importer~~ | | | | | Dropped |',
      '| Rotate the signing key | | | | | done |',
      '| Alert when these stall:<br>- [ ] the nightly export<br>- [ ] the billing rollup | | | | | |',
    ].join('\n'));
  });
  it('escapes pipes, also inside code, and keeps a ticket link as written', () => {
    const md = '## Action items\n\n- Split `a|b` parsing from the | router [issue](https://github.com/acme/r/issues/9)\n';
    assert.equal(convert(md, 3), [
      '## Action items', '',
      '| Action | Owner | Priority | Deadline | Ticket |',
      '| --- | --- | --- | --- | --- |',
      '| Split `a\\|b` parsing from the \\| router | | | | [issue](https://github.com/acme/r/issues/9) |',
      '',
    ].join('\n'));
  });
  it('keeps a blank line between a lead-in line and the table', () => {
    const md = '## Action items\nPlanned:\n- Add a lag alert\n- Shard the audit log\n';
    assert.equal(convert(md, 4), '## Action items\nPlanned:\n\n| Action | Owner | Priority | Deadline | Ticket |\n| --- | --- | --- | --- | --- |\n| Add a lag alert | | | | |\n| Shard the audit log | | | | |\n');
  });
  it('is one edit with a title that counts the items', () => {
    const md = '## Action items\n\n- Add a lag alert\n- Shard the audit log\n';
    const rewrite = actionListToTable(parsePostmortem(md), md, 4)!;
    assert.equal(rewrite.title, 'Convert to an action-items table (2 items)');
    assert.deepEqual(rewrite.edit.range, { start: { line: 3, column: 1 }, end: { line: 4, column: 22 } });
  });
  it('offers nothing outside a list of action items, or for a list a table would lose part of', () => {
    const md = [
      '## Action items', '',
      '- Add a lag alert',
      '- [Dashboard](https://grafana.example/d/1)',
      '',
      '## Lessons learned', '',
      '- Alerts were noisy',
      '',
      '## Follow-ups', '',
      '- This quarter:',
      '  - Shard the audit log',
    ].join('\n');
    assert.equal(convert(md, 3), undefined, 'the link-only bullet would be lost');
    assert.equal(convert(md, 8), undefined, 'not an action-items section');
    assert.equal(convert(md, 1), undefined, 'a heading');
    assert.equal(convert(md, 13), undefined, 'the group label would be lost');
  });
});
