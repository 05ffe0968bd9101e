// The pre-commit hook through the real `pre-commit` (Debian's package, installed when missing):
// `pre-commit try-repo` of this repository on a temporary git repository with a good and a bad
// postmortem, running the npm package packed from this checkout.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from './root';

const root = repoRoot;

/** `pre-commit` on the PATH, installed from Debian's packages when it is not. */
function ensurePreCommit(): void {
  if (spawnSync('pre-commit', ['--version']).status === 0) return;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'pre-commit'], { stdio: 'ignore', env, timeout: 600_000 });
}

/** A postmortem with nothing to warn about: every item owned, prioritised and due after today. */
function goodPostmortem(): string {
  const due = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  return [
    '---', 'title: Checkout errors after the payment client upgrade', 'date: 2025-04-14', 'severity: SEV-2', '---', '',
    '# Checkout errors after the payment client upgrade', '',
    '## Summary', '', 'For 23 minutes about 4% of checkouts failed after the payment client was upgraded.', '',
    '## Impact', '', 'About 1,900 checkouts failed between 14:23 and 14:46 UTC.', '',
    '## Timeline (all times UTC)', '',
    '- **14:23** — Deploy of payment client v5 reaches production [trigger]',
    '- **14:25** — Error-rate alert on checkout fires [detected]',
    '- **14:31** — Priya acknowledges the page',
    '- **14:44** — Priya rolls back to payment client v4 [mitigated]',
    '- **14:46** — Error rate is back to baseline [resolved]', '',
    '## Root cause', '',
    '1. Why did checkouts fail? The client rejected responses without a `currency` field.',
    '2. Why did responses lack it? Refunds return the amount only.',
    '3. Why was that not caught? The contract tests use purchase responses only.',
    '4. Why only purchases? The refund fixtures were never recorded.',
    '5. Why not? Recording fixtures is a manual step nobody owns.', '',
    '## Contributing factors', '', '- The canary stage lasts 2 minutes, shorter than the alert window.',
    '- Refund traffic is 3% of requests, below the canary error threshold.', '',
    '## Action items', '',
    '| Priority | Action | Owner | Deadline | Ticket |',
    '| --- | --- | --- | --- | --- |',
    `| P1 | Record refund responses as contract-test fixtures for the payment client | @priya | ${due} | PAY-101 |`,
    `| P2 | Extend the checkout canary stage to 10 minutes | @sam | ${due} | PAY-102 |`, '',
  ].join('\n');
}

describe('pre-commit hook', { timeout: 600_000 }, () => {
  let repo = '';
  let work = '';
  let tarball = '';
  before(() => {
    ensurePreCommit();
    work = mkdtempSync(join(tmpdir(), 'pm-hook-'));
    tarball = execFileSync(process.execPath, [join(root, 'scripts/npm-package.mjs'), '--out', join(work, 'npm')], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    repo = join(work, 'repo');
    mkdirSync(join(repo, 'postmortems'), { recursive: true });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    writeFileSync(join(repo, 'postmortems', '2025-04-14-good.md'), goodPostmortem());
    writeFileSync(join(repo, 'postmortems', '2025-04-20-bad.md'), readFileSync(join(root, 'test/fixtures/rules/action-missing-owner.md'), 'utf8'));
    writeFileSync(join(repo, 'README.md'), '# Service\n\nNot a postmortem.\n');
    git('add', '.');
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  const tryRepo = (...files: string[]) => spawnSync('pre-commit', ['try-repo', root, 'postmortem-lint', '--files', ...files], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, POSTMORTEM_PACKAGE: tarball, PRE_COMMIT_HOME: join(work, 'cache') },
  });

  it('passes on a good postmortem (and a README beside it)', () => {
    const r = tryRepo('postmortems/2025-04-14-good.md', 'README.md');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /postmortem lint\.+Passed/);
  });
  it('fails on a bad one, naming the rule', () => {
    const r = tryRepo('postmortems/2025-04-20-bad.md');
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /postmortem lint\.+Failed/);
    assert.match(r.stdout, /2025-04-20-bad\.md:\d+:\d+ warning Action item .* action-missing-owner$/m);
  });
});
