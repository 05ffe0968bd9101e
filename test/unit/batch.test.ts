// Many files from the command line: the result cache and the worker threads give what a plain run gives.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LintCache, workerCount } from '../../src/cli/batch';
import { repoRoot } from './root';

const root = repoRoot;
const cli = join(root, 'dist/cli.js');
const bad = readFileSync(join(root, 'test/fixtures/rules/action-missing-owner.md'), 'utf8');
const example = readFileSync(join(root, 'examples/progress-sync-outage.md'), 'utf8');

describe('LintCache', () => {
  let dir = '';
  before(() => { dir = mkdtempSync(join(tmpdir(), 'pm-cache-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reuses a result without reading the file while its size and time stay, and hashes it when only the time moved', () => {
    const file = join(dir, 'a.md');
    const store = join(dir, 'cache.json');
    writeFileSync(file, 'one two\n');
    const first = new LintCache(store, '1.0.0', '2025-04-15');
    assert.equal(first.lookup(file, 'k'), undefined);
    first.store(file, 'k', undefined, []);
    first.save();
    const warm = new LintCache(store, '1.0.0', '2025-04-15');
    assert.deepEqual(warm.lookup(file, 'k'), { findings: [] });
    assert.deepEqual([warm.hits, warm.reads], [1, 0]);
    utimesSync(file, new Date(), new Date(Date.now() + 60_000));
    assert.deepEqual(warm.lookup(file, 'k'), { findings: [] }, 'same content, new time: still a hit');
    assert.deepEqual([warm.hits, warm.reads], [2, 1]);
    writeFileSync(file, 'one six\n');
    utimesSync(file, new Date(), new Date(Date.now() + 120_000));
    assert.equal(warm.lookup(file, 'k'), undefined, 'same size, other content: linted again');
    assert.equal(warm.lookup(file, 'other config'), undefined);
    assert.equal(new LintCache(store, '1.0.1', '2025-04-15').lookup(file, 'k'), undefined, 'another version starts afresh');
    assert.equal(new LintCache(store, '1.0.0', '2025-04-16').lookup(file, 'k'), undefined, 'another day starts afresh');
  });
  it('uses threads only for large runs, never more than files', () => {
    assert.equal(workerCount(10, undefined), 1);
    assert.ok(workerCount(1000, undefined) >= 1);
    assert.equal(workerCount(3, 8), 3);
    assert.equal(workerCount(100, 2), 2);
  });
});

describe('postmortem lint --cache and --jobs', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-batch-'));
    mkdirSync(join(dir, 'postmortems'));
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, 'postmortems', `2025-04-${String(i + 1).padStart(2, '0')}-incident.md`), i % 3 === 0 ? example : bad);
    writeFileSync(join(dir, 'postmortems', 'README.md'), '# Postmortems\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));
  const lint = (...args: string[]) => spawnSync(process.execPath, [cli, 'lint', '--format', 'json', '--today', '2025-04-15', ...args, 'postmortems'], { cwd: dir, encoding: 'utf8' });

  it('gives the same findings on one thread, on several, and from a warm cache', () => {
    const plain = lint('-j', '1');
    assert.equal(plain.status, 0, plain.stderr);
    assert.ok(JSON.parse(plain.stdout).length > 0);
    const threads = lint('-j', '3');
    assert.equal(threads.stdout, plain.stdout);
    const cold = lint('--cache');
    assert.ok(existsSync(join(dir, '.postmortemcache')));
    const warm = lint('--cache');
    assert.equal(cold.stdout, plain.stdout);
    assert.equal(warm.stdout, plain.stdout);
    assert.equal(warm.stderr, plain.stderr);
  });
  it('lints a changed file again, and a changed configuration everything', () => {
    lint('--cache');
    const file = join(dir, 'postmortems', '2025-04-02-incident.md');
    writeFileSync(file, bad.replace('Add a lag alert on the replica', 'Add a lag alert on the replica (owner: Jo)'));
    const changed = JSON.parse(lint('--cache').stdout) as Array<{ file: string; line: number; ruleId: string }>;
    const fresh = JSON.parse(lint().stdout) as unknown[];
    assert.deepEqual(changed, fresh);
    writeFileSync(join(dir, '.postmortem.yaml'), 'rules:\n  action-missing-owner: off\n');
    const off = JSON.parse(lint('--cache').stdout) as Array<{ ruleId: string }>;
    assert.ok(!off.some((f) => f.ruleId === 'action-missing-owner'));
    rmSync(join(dir, '.postmortem.yaml'));
  });
  it('keeps the cache where --cache-location says', () => {
    // Its folder is made when missing.
    assert.equal(lint('--cache', '--cache-location', 'ci/cache/pm.json').status, 0);
    assert.ok(existsSync(join(dir, 'ci', 'cache', 'pm.json')));
    assert.equal(lint('--cache', '--cache-location', 'ci/pm-cache.json').status, 0);
    assert.ok(existsSync(join(dir, 'ci', 'pm-cache.json')));
  });
});
