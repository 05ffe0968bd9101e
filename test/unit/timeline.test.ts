import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem, parseZone } from '../../src/core';
import type { Problem, TimeZone } from '../../src/core/model';
import { readLeadingTime } from '../../src/core/parse/timeline/leading-time';
import type { RawEvent } from '../../src/core/parse/timeline/raw';
import { resolveEvents } from '../../src/core/parse/timeline/resolve';
import { LineIndex } from '../../src/core/text';
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
    for (const line of ['Time to detect: 2 minutes', '14:23abc', '25:00 too late', '14:75 no', 'v1.2:3', '25:00 PM', '2024-03-17 1500 requests failed', '2024-03-17 2500: text', '1500 requests failed', '2000 users: text', '2025-02-30 10:00 bad date']) {
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
    assert.deepEqual(Object.keys(byStart), ['first-event', 'trigger', 'impact', 'detected']);
    assert.equal(byStart['detected']!.timeToAcknowledge?.minutes, 2);
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

describe('timestamp shapes, resolved to ISO', () => {
  /** Reads lines as the list reader does, then resolves them, with problems gathered. */
  function resolveLines(lines: string[], opts: { date?: string; zone?: TimeZone | undefined } = {}) {
    const text = lines.join('\n');
    const index = new LineIndex(text);
    const raws: RawEvent[] = [];
    let offset = 0;
    let current = opts.date;
    lines.forEach((line, i) => {
      const r = readLeadingTime({ text: line, offset }, current);
      if (r?.time.date) current = r.time.date;
      raws.push({
        range: index.range(offset, offset + line.length), line: i + 1, raw: r?.time, dateContext: current, tableZone: undefined,
        textSpans: [], actor: undefined, lead: r?.rest ?? { text: line, offset }, source: 'list',
      });
      offset += line.length + 1;
    });
    const problems: Problem[] = [];
    const events = resolveEvents(raws, {
      index, headingZone: undefined, sectionZone: opts.zone, frontmatterZone: undefined, incidentDate: opts.date, knownActors: new Set(), problems,
    });
    return { events, problems };
  }

  const cases: Array<[string, string, string]> = [
    ['03:12: text', '2024-03-17T03:12:00', 'text'],
    ['03:12 - text', '2024-03-17T03:12:00', 'text'],
    ['03:12 \u2013 text', '2024-03-17T03:12:00', 'text'],
    ['03:12 \u2014 text', '2024-03-17T03:12:00', 'text'],
    ['**00:40:** text', '2024-03-17T00:40:00', 'text'],
    ['**2021-04-02 18:05: text**', '2021-04-02T18:05:00', 'text'],
    ['**\u00b1 09:45 UTC:** text', '2024-03-17T09:45:00Z', 'text'],
    ['~14:05 text', '2024-03-17T14:05:00', 'text'],
    ['approx. 14:05 text', '2024-03-17T14:05:00', 'text'],
    ['ca. 14:05 text', '2024-03-17T14:05:00', 'text'],
    ['14:05ish text', '2024-03-17T14:05:00', 'text'],
    ['[14:05] text', '2024-03-17T14:05:00', 'text'],
    ['[03-18 14:05] text', '2024-03-18T14:05:00', 'text'],
    // A date written without its year months after the incident is the year before (a look back).
    ['[09-12 14:05] text', '2023-09-12T14:05:00', 'text'],
    // A 24-hour time with a stray half-day suffix keeps its hour.
    ['23:00 AM text', '2024-03-17T23:00:00', 'text'],
    ['12:45 PM PST Saturday Mar 16th: text', '2024-03-16T12:45:00-08:00', 'text'],
    ['03-17-2024 2:14 pm - text', '2024-03-17T14:14:00', 'text'],
    ['**17-03-2024 ~14:18 UTC** \u2013 text', '2024-03-17T14:18:00Z', 'text'],
    ['17-03-2024 - 08:15 - text', '2024-03-17T08:15:00', 'text'],
    ['2024-03-17/11:34: text', '2024-03-17T11:34:00', 'text'],
    ['2024-03-17 @ 08:02 - 10:30 AM ET: text', '2024-03-17T08:02:00-04:00', 'text'],
    ['2:40 - 3:10 PM text', '2024-03-17T14:40:00', 'text'],
    ['2024-03-16 1625: text', '2024-03-16T16:25:00', 'text'],
    ['**22:30 UTC (Mar 16)** - text', '2024-03-16T22:30:00Z', 'text'],
    ['7:09 AM Eastern: text', '2024-03-17T07:09:00-04:00', 'text'],
    ['1936 UTC: text', '2024-03-17T19:36:00Z', 'text'],
    ['Mar 16 1924 UTC: text', '2024-03-16T19:24:00Z', 'text'],
    ['10:00 PST/PDT text', '2024-03-17T10:00:00-07:00', 'text'],
    ['2024-03-17 21:40 text', '2024-03-17T21:40:00', 'text'],
    ['17-03-2024 21:40 text', '2024-03-17T21:40:00', 'text'],
    ['03/17/2024 9:40 PM text', '2024-03-17T21:40:00', 'text'],
    ['07-21-2024 9:30 pm text', '2024-07-21T21:30:00', 'text'],
    ['08:20 3rd Feb 2024 text', '2024-02-03T08:20:00', 'text'],
    ['Feb 3rd 08:20 text', '2024-02-03T08:20:00', 'text'],
    ['Tuesday Mar 5th 2024 14:00 text', '2024-03-05T14:00:00', 'text'],
    ['2022-06-14, 11:05am: text', '2022-06-14T11:05:00', 'text'],
    ['2024-03-17 @ 08:02 AM ET text', '2024-03-17T08:02:00-04:00', 'text'],
    ['3:26pm text', '2024-03-17T15:26:00', 'text'],
    ['03:26 PM text', '2024-03-17T15:26:00', 'text'],
    ['3:26 p.m. text', '2024-03-17T15:26:00', 'text'],
    ['12:05 AM text', '2024-03-17T00:05:00', 'text'],
    ['12:05 PM text', '2024-03-17T12:05:00', 'text'],
    ['13:55 PM text', '2024-03-17T13:55:00', 'text'],
    ['10:00 (Lisbon time) text', '2024-03-17T10:00:00Z', 'text'],
    ['10:00 Japan time text', '2024-03-17T10:00:00+09:00', 'text'],
    ['10:00 Pacific time text', '2024-03-17T10:00:00-07:00', 'text'],
    ['10:00 UTC+05:30 text', '2024-03-17T10:00:00+05:30', 'text'],
    ['10:00 GMT-5 text', '2024-03-17T10:00:00-05:00', 'text'],
    ['10:00 +0200 text', '2024-03-17T10:00:00+02:00', 'text'],
    ['10:00 Europe/Berlin text', '2024-03-17T10:00:00+01:00', 'text'],
  ];
  for (const [line, iso, rest] of cases) {
    it(`reads "${line}" as ${iso}`, () => {
      const r = readLeadingTime({ text: line, offset: 0 }, '2024-03-17');
      assert.ok(r, 'a time is found');
      assert.equal(r.rest.text, rest);
      // The date in force is the day before for `Feb 3rd`, whose year comes from it.
      assert.equal(resolveLines([line], { date: line.startsWith('Feb') ? '2024-01-30' : '2024-03-17' }).events[0]!.time?.iso, iso);
    });
  }
  it('marks approximate times', () => {
    for (const line of ['~14:05 x', 'approx. 14:05 x', 'ca. 14:05 x', '14:05ish x', '\u00b1 09:45 x']) assert.equal(at(line)?.time.approximate, true, line);
    assert.equal(at('14:05 x')?.time.approximate, undefined);
  });
  it('reads a month-day date without a year in the year of the date in force, and none without one', () => {
    assert.equal(readLeadingTime({ text: '[09-12 14:05] x', offset: 0 }, '2023-01-01')?.time.date, '2023-09-12');
    assert.equal(at('[09-12 14:05] x')?.time.date, undefined);
    assert.equal(readLeadingTime({ text: '03/04/2024 10:00 x', offset: 0 }, undefined, 'dmy')?.time.date, '2024-04-03');
    assert.equal(readLeadingTime({ text: '03/04/2024 10:00 x', offset: 0 }, undefined, 'mdy')?.time.date, '2024-03-04');
  });

  const berlin = (date: string) => parseZone('Europe/Berlin', 'section-text', date);
  const newYork = (date: string) => parseZone('America/New_York', 'section-text', date);
  it('resolves Europe/Berlin per event across the spring change', () => {
    const { events } = resolveLines(['01:30 A', '03:30 B'], { date: '2025-03-30', zone: berlin('2025-03-30') });
    assert.deepEqual(events.map((e) => e.time?.iso), ['2025-03-30T01:30:00+01:00', '2025-03-30T03:30:00+02:00']);
    assert.equal(events[1]!.time!.minutes - events[0]!.time!.minutes, 60);
    assert.deepEqual(events.map((e) => e.time?.zone?.offsetMinutes), [60, 120]);
  });
  it('resolves Europe/Berlin per event across the autumn change', () => {
    const { events } = resolveLines(['01:30 A', '03:30 B'], { date: '2025-10-26', zone: berlin('2025-10-26') });
    assert.deepEqual(events.map((e) => e.time?.iso), ['2025-10-26T01:30:00+02:00', '2025-10-26T03:30:00+01:00']);
    assert.equal(events[1]!.time!.minutes - events[0]!.time!.minutes, 180);
  });
  it('resolves America/New_York per event across the spring and autumn changes', () => {
    const spring = resolveLines(['01:30 A', '03:30 B'], { date: '2025-03-09', zone: newYork('2025-03-09') }).events;
    assert.deepEqual(spring.map((e) => e.time?.iso), ['2025-03-09T01:30:00-05:00', '2025-03-09T03:30:00-04:00']);
    assert.equal(spring[1]!.time!.minutes - spring[0]!.time!.minutes, 60);
    const autumn = resolveLines(['00:30 A', '02:30 B'], { date: '2025-11-02', zone: newYork('2025-11-02') }).events;
    assert.deepEqual(autumn.map((e) => e.time?.iso), ['2025-11-02T00:30:00-04:00', '2025-11-02T02:30:00-05:00']);
    assert.equal(autumn[1]!.time!.minutes - autumn[0]!.time!.minutes, 180);
  });
  it('resolves ET on each event at its own date', () => {
    const { events } = resolveLines(['2025-03-08 10:00 ET A', '2025-03-10 10:00 ET B']);
    assert.deepEqual(events.map((e) => e.time?.iso), ['2025-03-08T10:00:00-05:00', '2025-03-10T10:00:00-04:00']);
  });
  it('decides day-month order from a part over 12 anywhere in the timeline', () => {
    const { events, problems } = resolveLines(['03/04/2024 10:00 A', '17/04/2024 11:00 B', '11:30 C']);
    assert.deepEqual(events.map((e) => e.time?.date), ['2024-04-03', '2024-04-17', '2024-04-17']);
    assert.deepEqual(problems, []);
  });
  it('decides the order from the incident date', () => {
    assert.equal(resolveLines(['03/04/2024 10:00 A', '14:00 B'], { date: '2024-04-03' }).events[1]!.time?.iso, '2024-04-03T14:00:00');
    assert.equal(resolveLines(['03/04/2024 10:00 A'], { date: '2024-03-04' }).events[0]!.time?.iso, '2024-03-04T10:00:00');
  });
  it('reports a timeline whose numeric dates could be read either way', () => {
    const { problems } = resolveLines(['03/04/2024 10:00 A', '03/04/2024 11:00 B']);
    assert.deepEqual(problems.map((p) => [p.code, p.range.start.column, p.range.end.column]), [['ambiguous-date-order', 1, 17]]);
    assert.match(problems[0]!.message, /day-month or month-day/);
  });
  it('reads IST as India time and reports it as ambiguous', () => {
    const { events, problems } = resolveLines(['10:00 IST A', '10:05 IST B'], { date: '2024-03-17' });
    assert.equal(events[0]!.time?.iso, '2024-03-17T10:00:00+05:30');
    assert.deepEqual(problems.map((p) => p.code), ['ambiguous-time-zone']);
    assert.match(problems[0]!.message, /offset .*IANA/);
  });
});
