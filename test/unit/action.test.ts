// The GitHub Action's entry point, run as a runner runs it: GITHUB_* variables, inputs as INPUT_*,
// a pull request event, a git repository with a base and a head commit.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './root';

const root = repoRoot;
const bad = readFileSync(join(root, 'test/fixtures/rules/action-missing-owner.md'), 'utf8');

describe('GitHub Action', () => {
  let repo = '';
  let base = '';
  let head = '';
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'pm-action-'));
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    mkdirSync(join(repo, 'postmortems'));
    writeFileSync(join(repo, 'postmortems', '2025-01-10-old.md'), bad);
    writeFileSync(join(repo, 'README.md'), '# Service\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    base = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'postmortems', '2025-04-14-outage.md'), bad);
    writeFileSync(join(repo, 'notes.md'), '# Meeting notes\n\nNothing to check.\n');
    writeFileSync(join(repo, 'README.md'), '# Service\n\nNow with postmortems.\n');
    git('add', '.');
    git('commit', '-q', '-m', 'head');
    head = git('rev-parse', 'HEAD');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  function runAction(inputs: Record<string, string>, event?: object) {
    const eventPath = join(repo, '..', `${repo.split('/').pop()}-event.json`);
    const summary = join(repo, '..', `${repo.split('/').pop()}-summary.md`);
    writeFileSync(eventPath, JSON.stringify(event ?? {}));
    writeFileSync(summary, '');
    const p = spawnSync(process.execPath, [join(root, 'scripts/action.mjs')], {
      cwd: repo,
      encoding: 'utf8',
      env: {
        PATH: process.env['PATH'],
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: repo,
        GITHUB_EVENT_NAME: event ? 'pull_request' : 'push',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_STEP_SUMMARY: summary,
        GITHUB_ACTION_PATH: root,
        POSTMORTEM_CLI: join(root, 'dist/cli.js'),
        ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase().replace(/-/g, '_')}`, v])),
      },
    });
    return { ...p, summary: readFileSync(summary, 'utf8') };
  }

  it('annotates the postmortems a pull request changes, and nothing else', () => {
    const r = runAction({}, { pull_request: { base: { sha: base }, head: { sha: head } } });
    assert.equal(r.status, 0, r.stderr);
    const annotated = new Set([...r.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]));
    assert.deepEqual([...annotated], ['postmortems/2025-04-14-outage.md']);
    assert.match(r.stdout, /^::warning file=postmortems\/2025-04-14-outage\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=action-missing-owner::Action item/m);
    assert.match(r.summary, /^### Postmortem Markdown\n\n1 file, 0 errors, \d+ warnings/);
  });
  it('fails the job when warnings exceed max-warnings', () => {
    const r = runAction({ 'max-warnings': '0' }, { pull_request: { base: { sha: base }, head: { sha: head } } });
    assert.equal(r.status, 1);
  });
  it('checks the given paths instead of the changed files', () => {
    const r = runAction({ paths: 'postmortems/2025-01-10-old.md' }, { pull_request: { base: { sha: base }, head: { sha: head } } });
    assert.equal(r.status, 0);
    const annotated = new Set([...r.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]));
    assert.deepEqual([...annotated], ['postmortems/2025-01-10-old.md']);
  });
  it('passes a pull request that changes no postmortem', () => {
    git('checkout', '-q', '-b', 'docs');
    writeFileSync(join(repo, 'README.md'), '# Service\n\nDocs only.\n');
    git('commit', '-q', '-am', 'docs');
    const docsHead = git('rev-parse', 'HEAD');
    const r = runAction({}, { pull_request: { base: { sha: head }, head: { sha: docsHead } } });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /none of the files is a postmortem/);
    git('checkout', '-q', 'main');
  });
  it('checks the whole repository outside pull requests', () => {
    const r = runAction({});
    assert.equal(r.status, 0);
    const annotated = new Set([...r.stdout.matchAll(/^::\w+ file=([^,]+),/gm)].map((m) => m[1]));
    assert.deepEqual([...annotated].sort(), ['postmortems/2025-01-10-old.md', 'postmortems/2025-04-14-outage.md']);
  });
  it('is a composite action whose default version is the package version', () => {
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(action.runs.using, 'composite');
    assert.equal(action.inputs.version.default, pkg.version);
    assert.match(action.runs.steps[0].run, /scripts\/action\.mjs/);
  });
});
