// Metric readings by their industry definitions: each metric measured from a named start to a named
// end, and every reading a stated figure may follow.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeReading, lintText, METRIC_NAMES, metricsJson, parsePostmortem } from '../../src/core';
import type { ComputedMetrics } from '../../src/core';

const timeline = (lines: string[], after = '') => `# Incident\n\n## Timeline (UTC)\n\n${lines.join('\n')}\n${after}`;
const computed = (lines: string[]) => parsePostmortem(timeline(lines)).computedMetrics;

/** `minutes: from-kind@line → to-kind@line` of each metric the timeline gives. */
function definitions(c: ComputedMetrics): Record<string, string> {
  return Object.fromEntries(METRIC_NAMES.flatMap((n) => {
    const m = c.metrics[n];
    return m ? [[n, `${m.minutes}: ${m.from.kind}@${m.from.line} → ${m.to.kind}@${m.to.line}`]] : [];
  }));
}

// Lines 5–11.
const FULL = [
  '- 14:00 Deploy of v2 reaches production',
  '- 14:02 Checkout errors start',
  '- 14:05 Latency alert fires',
  '- 14:07 Error rate alert fires and pages the on-call engineer',
  '- 14:10 Bob acknowledges the page',
  '- 14:20 Bob rolls back',
  '- 14:30 Incident resolved',
];

describe('metrics by their definitions', () => {
  it('measures each metric from its defining start: impact for detection, detection for acknowledgement', () => {
    assert.deepEqual(definitions(computed(FULL)), {
      timeToDetect: '3: impact@6 → detected@7',
      timeToAcknowledge: '5: detected@7 → acknowledged@9',
      timeToMitigate: '18: impact@6 → mitigated@10',
      timeToResolve: '28: impact@6 → resolved@11',
      totalDuration: '18: impact@6 → impact-end@10',
    });
  });
  it('takes the first detection as the detection, not a later alert', () => {
    const c = computed(FULL);
    assert.equal(c.milestones.detected?.line, 7);
    assert.equal(c.metrics.timeToAcknowledge?.from.line, 7);
  });
  it('takes the earliest detection when the timeline is written out of order', () => {
    const c = computed(['- 14:02 Checkout errors start', '- 14:07 Error rate alert fires', '- 14:04 Customer reports failed checkouts', '- 14:20 Bob rolls back']);
    assert.deepEqual([c.milestones.detected?.line, c.metrics.timeToDetect?.minutes], [7, 2]);
  });
  it('measures time to detect from the trigger without a start of impact, and from the first event without either', () => {
    const triggered = computed(['- 13:50 Bob starts the shift', '- 14:00 Deploy of v2 reaches production', '- 14:05 Latency alert fires', '- 14:20 Bob rolls back']);
    assert.equal(definitions(triggered).timeToDetect, '5: trigger@6 → detected@7');
    const bare = computed(['- 13:50 Bob starts the shift', '- 14:05 Latency alert fires', '- 14:20 Bob rolls back']);
    assert.equal(definitions(bare).timeToDetect, '15: first-event@5 → detected@6');
  });
  it('measures time to mitigate and to resolve from the detection without a start of impact', () => {
    const d = definitions(computed(['- 14:00 Deploy of v2 reaches production', '- 14:05 Latency alert fires', '- 14:20 Bob rolls back', '- 14:30 Incident resolved']));
    assert.equal(d.timeToMitigate, '15: detected@6 → mitigated@7');
    assert.equal(d.timeToResolve, '25: detected@6 → resolved@8');
    // The duration has no detection start: it runs from the trigger here.
    assert.equal(d.totalDuration, '20: trigger@5 → impact-end@7');
  });
  it('measures the duration to the resolution when nothing mitigated before it', () => {
    assert.equal(definitions(computed(['- 14:02 Checkout errors start', '- 14:05 Latency alert fires', '- 14:30 Incident resolved'])).totalDuration, '28: impact@5 → resolved@7');
  });
  it('keeps a reading from the detection among the readings, with only the metrics that start there', () => {
    const detected = computed(FULL).readings.find((r) => r.start === 'detected');
    assert.deepEqual(Object.keys(detected?.metrics ?? {}), ['timeToAcknowledge', 'timeToMitigate', 'timeToResolve']);
  });
  it('says what a reading is measured between, with the dates when it spans days', () => {
    const c = computed(FULL);
    assert.equal(describeReading(c.metrics.timeToDetect!), 'start of impact 14:02 → detection 14:05');
    const days = parsePostmortem('# I\n\n## Timeline (UTC)\n\n- 2025-06-14 23:50 Checkout errors start\n- 2025-06-15 00:20 Latency alert fires\n').computedMetrics;
    assert.equal(describeReading(days.metrics.timeToDetect!), 'start of impact 2025-06-14 23:50 → detection 2025-06-15 00:20');
  });
  it('gives each metric as plain data with both ends named', () => {
    assert.deepEqual(metricsJson(computed(FULL)).timeToAcknowledge, {
      minutes: 5,
      from: { kind: 'detected', line: 7, iso: '14:05:00Z' },
      to: { kind: 'acknowledged', line: 9, iso: '14:10:00Z' },
      reading: 'detection 14:05 → acknowledgement 14:10',
    });
  });
});

describe('metrics-mismatch accepts any defined reading', () => {
  const ACK = ['- 14:00 Deploy of v2 reaches production', '- 14:05 Alert fires', '- 14:15 Bob acknowledges the page'];
  const mismatches = (md: string) => lintText(md).findings.filter((f) => f.ruleId === 'metrics-mismatch').map((f) => f.message);

  it('accepts a time to acknowledge measured from the alert', () => {
    assert.deepEqual(mismatches(timeline(ACK, '\n**Time to acknowledge:** 10 minutes\n')), []);
  });
  it('still accepts one measured from the first event', () => {
    assert.deepEqual(mismatches(timeline(ACK, '\n**Time to acknowledge:** 15 minutes\n')), []);
  });
  it('flags one that fits no reading, listing the alert reading first', () => {
    const [message] = mismatches(timeline(ACK, '\n**Time to acknowledge:** 30 minutes\n'));
    assert.match(message ?? '', /fits no reading of the timeline: 10 min from detection 14:05 \(line 6\) to acknowledgement 14:15 \(line 7\); 15 min from trigger 14:00 \(line 5\)/);
  });
  it('does not measure time to detect from the detection itself', () => {
    const c = computed(ACK);
    assert.equal(c.readings.find((r) => r.start === 'detected')?.metrics.timeToDetect, undefined);
  });
});
