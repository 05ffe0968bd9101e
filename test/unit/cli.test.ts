import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { githubAnnotations } from '../../src/cli/formats';
import { main } from '../../src/cli/main';
import { repoRoot } from './root';

const root = repoRoot;
const example = join(root, 'examples/progress-sync-outage.md');

async function cli(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('postmortem timeline', () => {
  it('prints the example timeline as JSON with events, zone and both kinds of metrics', async () => {
    const r = await cli('timeline', '--format', 'json', example);
    assert.equal(r.code, 0);
    const json = JSON.parse(r.out);
    assert.equal(json.events.length, 10);
    assert.equal(json.timezone.name, 'UTC');
    assert.deepEqual(Object.keys(json.events[0]), ['line', 'time', 'text', 'actor', 'kind']);
    assert.equal(json.events[0].time, '2025-04-14T14:23:00Z');
    const e1442 = json.events.find((e: { time: string }) => e.time.endsWith('14:42:00Z'));
    assert.match(e1442.text, /missing index on `lesson_progress.user_id` causing full table scans under load$/);
    const reading = json.computedMetrics.find((c: { start: string }) => c.start === 'first-event');
    assert.equal(reading.metrics.timeToDetect.minutes, 2);
    assert.equal(reading.metrics.timeToMitigate.minutes, 21);
    assert.equal(reading.metrics.totalDuration.minutes, 23);
    assert.deepEqual(json.statedMetrics.map((m: { metric: string; minutes: number }) => [m.metric, m.minutes]), [
      ['totalDuration', 23], ['timeToDetect', 2], ['timeToMitigate', 21],
    ]);
  });
  it('gives each metric by its definition, with the kind, line and time it runs from and to', async () => {
    const json = JSON.parse((await cli('timeline', '--format', 'json', example)).out);
    assert.deepEqual(json.metrics.timeToDetect, {
      minutes: 2,
      from: { kind: 'trigger', line: 23, iso: '2025-04-14T14:23:00Z' },
      to: { kind: 'detected', line: 24, iso: '2025-04-14T14:25:00Z' },
      reading: 'trigger 14:23 → detection 14:25',
    });
    assert.deepEqual(json.metrics.timeToAcknowledge.from, { kind: 'detected', line: 24, iso: '2025-04-14T14:25:00Z' });
    assert.deepEqual(Object.keys(json.metrics), ['timeToDetect', 'timeToAcknowledge', 'timeToMitigate', 'timeToResolve', 'totalDuration']);
  });
  it('says in text which reading each metric is', async () => {
    const r = await cli('timeline', example);
    assert.match(r.out, /^ {4}time to detect +2 min +trigger 14:23 → detection 14:25 {2}\(lines 23–24\)$/m);
    assert.match(r.out, /^ {4}time to acknowledge +6 min +detection 14:25 → acknowledgement 14:31 {2}\(lines 24–26\)$/m);
  });
  it('prints readable text by default', async () => {
    const r = await cli('timeline', example);
    assert.equal(r.code, 0);
    assert.match(r.out, /time zone: UTC \(from heading\)/);
    assert.match(r.out, /14:44:00 {2}Alice rolls back to v2\.4\.0 {2}@Alice \[mitigated\]/);
  });
  it('draws the timeline as SVG', async () => {
    const r = await cli('timeline', '--format', 'svg', example);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(r.out, />MITIGATED · Alice rolls back to v2\.4\.0</);
    assert.match(r.out, />Time to detect: 2 min — trigger 14:23 → detection 14:25</);
  });
  it('prints an array for several files', async () => {
    const r = await cli('timeline', '--format=json', example, join(root, 'test/fixtures/table-timeline.md'));
    assert.equal(JSON.parse(r.out).length, 2);
  });
});

describe('errors are one line on stderr and exit code 2', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['a missing file', ['timeline', 'no/such/file.md'], /no\/such\/file\.md: no such file/],
    ['a directory', ['timeline', root], /is a directory/],
    ['an unknown format', ['timeline', '--format', 'xml', example], /unknown format 'xml'/],
    ['an SVG of two files', ['timeline', '--format', 'svg', example, example], /one FILE/],
    ['a missing format value', ['timeline', '--format'], /needs a value/],
    ['no file', ['timeline'], /needs a FILE/],
    ['an unknown option', ['timeline', '--colour', example], /unknown option '--colour'/],
    ['an unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['an export without a format', ['export', example], /export needs --format/],
    ['an unknown export format', ['export', '--format', 'xlsx', example], /unknown format 'xlsx'/],
  ];
  for (const [what, args, message] of cases) {
    it(`for ${what}`, async () => {
      const r = await cli(...args);
      assert.equal(r.code, 2);
      assert.match(r.err, message);
      assert.equal(r.err.split('\n').length, 1);
      assert.equal(r.out, '');
    });
  }
  it('from the built executable too', async () => {
    const p = spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'timeline', 'missing.md'], { encoding: 'utf8' });
    assert.equal(p.status, 2);
    assert.equal(p.stdout, '');
    assert.equal(p.stderr, 'postmortem: missing.md: no such file\n');
  });
});

describe('postmortem lint', () => {
  const fixtures = join(root, 'test/fixtures');
  it('prints file:line:column severity message rule-id and exits 0 on a clean postmortem', async () => {
    const r = await cli('lint', '--today', '2025-04-15', example);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
  });
  it('measures overdue items against --today', async () => {
    const r = await cli('lint', '--today', '2025-04-22', example);
    assert.equal(r.code, 0);
    assert.match(r.out, /progress-sync-outage\.md:68:56 warning Action item "Add query latency alerting \(>100ms p99\)" was due 2025-04-20, 2 days ago.* action-overdue$/);
  });
  it('exits 1 on errors and prints JSON with exact positions', async () => {
    const r = await cli('lint', '--format', 'json', '--today', '2025-04-15', join(fixtures, 'rules/frontmatter-invalid.md'));
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json[0]), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'ruleId', 'message']);
    assert.deepEqual(json.filter((f: { ruleId: string }) => f.ruleId === 'frontmatter-invalid').map((f: { line: number; severity: string }) => [f.line, f.severity]), [[2, 'error'], [3, 'error']]);
  });
  it('exits 1 when warnings exceed --max-warnings', async () => {
    const file = join(fixtures, 'rules/action-vague.md');
    assert.equal((await cli('lint', '--today', '2025-04-15', '--max-warnings', '100', file)).code, 0);
    assert.equal((await cli('lint', '--today', '2025-04-15', '--max-warnings', '0', file)).code, 1);
  });
  it('searches folders for postmortems only', async () => {
    const r = await cli('lint', '--format', 'json', '--today', '2025-04-15', join(root, 'examples'));
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), []);
  });
  it('uses --config, and the nearest .postmortem.yaml otherwise', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-cli-'));
    try {
      const file = join(dir, 'incident-postmortem.md');
      writeFileSync(file, readFileSync(join(fixtures, 'rules/action-vague.md')));
      const count = (r: Awaited<ReturnType<typeof cli>>) => JSON.parse(r.out).filter((f: { ruleId: string }) => f.ruleId === 'action-vague').length;
      // As many as the rule's fixture expects, so the fixture can grow without this test changing.
      const expected = (JSON.parse(readFileSync(join(fixtures, 'rules/action-vague.expected.json'), 'utf8')) as string[]).length;
      assert.ok(expected > 0);
      assert.equal(count(await cli('lint', '--format', 'json', '--today', '2025-04-15', file)), expected);
      writeFileSync(join(dir, '.postmortem.yaml'), 'rules:\n  action-vague: off\n');
      assert.equal(count(await cli('lint', '--format', 'json', '--today', '2025-04-15', file)), 0);
      writeFileSync(join(dir, 'strict.yaml'), 'rules:\n  action-vague: error\n');
      const strict = await cli('lint', '--format', 'json', '--today', '2025-04-15', '--config', join(dir, 'strict.yaml'), file);
      assert.equal(strict.code, 1);
      assert.equal(count(strict), expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('rejects bad options with exit code 2', async () => {
    for (const args of [['lint'], ['lint', '--today', 'tomorrow', example], ['lint', '--max-warnings', 'x', example], ['lint', '--format', 'xml', example], ['lint', 'missing.md'], ['lint', '--config', 'missing.yaml', example]]) {
      const r = await cli(...args);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.err.split('\n').length, 1);
    }
  });
});

describe('postmortem export', () => {
  async function capture(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(args, { out: (s) => out.push(`${s}\n`), err: (s) => err.push(s), write: (s) => out.push(s) });
    return { code, out: out.join(''), err: err.join('\n') };
  }
  it('writes the chosen format to stdout and counts what it wrote on stderr', async () => {
    const r = await capture('export', '--format', 'json', example);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out).length, 6);
    assert.equal(r.err, 'exported 6 action items');
  });
  it('leaves done items out with --open-only, and says what gh skipped', async () => {
    assert.equal(JSON.parse((await capture('export', '--format', 'json', '--open-only', example)).out).length, 5);
    assert.equal((await capture('export', '--format', 'gh', example)).err, 'exported 5 action items; skipped 1 (already done)');
  });
  it('exports every postmortem of a folder', async () => {
    const r = await capture('export', '--format', 'csv', join(root, 'test/fixtures'));
    assert.equal(r.code, 0);
    assert.match(r.out, /export-hostile\.md/);
    assert.match(r.out, /seed-complete\.md/);
  });
  it('takes the options a format declares, and refuses them for other formats or bad values', async () => {
    const r = await capture('export', '--format', 'csv', '--delimiter', 'semicolon', example);
    assert.equal(r.code, 0);
    assert.match(r.out, /^id;priority;action;/);
    assert.match((await capture('export', '--format', 'json', '--delimiter', 'tab', example)).err, /--delimiter is an option of csv, not of json/);
    assert.match((await capture('export', '--format', 'csv', '--delimiter', '|', example)).err, /--delimiter takes one of comma, semicolon, tab/);
    assert.match((await capture('export', '--help')).out, /--delimiter comma\|semicolon\|tab +Field separator \(default: comma\) \(csv\)/);
  });
  it('writes -o FILE, and does not overwrite it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-export-'));
    try {
      const file = join(dir, 'items.md');
      assert.equal((await capture('export', '--format', 'markdown', '-o', file, example)).code, 0);
      assert.match(readFileSync(file, 'utf8'), /^# Action items/);
      const again = await capture('export', '--format', 'csv', '-o', file, example);
      assert.equal(again.code, 2);
      assert.match(again.err, /exists: pass --force/);
      assert.match(readFileSync(file, 'utf8'), /^# Action items/);
      assert.equal((await capture('export', '--format', 'csv', '-o', file, '--force', example)).code, 0);
      assert.match(readFileSync(file, 'utf8'), /^id,priority,action/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('help', () => {
  for (const [command, options] of [
    ['lint', ['--format', '--today', '--config', '--max-warnings', '--help']],
    ['timeline', ['--format', '--help']],
    ['export', ['--format', '--open-only', '--output', '--force', '--help']],
  ] as const) {
    for (const flag of ['-h', '--help']) {
      it(`postmortem ${command} ${flag} exits 0 and lists every option and the exit codes`, async () => {
        const r = await cli(command, flag);
        assert.equal(r.code, 0);
        assert.equal(r.err, '');
        assert.match(r.out, new RegExp(`^Usage: postmortem ${command} `));
        for (const o of options) assert.match(r.out, new RegExp(`${o}\\b`));
        assert.match(r.out, /Exit codes: 0 .*1 .*2 /);
      });
    }
  }
  it('postmortem --help lists the commands', async () => {
    const r = await cli('--help');
    assert.equal(r.code, 0);
    for (const c of ['lint', 'timeline', 'export']) assert.match(r.out, new RegExp(`^  ${c} `, 'm'));
  });
});

describe('postmortem lint in CI', () => {
  const bad = join(root, 'test/fixtures/rules/action-missing-owner.md');
  /** A folder with a postmortem, a README, a template and an ignored draft, written for the test. */
  function project(): string {
    const dir = mkdtempSync(join(tmpdir(), 'pm-ci-'));
    mkdirSync(join(dir, 'postmortems', 'templates'), { recursive: true });
    mkdirSync(join(dir, 'postmortems', 'drafts'), { recursive: true });
    writeFileSync(join(dir, '.postmortem.yaml'), 'ignores: ["postmortems/drafts/**"]\n');
    const report = readFileSync(bad, 'utf8');
    writeFileSync(join(dir, 'postmortems', '2025-04-14-outage.md'), report);
    writeFileSync(join(dir, 'postmortems', 'README.md'), '# Postmortems\n\nOne file per incident.\n');
    writeFileSync(join(dir, 'postmortems', 'postmortem-template.md'), '---\ntype: postmortem\n---\n# Title\n\n## Summary\n\nTBD\n');
    writeFileSync(join(dir, 'postmortems', 'templates', 'sev1.md'), '# Title\n\n## Timeline\n\n- 14:00 Event\n\n## Action items\n\n- Something\n');
    writeFileSync(join(dir, 'postmortems', 'drafts', 'half-written.md'), '---\ntype: postmortem\n---\n# Draft\n');
    writeFileSync(join(dir, 'postmortems', 'old-format.md'), '---\ntype: postmortem\ntemplate: true\n---\n# Old template\n');
    return dir;
  }

  it('skips README, index and template files and the configured ignores when searching a folder', async () => {
    const dir = project();
    try {
      const r = await cli('lint', '--format', 'json', '--today', '2025-04-15', join(dir, 'postmortems'));
      const files = [...new Set(JSON.parse(r.out).map((f: { file: string }) => f.file.replace(/^.*\//, '')))];
      assert.deepEqual(files, ['2025-04-14-outage.md']);
      assert.match(r.err, /^1 file, 0 errors, \d+ warnings$/m);
      // Named explicitly, a template is still checked.
      const named = await cli('lint', '--format', 'json', join(dir, 'postmortems', 'postmortem-template.md'));
      assert.ok(JSON.parse(named.out).length > 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('says what it looked for and exits 2 when a folder holds no postmortem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-none-'));
    try {
      writeFileSync(join(dir, 'notes.md'), '# Notes\n\nNothing here.\n');
      const r = await cli('lint', dir);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.match(r.err, /^postmortem: no postmortems found under .*pm-none-\S+ \(looked for Markdown files matching \*\*\/postmortems\/\*\*\/\*\.md, .*type: postmortem/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('prints the summary line on stderr, also when everything is fine', async () => {
    const r = await cli('lint', '--today', '2025-04-15', example);
    assert.equal(r.err, '1 file, 0 errors, 0 warnings');
  });
  it('--quiet reports errors only, and warnings do not count for --max-warnings', async () => {
    const loud = await cli('lint', '--today', '2025-04-15', '--max-warnings', '0', bad);
    assert.equal(loud.code, 1);
    const quiet = await cli('lint', '--quiet', '--today', '2025-04-15', '--max-warnings', '0', bad);
    assert.equal(quiet.code, 0);
    assert.equal(quiet.out, '');
    assert.match(quiet.err, /^1 file, 0 errors, 0 warnings$/);
  });
  it('--format github prints one workflow command per finding, with escaped values', async () => {
    const r = await cli('lint', '--format', 'github', '--today', '2025-04-15', bad);
    const lines = r.out.split('\n');
    assert.ok(lines.length > 1);
    for (const l of lines) assert.match(l, /^::(?:error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::[^\n]+$/);
    assert.match(r.out, /^::warning file=test\/fixtures\/rules\/action-missing-owner\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=action-missing-owner::Action item /m);
  });
  it('escapes %, newlines, colons and commas in workflow commands', () => {
    const finding = { ruleId: 'x-y', severity: 'info' as const, message: '50% done\nnext', range: { start: { line: 1, column: 2 }, end: { line: 1, column: 3 } }, fixes: [] };
    assert.deepEqual(githubAnnotations([{ file: 'a,b:c.md', finding }]), ['::notice file=a%2Cb%3Ac.md,line=1,col=2,endLine=1,endColumn=3,title=x-y::50%25 done%0Anext']);
  });
  it('--format gitlab prints a Code Quality report with stable fingerprints', async () => {
    const a = JSON.parse((await cli('lint', '--format', 'gitlab', '--today', '2025-04-15', bad)).out);
    const b = JSON.parse((await cli('lint', '--format', 'gitlab', '--today', '2025-04-15', bad)).out);
    assert.ok(a.length > 0);
    assert.deepEqual(a, b);
    assert.equal(new Set(a.map((i: { fingerprint: string }) => i.fingerprint)).size, a.length);
    for (const i of a) {
      assert.deepEqual(Object.keys(i), ['type', 'description', 'check_name', 'categories', 'fingerprint', 'severity', 'location']);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(i.severity));
      assert.equal(typeof i.location.lines.begin, 'number');
    }
  });
  it('exits quietly when the reader of its output goes away', () => {
    const p = spawnSync('sh', ['-c', `"${process.execPath}" "${join(root, 'dist/cli.js')}" lint --today 2025-04-22 "${join(root, 'test/fixtures')}" | head -c 1 >/dev/null; echo "status=\${PIPESTATUS:-done}"`], { encoding: 'utf8' });
    assert.doesNotMatch(p.stderr, /EPIPE|Error|at /);
  });
});
