import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allSections, findSection, parsePostmortem, sectionKindOf } from '../../src/core';
import { repoRoot } from './root';

const example = readFileSync(join(repoRoot, 'examples/progress-sync-outage.md'), 'utf8');

describe('bad input gives a model with problems, never an exception', () => {
  it('reads an empty file as an empty postmortem', () => {
    const pm = parsePostmortem('');
    assert.equal(pm.sections.length, 0);
    assert.equal(pm.timeline.events.length, 0);
    assert.equal(pm.actionItems.length, 0);
    assert.deepEqual(pm.problems, []);
  });
  it('reports binary content with its position', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0]);
    const pm = parsePostmortem(bytes.toString('utf8'));
    assert.equal(pm.problems[0]?.code, 'binary-content');
    assert.equal(pm.problems[0]?.range.start.line, 2);
  });
  it('reports broken YAML where it is and still reads the rest', () => {
    const pm = parsePostmortem('---\ntitle: [unclosed\ndate: 2025-01-01\n---\n\n# Real title\n\n## Timeline\n\n- 10:00 A\n');
    const problem = pm.problems.find((p) => p.code === 'yaml-syntax');
    assert.ok(problem, 'a yaml-syntax problem');
    assert.ok(problem.range.start.line >= 2 && problem.range.start.line <= 4, `line ${problem.range.start.line}`);
    assert.equal(pm.frontmatter?.data, undefined);
    assert.equal(pm.title, 'Real title');
    assert.equal(pm.timeline.events.length, 1);
  });
  it('reports frontmatter that is not a mapping', () => {
    const pm = parsePostmortem('---\n- just\n- a list\n---\n# T\n');
    assert.equal(pm.problems[0]?.code, 'yaml-not-mapping');
  });
  it('reports an unknown time zone in frontmatter', () => {
    const pm = parsePostmortem('---\ntimezone: Mars/Base\n---\n# T\n');
    assert.equal(pm.problems[0]?.code, 'unknown-time-zone');
  });
  it('survives YAML alias bombs without expanding them', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)];
    const pm = parsePostmortem(`---\n${bomb.join('\n')}\n---\n# T\n`);
    assert.equal(pm.frontmatter?.data, undefined);
    assert.ok(pm.problems.some((p) => p.code === 'yaml-syntax'));
  });
  it('reads ragged table rows: missing cells are missing fields placed at the row end', () => {
    const pm = parsePostmortem('## Action items\n\n| Priority | Action | Owner | Deadline |\n|---|---|---|---|\n| P1 | Add alert |\n| P2 | Add test | Ann | 2025-01-01 | extra | cells |\n');
    assert.equal(pm.actionItems.length, 2);
    const [short, long] = pm.actionItems;
    assert.equal(short!.owner.origin, 'missing');
    // `| P1 | Add alert |` is 18 characters: the insertion point is just after it.
    assert.deepEqual(short!.owner.range.start, { line: 5, column: 19 });
    assert.equal(short!.deadline.origin, 'missing');
    assert.equal(long!.owner.value, 'Ann');
    assert.equal(long!.deadline.value, '2025-01-01');
  });
  it('reads a table without a header row recognised as action columns by position', () => {
    const pm = parsePostmortem('## Action items\n\n| A | B |\n|---|---|\n| Fix it | now |\n');
    assert.equal(pm.actionItems[0]!.action.text, 'Fix it');
  });
  it('survives deeply nested lists, unclosed fences and HTML', () => {
    const nested = Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n');
    const text = `# T\n\n## Timeline\n\n${nested}\n\n<script>alert(1)</script>\n\n\`\`\`\n14:00 unclosed fence\n`;
    const pm = parsePostmortem(text);
    assert.ok(pm.timeline.events.length >= 1);
  });
});

describe('positions', () => {
  it('keeps columns of the text as the editor shows it when a BOM is present', () => {
    const pm = parsePostmortem(`\uFEFF${example}`);
    const plain = parsePostmortem(example);
    assert.deepEqual(pm.timeline.events.map((e) => e.range), plain.timeline.events.map((e) => e.range));
  });
  it('counts CRLF and lone CR line endings as one line break each', () => {
    const crlf = parsePostmortem(example.replace(/\n/g, '\r\n'));
    const cr = parsePostmortem(example.replace(/\n/g, '\r'));
    const lf = parsePostmortem(example);
    const lines = (pm: typeof lf) => pm.timeline.events.map((e) => `${e.line}:${e.time?.range.start.column}`);
    assert.deepEqual(lines(crlf), lines(lf));
    assert.deepEqual(lines(cr), lines(lf));
    assert.deepEqual(crlf.actionItems.map((a) => a.owner.range), lf.actionItems.map((a) => a.owner.range));
  });
  it('gives each table cell its own range', () => {
    const pm = parsePostmortem(example);
    const row = pm.actionItems[1]!;
    const line = example.split('\n')[row.line - 1]!;
    for (const f of [row.priority, row.action, row.owner, row.deadline]) {
      assert.equal(line.slice(f.range.start.column - 1, f.range.end.column - 1), f.text);
    }
  });
});

describe('sections', () => {
  it('recognises headings by synonym and case', () => {
    assert.equal(sectionKindOf('Timeline (all times UTC)'), 'timeline');
    assert.equal(sectionKindOf('Timeline (all times PST) 07/27/2023 - 07/31/2023. All times approximations'), 'timeline');
    assert.equal(sectionKindOf('Timeline (all times PST ) Saturday Oct 30th 2021 - Monday Nov 1st, 2021'), 'timeline');
    assert.equal(sectionKindOf('Follow-up timeline (times in BST)'), 'timeline');
    assert.equal(sectionKindOf('Follow-up items'), 'action-items');
    assert.equal(sectionKindOf('Timeline review process'), undefined);
    assert.equal(sectionKindOf('ROOT CAUSE ANALYSIS'), 'root-cause');
    assert.equal(sectionKindOf('The Five Whys'), 'root-cause');
    assert.equal(sectionKindOf('Follow-ups'), 'action-items');
    assert.equal(sectionKindOf('Remediation'), 'action-items');
    assert.equal(sectionKindOf('2. Lessons learned'), 'lessons-learned');
    assert.equal(sectionKindOf('Root cause and contributing factors'), 'root-cause');
    assert.equal(sectionKindOf('Response times of the API'), undefined);
    assert.equal(sectionKindOf('Appendix'), undefined);
  });
  it('builds the heading tree with ranges that end before the next heading', () => {
    const pm = parsePostmortem(example);
    const kinds = allSections(pm.sections).map((s) => s.kind ?? s.title);
    assert.deepEqual(kinds, [
      'Progress API 500 errors after v2.4.1 deploy', 'summary', 'impact', 'timeline', 'root-cause', 'contributing-factors', 'action-items', 'lessons-learned',
    ]);
    const timeline = findSection(pm.sections, 'timeline')!;
    assert.equal(timeline.range.start.line, 21);
    assert.equal(timeline.range.end.line, 37);
  });
});

describe('the seed example', () => {
  const pm = parsePostmortem(example);
  it('has ten timeline events in order, in UTC from the heading', () => {
    assert.equal(pm.timeline.events.length, 10);
    assert.equal(pm.timeline.zone?.name, 'UTC');
    const minutes = pm.timeline.events.map((e) => e.time!.minutes);
    assert.deepEqual([...minutes].sort((a, b) => a - b), minutes);
  });
  it('reads five whys and four contributing factors', () => {
    assert.equal(pm.whyChains.length, 1);
    assert.equal(pm.whyChains[0]!.steps.length, 5);
    assert.ok(pm.whyChains[0]!.steps.every((s) => s.question && s.answer));
    assert.equal(pm.contributingFactors.filter((f) => f.source === 'contributing-factors').length, 4);
    // The chain's "Why was the missing index not caught?" says how the cause got through, too.
    assert.deepEqual(pm.contributingFactors.filter((f) => f.source !== 'contributing-factors').map((f) => f.text), ['Why was the missing index not caught?']);
  });
  it('reads six action items, the first one done by its deadline cell', () => {
    assert.equal(pm.actionItems.length, 6);
    assert.deepEqual(pm.actionItems.map((a) => a.done), [true, false, false, false, false, false]);
    assert.deepEqual(pm.actionItems.map((a) => a.priority.value), [0, 1, 1, 2, 2, 3]);
  });
});

describe('large documents', () => {
  it('parses a 10,000-line postmortem', () => {
    const events = Array.from({ length: 4000 }, (_, i) => `- **${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}** — Step ${i} by Alice`);
    const rows = Array.from({ length: 2000 }, (_, i) => `| P${i % 4} | Add alert number ${i} on svc-${i} | Bob | 2025-05-01 |`);
    const prose = Array.from({ length: 4000 }, (_, i) => (i % 2 ? '' : `Paragraph ${i} about the incident with some words in it.`));
    const text = ['# Big', '## Summary', ...prose, '## Timeline', ...events, '## Action items', '| Priority | Action | Owner | Deadline |', '|---|---|---|---|', ...rows].join('\n');
    assert.ok(text.split('\n').length >= 10000);
    const pm = parsePostmortem(text);
    assert.equal(pm.timeline.events.length, 4000);
    assert.equal(pm.actionItems.length, 2000);
  });
});
