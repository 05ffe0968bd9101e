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
  it('reads a time given inside the sentence of a list entry, and none from other numbers', () => {
    const md = '---\ndate: 2020-06-16\n---\n## Timeline (all times ET)\n\n- Support notified the on-call of the outage at 12:16 ET on June 16, 2020.\n- Rollout paused at 50% of hosts.\n- 2020-06-17: At 09:30:15 ET, the vendor confirmed the fix.\n';
    assert.deepEqual(events(md), [
      '6 2020-06-16T12:16:00-04:00 Support notified the on-call of the outage at 12:16 ET on June 16, 2020.',
      '7 - Rollout paused at 50% of hosts.',
      '8 2020-06-17T09:30:15-04:00 At 09:30:15 ET, the vendor confirmed the fix.',
    ]);
  });
  it('reads a zone written next to a time in the summary when the timeline states none', () => {
    const md = '# Outage\n\n## Summary\n\nErrors were logged from UTC 05:13 until 05:40.\n\n## Timeline\n\n- 2023-01-04 05:13 Monitor alerts\n';
    assert.deepEqual(events(md), ['9 2023-01-04T05:13:00Z Monitor alerts']);
  });
  it('does not take a zone from prose that names two different zones', () => {
    const md = '# Outage\n\n## Summary\n\nIt began at 05:13 UTC, which was 21:13 PST for the on-call.\n\n## Timeline\n\n- 2023-01-04 05:13 Monitor alerts\n';
    assert.deepEqual(events(md), ['9 2023-01-04T05:13:00 Monitor alerts']);
  });
  it('takes the incident date from the summary when neither frontmatter nor title has one', () => {
    const md = '# Chain stall\n\n## Summary\n\nOn May 9th 2021 at 6:48AM PDT the chain stopped.\n\n## Timeline (all times PDT)\n\n- 06:48 Last block\n- 07:10 Chain moves again\n\n## Action items\n\n- Add a check, due 2021-06-30\n';
    assert.deepEqual(events(md), ['9 2021-05-09T06:48:00-07:00 Last block', '10 2021-05-09T07:10:00-07:00 Chain moves again']);
  });
  it('reads a 12-hour time written without AM/PM after PM times as the afternoon', () => {
    const md = '---\ndate: 2020-06-16\n---\n## Timeline (all times UTC)\n\n- 1:00 PM Staff report the outage\n- 4:00 Locator works again\n';
    assert.deepEqual(events(md), ['6 2020-06-16T13:00:00Z Staff report the outage', '7 2020-06-16T16:00:00Z Locator works again']);
  });
  it('reads times without AM/PM in a 24-hour timeline as they are', () => {
    const md = '---\ndate: 2020-06-16\n---\n## Timeline (all times UTC)\n\n- 13:00 Staff report the outage\n- 4:00 Locator works again\n';
    assert.deepEqual(events(md), ['6 2020-06-16T13:00:00Z Staff report the outage', '7 2020-06-17T04:00:00Z Locator works again']);
  });
  it('reads rows of a Time column that mostly hold a day as events of that day', () => {
    const md = '## Timeline (UTC)\n\n| Time | Event |\n| --- | --- |\n| 2021-11-25 18:59 | Attack outlined |\n| 2022-04-13 | Reserve bought |\n| 2022-05-07 | Withdrawals start |\n';
    assert.deepEqual(events(md), ['5 2021-11-25T18:59:00Z Attack outlined', '6 2022-04-13 Reserve bought', '7 2022-05-07 Withdrawals start']);
    assert.deepEqual(missingTime(md), []);
  });
  it('reads list entries that start with a numeric date and no time as events of that day', () => {
    const md = '## Timeline\n\n- 9/25/20 - issue filed\n- 9/26/20 - fix released\n';
    assert.deepEqual(events(md), ['3 2020-09-25 issue filed', '4 2020-09-26 fix released']);
    assert.deepEqual(missingTime(md), []);
  });
  it('reports a timeline without any time once, on its heading', () => {
    const md = '## Timeline\n\n1. Support reports failing uploads\n2. Storage quota raised\n';
    assert.deepEqual(missingTime(md), [1]);
  });
  it('reads a row that gives only its day where a table of times has its time as an event of that day', () => {
    const md = '## Timeline (UTC)\n\n| Time | Event |\n| --- | --- |\n| 2019-12-02 04:30 | Cluster scaled down |\n| 2019-12-03 | Surge of new pods |\n| 2019-12-04 03:00 | Fix ready |\n';
    assert.deepEqual(events(md), ['5 2019-12-02T04:30:00Z Cluster scaled down', '6 2019-12-03 Surge of new pods', '7 2019-12-04T03:00:00Z Fix ready']);
    assert.deepEqual(missingTime(md), []);
  });
  it('reads a day written in backticks at the start of a list entry', () => {
    const md = '---\ndate: 2022-05-31\n---\n## Timeline (PST)\n\n- `May 31` Team deploys the contract\n- `07:35` Team funds the contract\n';
    assert.deepEqual(events(md), ['6 2022-05-31 Team deploys the contract', '7 2022-05-31T07:35:00-08:00 Team funds the contract']);
    assert.deepEqual(missingTime(md), []);
  });
});
