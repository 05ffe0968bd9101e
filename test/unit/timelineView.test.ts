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
    assert.equal(card('totalDuration').display, '23 min');
    assert.equal(card('totalDuration').basis, 'from first event (line 23) to end of impact (line 32)');
    assert.equal(card('totalDuration').stated?.minutes, 23);
    assert.ok(vm.metrics.every((m) => !m.disagrees));
    assert.deepEqual(vm.actions, { total: 6, done: 1, byPriority: [{ priority: 'P0', count: 1 }, { priority: 'P1', count: 2 }, { priority: 'P2', count: 2 }, { priority: 'P3', count: 1 }], missingOwner: 0, missingDeadline: 0, overdue: 0 });
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
    assert.equal(vm.start?.point, 'impact');
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
    assert.match(svg, /Total duration: 23 min/);
  });
});
