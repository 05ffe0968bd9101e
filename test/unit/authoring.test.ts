import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { actionFieldAt, actionLensText, deadlineCandidates, hoverAt, newTimelineEntry, outline, ownerCandidates, parsePostmortem, resolveConfig, RULE_IDS } from '../../src/core';
import { repoRoot } from './root';

const seedText = readFileSync(join(repoRoot, 'examples/progress-sync-outage.md'), 'utf8');
const seed = parsePostmortem(seedText);
const config = resolveConfig({}, RULE_IDS).config;

describe('completion contexts and candidates', () => {
  it('knows which action-item field the cursor is in', () => {
    // Line 69: `| P1 | Implement canary deployments … | Carlos | 2025-05-01 |`
    assert.equal(actionFieldAt(seed, { line: 69, column: 3 })?.field, 'priority');
    assert.equal(actionFieldAt(seed, { line: 69, column: 58 })?.field, 'owner');
    assert.equal(actionFieldAt(seed, { line: 69, column: 70 })?.field, 'deadline');
    assert.equal(actionFieldAt(seed, { line: 69, column: 20 }), undefined);
    assert.equal(actionFieldAt(seed, { line: 24, column: 5 }), undefined);
  });
  it('offers people from the document first, then the workspace, without placeholders or repeats', () => {
    assert.deepEqual(ownerCandidates(seed, ['Zoe', 'alice', 'TBD', 'eve" onmouseover="alert(1)', '<b>x</b>']), ['Alice', 'Bob', 'Carlos', 'Dana', 'Zoe']);
  });
  it('offers deadlines a week, two weeks, the month end and thirty days out', () => {
    assert.deepEqual(deadlineCandidates('2025-02-20').map((d) => d.date), ['2025-02-27', '2025-03-06', '2025-02-28', '2025-03-22']);
    assert.equal(deadlineCandidates('2025-12-05')[2]!.date, '2025-12-31');
  });
});

describe('hovers', () => {
  it('on a timeline time: elapsed since the start and since the previous entry', () => {
    const h = hoverAt(seed, { line: 31, column: 6 }, '2025-04-15', config)!;
    assert.match(h.markdown, /\*\*2025-04-14T14:44:00Z\*\*/);
    assert.match(h.markdown, /21 min after the trigger \(line 23\)/);
    assert.match(h.markdown, /2 min after the previous entry \(line 29\)/);
  });
  it('on a priority: what the level means', () => {
    assert.match(hoverAt(seed, { line: 68, column: 3 }, '2025-04-15', config)!.markdown, /^\*\*P1\*\* — Improve detection and response/);
  });
  it('on a deadline: days left, or overdue', () => {
    assert.equal(hoverAt(seed, { line: 68, column: 60 }, '2025-04-15', config)!.markdown, 'Due in 5 days (2025-04-20)');
    assert.equal(hoverAt(seed, { line: 68, column: 60 }, '2025-04-22', config)!.markdown, '**Overdue** by 2 days (due 2025-04-20)');
    assert.equal(hoverAt(seed, { line: 67, column: 60 }, '2025-04-22', config)!.markdown, 'Done');
  });
});

describe('outline', () => {
  it('lists sections with timeline events and action items as children', () => {
    const [doc] = outline(seed);
    assert.equal(doc!.name, 'Progress API 500 errors after v2.4.1 deploy');
    const timeline = doc!.children.find((c) => c.detail === 'timeline')!;
    assert.equal(timeline.children.length, 10);
    assert.equal(timeline.children[0]!.name, '14:23 Deploy of commit abc123 reaches production (API v2.4.1)');
    assert.equal(timeline.children[7]!.detail, 'mitigated');
    const actions = doc!.children.find((c) => c.detail === 'action-items')!;
    assert.deepEqual(actions.children.map((c) => c.detail), ['P0 · Alice · done', 'P1 · Bob · 2025-04-20', 'P1 · Carlos · 2025-05-01', 'P2 · Alice · 2025-05-15', 'P2 · Dana · 2025-04-25', 'P3 · Bob · 2025-06-01']);
  });
  it('puts events under date sub-headings of the timeline', () => {
    const pm = parsePostmortem(readFileSync(join(repoRoot, 'test/fixtures/multi-day.md'), 'utf8'));
    const timeline = outline(pm)[0]!.children.find((c) => c.detail === 'timeline')!;
    assert.deepEqual(timeline.children.map((c) => [c.kind, c.children.length]), [['section', 4], ['section', 3]]);
  });
});

describe('CodeLens and new timeline entries', () => {
  it('summarises the action items', () => {
    assert.equal(actionLensText(seed, '2025-04-22'), '6 action items · 1 done · 1 overdue');
  });
  it('writes a new entry in the timeline\'s format and zone, after the last entry', () => {
    const now = new Date('2025-04-14T15:02:09Z');
    assert.deepEqual(newTimelineEntry(seed, seedText, now), { text: '- **15:02** — ', afterLine: 33 });
    const pdt = '# I\n\n## Timeline\n\nAll times are in PDT.\n\n- 14:23 Deploy\n';
    assert.equal(newTimelineEntry(parsePostmortem(pdt), pdt, now).text, '- **08:02** — ');
    const zoned = '# I\n\n## Timeline\n\n- 14:23 UTC: Deploy\n';
    assert.equal(newTimelineEntry(parsePostmortem(zoned), zoned, now).text, '- 15:02 UTC: ');
    const none = '# I\n\n## Timeline\n\n';
    assert.equal(newTimelineEntry(parsePostmortem(none), none, now).text, '- **15:02** UTC — ');
  });
});
