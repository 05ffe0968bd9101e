import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { csvCell, EXPORT_FORMATS, exportItems, parsePostmortem, renderExport, stableId } from '../../src/core';
import type { ExportFormat, ExportItem } from '../../src/core';
import { repoRoot } from './root';

const root = repoRoot;
const seed = exportItems(parsePostmortem(readFileSync(join(root, 'examples/progress-sync-outage.md'), 'utf8')), 'examples/progress-sync-outage.md');
const hostileFile = 'test/fixtures/export-hostile.md';
const hostile = exportItems(parsePostmortem(readFileSync(join(root, hostileFile), 'utf8')), hostileFile);
const NOW = new Date('2025-05-02T10:00:00Z');

/** Strings a spreadsheet, a shell or a calendar could misread, for round trips. */
const NASTY = ['=HYPERLINK("http://x","y")', "it's \"quoted\", with commas", 'line one\nline two\r\nthree', '$(rm -rf ~) `id` ${HOME}', '-2+3', '@SUM(A1)', '\tTabbed', 'emoji 🔥 ünïcödé', 'semi;colon,comma\\backslash', "'; echo broken; '"];
const nastyItems: ExportItem[] = NASTY.map((action, i) => ({
  id: stableId('INC', action), priority: `P${i % 4}`, action, owner: i % 2 ? 'kim' : 'Kim Lee', deadline: `2025-06-${String(10 + i).padStart(2, '0')}`,
  status: i === 3 ? 'done' : 'open', ticket: '', type: '', file: 'pm/x.md', line: 10 + i, incident: 'INC-1', incidentDate: '2025-05-01',
}));

/** What a spreadsheet shows for a cell written by csvCell. */
const shown = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

describe('export: the seed example', () => {
  it('has six items, the P0 one done, owners and dates intact, stable ids', () => {
    assert.equal(seed.length, 6);
    assert.deepEqual(seed.map((i) => [i.priority, i.owner, i.deadline ?? null, i.status]), [
      ['P0', 'Alice', null, 'done'], ['P1', 'Bob', '2025-04-20', 'open'], ['P1', 'Carlos', '2025-05-01', 'open'],
      ['P2', 'Alice', '2025-05-15', 'open'], ['P2', 'Dana', '2025-04-25', 'open'], ['P3', 'Bob', '2025-06-01', 'open'],
    ]);
    // The id depends on incident and action, not on where the row is.
    const moved = exportItems(parsePostmortem(`\n\n\n${readFileSync(join(root, 'examples/progress-sync-outage.md'), 'utf8')}`), 'elsewhere.md');
    assert.deepEqual(moved.map((i) => i.id), seed.map((i) => i.id));
    assert.equal(new Set(seed.map((i) => i.id)).size, 6);
  });
  it('writes every format for it', () => {
    for (const f of Object.keys(EXPORT_FORMATS) as ExportFormat[]) assert.ok(renderExport(f, seed, { now: NOW }).text.length > 50, f);
  });
});

describe('export: csv, jira-csv and linear-csv parse back with a CSV parser', () => {
  it('generic CSV keeps every field, with formulas neutralised', () => {
    const rows: string[][] = parseCsv(renderExport('csv', [...seed, ...nastyItems]).text, { relax_column_count: false });
    assert.deepEqual(rows[0], ['id', 'priority', 'action', 'owner', 'deadline', 'status', 'ticket', 'type', 'source_file', 'source_line', 'incident', 'incident_date']);
    assert.equal(rows.length, 1 + seed.length + nastyItems.length);
    assert.deepEqual(rows[1], [seed[0]!.id, 'P0', 'Add index on lesson_progress.user_id', 'Alice', '', 'done', '', '', 'examples/progress-sync-outage.md', '67', 'Progress API 500 errors after v2.4.1 deploy', '2025-04-14']);
    nastyItems.forEach((item, i) => assert.equal(rows[1 + seed.length + i]![2], shown(item.action)));
  });
  it('separates fields with --delimiter semicolon or tab, quoting cells that hold the separator', () => {
    for (const [name, sep] of [['semicolon', ';'], ['tab', '\t']] as const) {
      const text = renderExport('csv', [...seed, ...nastyItems], { formatOptions: { delimiter: name } }).text;
      const rows: string[][] = parseCsv(text, { delimiter: sep, relax_column_count: false });
      assert.equal(rows.length, 1 + seed.length + nastyItems.length);
      assert.equal(rows[0]!.length, 12);
      assert.ok(text.split('\r\n')[0]!.includes(sep), name);
      nastyItems.forEach((item, i) => assert.equal(rows[1 + seed.length + i]![2], shown(item.action)));
    }
    assert.equal(csvCell('a;b', ';'), '"a;b"');
  });
  it('neutralises formula cells, and only those', () => {
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('@A1'), "'@A1");
    assert.equal(csvCell('-1'), "'-1");
    assert.equal(csvCell('a=b'), 'a=b');
    assert.equal(csvCell('a|b'), '"a|b"');
  });
  it('Jira CSV maps priorities and labels', () => {
    const rows: string[][] = parseCsv(renderExport('jira-csv', seed).text);
    assert.deepEqual(rows[0], ['Summary', 'Description', 'Priority', 'Assignee', 'Due date', 'Labels', 'Labels']);
    assert.deepEqual(rows.slice(1).map((r) => [r[2], r[3], r[4], r[5], r[6]]), [
      ['Highest', 'Alice', '', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
      ['High', 'Bob', '2025-04-20', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
      ['High', 'Carlos', '2025-05-01', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
      ['Medium', 'Alice', '2025-05-15', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
      ['Medium', 'Dana', '2025-04-25', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
      ['Low', 'Bob', '2025-06-01', 'postmortem', 'progress-api-500-errors-after-v2-4-1-deploy'],
    ]);
    assert.match(rows[2]![1]!, /examples\/progress-sync-outage\.md, line 68/);
    const custom: string[][] = parseCsv(renderExport('jira-csv', seed, { jiraPriorities: { P0: 'Blocker' } }).text);
    assert.equal(custom[1]![2], 'Blocker');
  });
  it('Linear CSV puts the deadline into the description', () => {
    const rows: string[][] = parseCsv(renderExport('linear-csv', seed).text);
    assert.deepEqual(rows[0], ['Title', 'Description', 'Priority', 'Assignee', 'Labels']);
    assert.equal(rows[2]![2], 'High');
    assert.match(rows[2]![1]!, /Deadline: 2025-04-20\./);
    assert.equal(rows[1]![2], 'Urgent');
  });
});

describe('export: json matches its schema', () => {
  const schema = JSON.parse(readFileSync(join(root, 'docs/schema/action-items.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  it('for the seed, the hostile fixture and nasty strings', () => {
    for (const items of [seed, hostile, nastyItems]) {
      const data = JSON.parse(renderExport('json', items).text) as Array<{ action: string }>;
      assert.ok(validate(data), JSON.stringify(validate.errors));
      assert.deepEqual(data.map((d) => d.action), items.map((i) => i.action));
    }
    const first = JSON.parse(renderExport('json', seed).text)[0];
    assert.deepEqual(first, { id: seed[0]!.id, priority: 'P0', action: 'Add index on lesson_progress.user_id', owner: 'Alice', deadline: null, status: 'done', ticket: null, file: 'examples/progress-sync-outage.md', line: 67, incident: 'Progress API 500 errors after v2.4.1 deploy' });
  });
});

describe('export: markdown task list', () => {
  it('groups by priority and checks done items; HTML stays text', () => {
    const md = renderExport('markdown', [...seed, ...hostile]).text;
    assert.match(md, /^# Action items\n\n## P0\n\n- \[x\] Add index on lesson_progress.user_id — @Alice · no deadline/m);
    assert.match(md, /## P1\n\n- \[ \] Add query latency alerting \(&gt;100ms p99\) — @Bob · due 2025-04-20/);
    assert.doesNotMatch(md, /<script>/);
    assert.match(md, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(md, /\]\(javascript:/);
  });
});

describe('export: iCalendar parses back with ical.js', () => {
  it('one VTODO per deadline, with text intact', () => {
    const text = renderExport('ics', [...seed, ...nastyItems], { now: NOW }).text;
    for (const line of text.split('\r\n')) assert.ok(new TextEncoder().encode(line).length <= 75, `folded: ${line}`);
    const cal = new ICAL.Component(ICAL.parse(text));
    const todos = cal.getAllSubcomponents('vtodo');
    assert.equal(todos.length, 5 + nastyItems.length);
    const first = todos[0]!;
    assert.equal(first.getFirstPropertyValue('summary'), '[P1] Add query latency alerting (>100ms p99)');
    assert.equal(String(first.getFirstPropertyValue('due')), '2025-04-20');
    assert.equal(first.getFirstPropertyValue('uid'), `${seed[1]!.id}@postmortem-markdown`);
    nastyItems.forEach((item, i) => {
      const todo = todos[5 + i]!;
      assert.equal(todo.getFirstPropertyValue('summary'), `[${item.priority}] ${item.action.replace(/\r\n|\r/g, '\n')}`);
      assert.equal(todo.getFirstPropertyValue('status'), item.status === 'done' ? 'COMPLETED' : 'NEEDS-ACTION');
    });
  });
  it('skips items without a deadline date and says so', () => {
    const r = renderExport('ics', hostile, { now: NOW });
    assert.deepEqual(r.skipped.map((s) => s.reason), ['no deadline date', 'no deadline date']);
  });
});

describe('export: gh script', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pm-gh-'));
  it('passes bash -n and, run with a stand-in gh, hands every value over exactly as data', () => {
    try {
      const items = [...nastyItems, ...hostile];
      const script = join(dir, 'issues.sh');
      writeFileSync(script, renderExport('gh', items).text);
      assert.equal(spawnSync('bash', ['-n', script]).status, 0);
      // A gh that records its arguments, NUL-separated, one call per record.
      const run = spawnSync('bash', ['-c', 'gh() { for a in "$@"; do printf "%s\\0" "$a"; done; printf "\\1"; }; source "$1"', '_', script], { cwd: dir, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      const calls = run.stdout.split('\u0001').filter(Boolean).map((c) => c.split('\u0000').slice(0, -1));
      const open = items.filter((i) => i.status === 'open');
      assert.equal(calls.length, open.length);
      calls.forEach((args, i) => {
        assert.deepEqual(args.slice(0, 4), ['issue', 'create', '--title', open[i]!.action]);
        assert.ok(args.includes('--body'));
      });
      // Nothing in the text ran.
      for (const f of ['pwned-subshell', 'pwned-backtick']) assert.ok(!existsSync(join(dir, f)), f);
      // Owners that are not GitHub logins are not assignees.
      assert.ok(!calls.some((a) => a.includes('--assignee') && a[a.indexOf('--assignee') + 1] === 'Kim Lee'));
      assert.ok(calls.some((a) => a.includes('--assignee') && a[a.indexOf('--assignee') + 1] === 'kim'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
