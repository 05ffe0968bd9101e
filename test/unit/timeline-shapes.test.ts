import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, parsePostmortem } from '../../src/core';

const events = (md: string) => parsePostmortem(md).timeline.events.map((e) => `${e.line} ${e.time?.iso ?? e.date ?? '-'} ${e.text}`);
const missingTime = (md: string) => lintText(md).findings.filter((f) => f.ruleId === 'timeline-missing-time').map((f) => f.range.start.line);

describe('timeline shapes', () => {
  it('does not read a log excerpt in a code block as events when the timeline is a list', () => {
    const md = '---\ndate: 2023-02-10\n---\n## Timeline\n\n- 10:00 Deploy starts\n\n```\n10:01 ERROR one\n10:02 ERROR two\n```\n\n- 10:05 Rollback\n';
    assert.deepEqual(events(md), ['6 2023-02-10T10:00:00 Deploy starts', '13 2023-02-10T10:05:00 Rollback']);
  });
  it('reads a timeline written as an indented code block', () => {
    const md = '---\ndate: 2024-01-10\n---\n## Timeline (UTC)\n\n\t7:32 PM - Chain stalls\n\n\t7:38 PM - Monitoring detects the stall\n';
    assert.deepEqual(events(md), ['6 2024-01-10T19:32:00Z Chain stalls', '8 2024-01-10T19:38:00Z Monitoring detects the stall']);
  });
  it('reads no events from a code block in another language', () => {
    const md = '## Timeline\n\n```json\n10:01 a\n10:02 b\n```\n';
    assert.deepEqual(events(md), []);
  });
  it('keeps timeline-missing-time on date rows of a table that has times', () => {
    const md = '## Timeline (UTC)\n\n| Date | Time | Event |\n| --- | --- | --- |\n| 2021-08-20 | 10:00 | Deploy |\n| 2021-08-21 | | Follow-up |\n';
    assert.deepEqual(events(md), ['5 2021-08-20T10:00:00Z Deploy', '6 - Follow-up']);
    assert.deepEqual(missingTime(md), [6]);
  });
  it('reads times written in the date column of a table without a time column', () => {
    const md = '## Timeline (UTC)\n\n| Date | Event |\n| --- | --- |\n| 2021-08-20 10:00 | Deploy |\n';
    assert.deepEqual(events(md), ['5 2021-08-20T10:00:00Z Deploy']);
  });
  it('counts two (next day) markers from the same day', () => {
    const md = '---\ndate: 2024-03-01\n---\n## Timeline\n\n- 23:00 a\n- 00:10 (next day) b\n- 00:20 +1d c\n- 01:00 d\n';
    assert.deepEqual(events(md), ['6 2024-03-01T23:00:00 a', '7 2024-03-02T00:10:00 b', '8 2024-03-02T00:20:00 c', '9 2024-03-02T01:00:00 d']);
  });
  it('does not continue the timeline into a date heading after another section', () => {
    const md = '---\ndate: 2024-03-01\n---\n## Timeline\n\n- 10:00 a\n\n## Impact\n\n## March 2\n\n- 11:00 b\n';
    assert.deepEqual(events(md), ['6 2024-03-01T10:00:00 a']);
  });
});
