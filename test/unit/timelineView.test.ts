import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { layoutEvents, parsePostmortem, timelineSvg, timelineViewModel } from '../../src/core';
import { repoRoot } from './root';

const fixture = (name: string) => readFileSync(join(repoRoot, 'test/fixtures', name), 'utf8');
const vmOf = (text: string) => timelineViewModel(parsePostmortem(text), '2025-04-15');

describe('timeline view model', () => {
  it('places the seed events on an axis of elapsed minutes, with metric cards and their basis', () => {
    const vm = vmOf(fixture('seed-complete.md'));
    assert.equal(vm.state, 'ok');
    assert.deepEqual(vm.events.map((e) => e.time), ['14:23', '14:25', '14:27', '14:31', '14:35', '14:38', '14:42', '14:44', '14:46', '14:48']);
    assert.deepEqual(vm.events.map((e) => e.y), [0, 2, 4, 8, 12, 15, 19, 21, 23, 25]);
    assert.deepEqual(vm.gaps, []);
    const card = (m: string) => vm.metrics.find((x) => x.metric === m)!;
    assert.equal(card('timeToDetect').display, '2 min');
    assert.equal(card('timeToDetect').basis, 'trigger 14:23 → detection 14:25');
    assert.equal(card('totalDuration').display, '23 min');
    // No start of impact is written, so the duration runs from the trigger (also the first event).
    assert.equal(card('totalDuration').basis, 'trigger 14:23 → end of impact 14:46');
    assert.deepEqual([card('totalDuration').from?.line, card('totalDuration').to?.line], [23, 32]);
    // Time to mitigate runs from the detection; the stated 21 minutes follows another reading, and says which.
    assert.equal(card('timeToMitigate').basis, 'detection 14:25 → first mitigation 14:44');
    assert.equal(card('timeToMitigate').stated?.follows, 'trigger 14:23 → first mitigation 14:44');
    assert.equal(card('timeToDetect').stated?.follows, undefined);
    assert.equal(card('totalDuration').stated?.minutes, 23);
    assert.ok(vm.metrics.every((m) => !m.disagrees));
    assert.deepEqual(vm.actions, { total: 6, done: 1, dropped: 0, byPriority: [{ priority: 'P0', count: 1 }, { priority: 'P1', count: 2 }, { priority: 'P2', count: 2 }, { priority: 'P3', count: 1 }], missingOwner: 0, missingDeadline: 0, overdue: 0 });
    assert.deepEqual(vm.impact, { from: 0, to: 8 });
  });
  it('compresses long silences, marks day changes and flags stated figures that disagree', () => {
    const vm = vmOf(fixture('multi-day.md'));
    assert.deepEqual(vm.dayChanges.map((d) => [d.before, d.date]), [[2, '2025-06-15']]);
    assert.ok(vm.gaps.length >= 1);
    assert.match(vm.gaps[0]!.label, /^⋯ \d+ h \d\d min ⋯$/);
    assert.ok(vm.events[3]!.outOfOrder, '00:03 after 00:05');
    assert.equal(vm.metrics.find((m) => m.metric === 'totalDuration')!.disagrees, true);
  });
  it('reads a table timeline with its actors and explicit milestones', () => {
    const vm = vmOf(fixture('table-timeline.md'));
    assert.equal(vm.zone, 'UTC');
    assert.deepEqual(vm.events.map((e) => e.kind ?? '-'), ['-', 'impact', 'detected', 'acknowledged', 'mitigated', 'resolved', 'resolved', '-']);
    assert.equal(vm.events[7]!.time, undefined);
    // The metrics run from the start of impact (line 13), which the table names with a marker.
    assert.deepEqual(vm.metrics.map((m) => m.from?.kind), ['impact', 'detected', 'impact', 'impact', 'impact']);
  });
  it('tells the empty and untimed states apart', () => {
    assert.equal(vmOf('# Notes\n').state, 'empty');
    assert.equal(vmOf('# N\n\n## Timeline\n\n- Something happened\n').state, 'untimed');
  });
  it('keeps rows apart in the layout', () => {
    const ys = layoutEvents(vmOf(fixture('seed-complete.md')), 4, 30);
    for (let i = 1; i < ys.length; i++) assert.ok(ys[i]! - ys[i - 1]! >= 30);
  });
});

describe('milestones in the panel', () => {
  const incident = (lines: string) => vmOf(`# Checkout errors\n\n## Timeline (UTC)\n\n${lines}\n`);
  // Lines 5–11 of the document.
  const twoAlerts = incident([
    '- 14:00 Deploy of v2 reaches production',
    '- 14:02 Checkout errors start',
    '- 14:05 Latency alert fires',
    '- 14:07 Error rate alert fires and pages the on-call engineer',
    '- 14:10 Bob acknowledges the page',
    '- 14:20 Bob rolls back',
    '- 14:30 Incident resolved',
  ].join('\n'));

  it('shows one DETECTED badge, on the first detection', () => {
    assert.deepEqual(twoAlerts.events.map((e) => e.kind ?? '-'), ['trigger', 'impact', 'detected', 'detected', 'acknowledged', 'mitigated', 'resolved']);
    assert.deepEqual(twoAlerts.events.filter((e) => e.milestone === 'detected').map((e) => e.time), ['14:05']);
    assert.deepEqual(twoAlerts.events.map((e) => e.milestone ?? '-'), ['trigger', 'impact', 'detected', '-', 'acknowledged', 'mitigated', 'resolved']);
    assert.equal(timelineSvg(twoAlerts).match(/>DETECTED · /g)?.length, 1);
  });
  it('puts the badge on the earliest detection when the timeline is out of order', () => {
    const vm = incident('- 14:02 Checkout errors start\n- 14:07 Error rate alert fires\n- 14:04 Customer reports failed checkouts\n- 14:20 Bob rolls back');
    assert.deepEqual(vm.events.map((e) => e.milestone ?? '-'), ['impact', '-', 'detected', 'mitigated']);
  });
  it('starts the impact window at the start of impact, not at the trigger', () => {
    assert.deepEqual(twoAlerts.events.map((e) => e.inImpact), [false, true, true, true, true, true, false]);
    assert.deepEqual(twoAlerts.impact, { from: 1, to: 5 });
  });
  it('leaves out a trigger written at the same minute as, and above, the start of impact', () => {
    const vm = incident('- 14:00 Deploy of v2 reaches production\n- 14:00 Checkout errors start\n- 14:10 Bob rolls back\n- 14:20 Incident resolved');
    assert.deepEqual(vm.impact, { from: 1, to: 2 });
  });
  it('starts the impact window at the trigger only when no start of impact is written', () => {
    const vm = incident('- 13:58 Bob starts the shift\n- 14:00 Deploy of v2 reaches production\n- 14:05 Latency alert fires\n- 14:20 Bob rolls back\n- 14:30 Incident resolved');
    assert.deepEqual(vm.impact, { from: 1, to: 3 });
    const untriggered = incident('- 13:58 Bob starts the shift\n- 14:05 Latency alert fires\n- 14:20 Bob rolls back\n- 14:30 Incident resolved');
    assert.deepEqual(untriggered.impact, { from: 0, to: 2 });
  });
  it('names the reading of every metric card by its definition', () => {
    const cards = Object.fromEntries(twoAlerts.metrics.map((m) => [m.metric, `${m.display}: ${m.basis}`]));
    assert.deepEqual(cards, {
      timeToDetect: '3 min: start of impact 14:02 → detection 14:05',
      timeToAcknowledge: '5 min: detection 14:05 → acknowledgement 14:10',
      timeToMitigate: '18 min: start of impact 14:02 → first mitigation 14:20',
      timeToResolve: '28 min: start of impact 14:02 → resolution 14:30',
      totalDuration: '18 min: start of impact 14:02 → end of impact 14:20',
    });
  });
});

describe('timeline SVG', () => {
  it('escapes document text and contains no script, handler or link', () => {
    const svg = timelineSvg(vmOf(fixture('hostile.md')));
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'));
    // Document text is escaped, so every `<` starts one of our own tags: none has a handler or a link.
    assert.doesNotMatch(svg, /<script|<img|<iframe|<style|<a[\s>]|<[^>]*\s(?:on\w+|href|xlink:href)=/i);
    assert.match(svg, /&lt;script&gt;window\.__pwned = true;/);
    // Every tag that opens is one of ours.
    const tags = new Set([...svg.matchAll(/<([a-z]+)[\s>/]/g)].map((m) => m[1]));
    assert.deepEqual([...tags].sort(), ['circle', 'line', 'rect', 'svg', 'text']);
  });
  it('draws every event of the seed with its time', () => {
    const svg = timelineSvg(vmOf(fixture('seed-complete.md')));
    for (const t of ['14:23', '14:44', '14:48']) assert.match(svg, new RegExp(`>${t}<`));
    assert.match(svg, /Total duration: 23 min — trigger 14:23 → end of impact 14:46/);
    assert.match(svg, /Time to acknowledge: 6 min — detection 14:25 → acknowledgement 14:31/);
  });
});
