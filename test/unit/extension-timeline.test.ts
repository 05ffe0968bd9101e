import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import { timelineSummary, timelineSvgPath } from '../../src/extension/timeline-logic';
import { readRepoFile } from './root';

describe('extension timeline: the summary "Show Timeline Model" returns', () => {
  const summary = timelineSummary(parsePostmortem(readRepoFile('examples', 'progress-sync-outage.md')));

  it('has the title, zone, events and metrics the integration tests expect', () => {
    assert.equal(summary.title, 'Progress API 500 errors after v2.4.1 deploy');
    assert.equal(summary.timezone, 'UTC');
    assert.equal(summary.events.length, 10);
    assert.deepEqual(summary.events[7], { line: 31, time: '2025-04-14T14:44:00Z', text: 'Alice rolls back to v2.4.0', actor: 'Alice', kind: 'mitigated' });
    const first = summary.computedMetrics.find((r) => r.start === 'first-event');
    assert.ok(first);
    assert.deepEqual([first.metrics.timeToDetect, first.metrics.timeToMitigate, first.metrics.totalDuration], [2, 21, 23]);
    assert.equal(summary.actionItems, 6);
  });
  it('names where each metric runs from and to, as `timeline --format json` does', () => {
    assert.deepEqual(summary.metrics.timeToDetect?.from, { kind: 'trigger', line: 23, iso: '2025-04-14T14:23:00Z' });
    assert.equal(summary.metrics.timeToDetect?.reading, 'trigger 14:23 → detection 14:25');
  });
  it('is plain JSON (what executeCommand hands back)', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary);
  });
  it('uses null, not undefined, for what a document lacks', () => {
    const empty = timelineSummary(parsePostmortem('Just text.\n'));
    assert.deepEqual(empty, { title: null, timezone: null, events: [], statedMetrics: [], metrics: {}, computedMetrics: empty.computedMetrics, actionItems: 0 });
    const bare = timelineSummary(parsePostmortem('# T\n\n## Timeline\n\n- 14:00 Something happens\n'));
    assert.equal(bare.events.length, 1);
    assert.equal(bare.events[0]?.actor, null);
    assert.equal(bare.timezone, null);
  });
});

describe('extension timeline: file names', () => {
  it('proposes <name>-timeline.svg next to the postmortem', () => {
    assert.equal(timelineSvgPath('/w/postmortems/db.md'), '/w/postmortems/db-timeline.svg');
    assert.equal(timelineSvgPath('/w/db.MARKDOWN'), '/w/db-timeline.svg');
    assert.equal(timelineSvgPath('Untitled-1'), 'Untitled-1-timeline.svg');
  });
});
