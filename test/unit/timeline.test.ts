import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import { readLeadingTime } from '../../src/core/parse/timeline/leading-time';
import { classifyEvent } from '../../src/core/vocabulary/milestones';

const at = (text: string) => readLeadingTime({ text, offset: 0 });

describe('timestamps at the start of a timeline line', () => {
  const cases: Array<[string, string, string]> = [
    ['**14:23** — Deploy reaches production', '14:23', 'Deploy reaches production'],
    ['14:23 UTC: Deploy reaches production', '14:23 UTC', 'Deploy reaches production'],
    ['14:23:05 - Deploy reaches production', '14:23:05', 'Deploy reaches production'],
    ['2025-06-14 23:40 Batch job starts', '2025-06-14 23:40', 'Batch job starts'],
    ['2025-06-14T23:40:00Z Batch job starts', '2025-06-14T23:40:00Z', 'Batch job starts'],
    ['2025-06-14T23:40:00+02:00 — Batch job starts', '2025-06-14T23:40:00+02:00', 'Batch job starts'],
    ['[09:00 PDT] Page fires', '09:00 PDT', 'Page fires'],
    ['09:00 – Page fires', '09:00', 'Page fires'],
    ['**14:23 UTC** — Deploy', '14:23 UTC', 'Deploy'],
    ['2:45 PM — Traffic recovered', '2:45 PM', 'Traffic recovered'],
  ];
  for (const [line, stamp, rest] of cases) {
    it(`reads "${line}"`, () => {
      const r = at(line);
      assert.ok(r, 'a time is found');
      assert.equal(line.slice(r.time.start, r.time.end), stamp);
      assert.equal(r.rest.text, rest);
    });
  }
  it('reads the date and zone of ISO timestamps', () => {
    const r = at('2025-06-14T23:40:00+02:00 text')!;
    assert.equal(r.time.date, '2025-06-14');
    assert.equal(r.time.zone?.offsetMinutes, 120);
    assert.equal(at('2:45 PM x')!.time.hour, 14);
    assert.equal(at('12:10 am x')!.time.hour, 0);
  });
  it('does not read times out of other text', () => {
    for (const line of ['Time to detect: 2 minutes', '14:23abc', '25:00 too late', '14:75 no', 'v1.2:3', '13:00 AM', '25:00 PM', '2025-02-30 10:00 bad date']) {
      assert.equal(at(line), undefined, line);
    }
  });
});

describe('milestones', () => {
  const cases: Array<[string, string | undefined]> = [
    ['Deploy of commit abc123 reaches production', 'trigger'],
    ['Error rate rises from 0.1% to 12%', 'impact'],
    ['PagerDuty alerts on-call engineer', 'detected'],
    ['Alice acknowledges alert, begins investigation', 'acknowledged'],
    ['Alice rolls back to v2.4.0', 'mitigated'],
    ['Error rate returns to baseline (0.1%)', 'mitigated'],
    ['Alice confirms rollback successful, declares incident resolved', 'resolved'],
    ['Alice examines recent deploy diff', undefined],
    ['Posted an update on the status page', undefined],
  ];
  for (const [text, kind] of cases) {
    it(`reads "${text}" as ${kind ?? 'no milestone'}`, () => assert.equal(classifyEvent(text).kind, kind));
  }
  it('lets an explicit marker win over keywords', () => {
    const c = classifyEvent('[detected] Rolled back by the deploy bot');
    assert.equal(c.kind, 'detected');
    assert.equal(c.explicit, true);
    assert.equal(classifyEvent('**OUTAGE BEGINS** Users see 500s').kind, 'impact');
    assert.equal(classifyEvent('**OUTAGE MITIGATED** Declared resolved').kind, 'mitigated');
  });
  it('counts a monitoring actor as detection', () => {
    assert.equal(classifyEvent('error rate rises on the API', 'Monitoring').kind, 'detected');
  });
});

const doc = (timeline: string, front = '') => parsePostmortem(`${front}# Incident\n\n## Timeline\n\n${timeline}\n`);

describe('timeline days and zones', () => {
  it('rolls times that go back across midnight to the next day', () => {
    const pm = doc('- 23:50 A\n- 23:55 B\n- 00:05 C\n- 00:20 D', '---\ndate: 2025-06-14\n---\n');
    assert.deepEqual(pm.timeline.events.map((e) => e.time?.iso), [
      '2025-06-14T23:50:00', '2025-06-14T23:55:00', '2025-06-15T00:05:00', '2025-06-15T00:20:00',
    ]);
  });
  it('keeps a time that goes back a few minutes as written, on the same day', () => {
    const pm = doc('- 14:30 A\n- 14:25 B', '---\ndate: 2025-06-14\n---\n');
    assert.deepEqual(pm.timeline.events.map((e) => e.time?.iso), ['2025-06-14T14:30:00', '2025-06-14T14:25:00']);
  });
  it('counts day offsets when no date is known', () => {
    const pm = doc('- 23:55 A\n- 00:05 B');
    assert.equal(pm.timeline.events[1]!.time?.dayOffset, 1);
    assert.equal(pm.timeline.events[1]!.time!.minutes - pm.timeline.events[0]!.time!.minutes, 10);
  });
  it('takes the zone from the event before the table header, heading, section text and frontmatter', () => {
    const front = '---\ntimezone: Europe/Berlin\ndate: 2025-07-01\n---\n';
    assert.equal(doc('- 10:00 A', front).timeline.events[0]!.time?.zone?.offsetMinutes, 120);
    assert.equal(doc('All times are in PDT.\n\n- 10:00 A', front).timeline.events[0]!.time?.zone?.name, 'PDT');
    assert.equal(doc('All times are in PDT.\n\n- 10:00 UTC A', front).timeline.events[0]!.time?.zone?.name, 'UTC');
    assert.equal(doc('| Time (UTC) | Event |\n|---|---|\n| 10:00 | A |', front).timeline.events[0]!.time?.zone?.source, 'table-header');
    const heading = parsePostmortem('# I\n\n## Timeline (times in CET)\n\n- 10:00 A\n');
    assert.equal(heading.timeline.events[0]!.time?.zone?.offsetMinutes, 60);
    assert.equal(heading.timeline.zone?.source, 'heading');
  });
  it('orders events from different zones on one axis', () => {
    const pm = doc('- 2025-06-14T10:00:00Z A\n- 2025-06-14T12:30:00+02:00 B');
    assert.equal(pm.timeline.events[1]!.time!.minutes - pm.timeline.events[0]!.time!.minutes, 30);
  });
  it('reads date sub-headings and date list items', () => {
    const pm = parsePostmortem('# I\n\n## Timeline\n\n### 2025-06-14\n\n- 23:00 A\n\n### June 16, 2025\n\n- 01:00 B\n- 2025-06-17:\n  - 02:00 C\n');
    assert.deepEqual(pm.timeline.events.map((e) => e.time?.date), ['2025-06-14', '2025-06-16', '2025-06-17']);
  });
  it('keeps a continuation line and nested notes with their event', () => {
    const pm = doc('- 14:42 — Finds the missing index\ncausing full table scans\n  - details in the query log\n- 14:44 — Rolls back');
    assert.equal(pm.timeline.events.length, 2);
    assert.equal(pm.timeline.events[0]!.text, 'Finds the missing index causing full table scans details in the query log');
    assert.equal(pm.timeline.events[0]!.range.start.line, 5);
    assert.equal(pm.timeline.events[0]!.range.end.line, 7);
  });
  it('lists entries without a time as events without a time', () => {
    const pm = doc('- 14:00 A\n- Later, B happened\n- 14:10 C');
    assert.deepEqual(pm.timeline.events.map((e) => e.time === undefined), [false, true, false]);
  });
  it('finds actors from an Actor column, a prefix, @handles and names used elsewhere', () => {
    const pm = doc('- 10:00 Monitoring: latency alert\n- 10:01 @sam pages the DB team\n- 10:02 [Bob] restarts the pool\n- 10:03 Priya: checks dashboards\n- 10:04 Priya rolls back');
    assert.deepEqual(pm.timeline.events.map((e) => e.actor), ['Monitoring', 'sam', 'Bob', 'Priya', 'Priya']);
  });
});

describe('computed metrics', () => {
  it('measures from each defensible start point and names it', () => {
    const pm = doc('- 10:00 Deploy of v2 reaches production\n- 10:05 Error rate rises to 5%\n- 10:08 Alert fires\n- 10:10 Bob acknowledges\n- 10:20 Bob rolls back\n- 10:25 Error rate back to baseline\n- 10:30 Incident resolved');
    const byStart = Object.fromEntries(pm.computedMetrics.readings.map((r) => [r.start, r.metrics]));
    assert.deepEqual(Object.keys(byStart), ['first-event', 'trigger', 'impact']);
    assert.equal(byStart['first-event']!.timeToDetect?.minutes, 8);
    assert.equal(byStart['impact']!.timeToDetect?.minutes, 3);
    assert.equal(byStart['impact']!.timeToMitigate?.minutes, 15);
    assert.equal(byStart['impact']!.totalDuration?.minutes, 20);
    assert.equal(byStart['impact']!.totalDuration?.to.kind, 'impact-end');
    assert.equal(byStart['first-event']!.timeToResolve?.minutes, 30);
  });
  it('measures from the declaration of the incident when one is written', () => {
    const pm = doc('- 10:00 Latency rises\n- 10:10 Alert fires\n- 10:15 Dana declares a SEV-2 incident\n- 10:30 Dana rolls back\n- 10:40 Dana declares the incident resolved');
    const declared = pm.computedMetrics.readings.find((r) => r.start === 'declared');
    assert.equal(declared?.from.line, 7);
    assert.equal(declared?.metrics.timeToMitigate?.minutes, 15);
    assert.equal(declared?.metrics.timeToResolve?.minutes, 25);
  });
  it('has no readings without timed events', () => {
    assert.deepEqual(doc('- Something happened').computedMetrics.readings, []);
  });
});
