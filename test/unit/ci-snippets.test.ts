// The README's "Use in CI" snippets, checked against what they refer to and, for GitLab, run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './root';

const root = repoRoot;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## Use in CI'), readme.indexOf('\n## ', readme.indexOf('## Use in CI') + 5));
/** The YAML block that follows a comment naming its file. */
function snippet(file: string): unknown {
  const m = new RegExp(`\`\`\`yaml\\n# ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n([\\s\\S]*?)\`\`\``).exec(section);
  assert.ok(m, `README has a ${file} snippet under Use in CI`);
  return parse(m[1]!);
}

describe('README: Use in CI', () => {
  it('the workflow uses this action with inputs it declares', () => {
    const workflow = snippet('.github/workflows/postmortems.yml') as { on: string; jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }> };
    const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    const step = Object.values(workflow.jobs).flatMap((j) => j.steps).find((s) => s.uses?.includes('postmortem-markdown'));
    assert.ok(step, 'a step uses the action');
    for (const key of Object.keys(step.with ?? {})) assert.ok(key in action.inputs, `input ${key} exists in action.yml`);
    assert.equal(workflow.on, 'pull_request');
    assert.match(step.uses!, /@v\d+\.\d+\.\d+$/);
  });
  it('the pre-commit config names the hook this repository defines', () => {
    const config = snippet('.pre-commit-config.yaml') as { repos: Array<{ hooks: Array<{ id: string }> }> };
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string }>;
    const ids = hooks.map((h) => h.id);
    for (const h of config.repos.flatMap((r) => r.hooks)) assert.ok(ids.includes(h.id), h.id);
    for (const h of hooks) assert.ok(existsSync(join(root, h.entry)), `${h.entry} exists`);
  });
  it('the GitLab job writes the Code Quality report its artifact names', () => {
    const ci = snippet('.gitlab-ci.yml') as Record<string, { script: string[]; artifacts: { reports: { codequality: string } } }>;
    const job = Object.values(ci)[0]!;
    const report = job.artifacts.reports.codequality;
    const dir = mkdtempSync(join(tmpdir(), 'pm-gitlab-'));
    try {
      mkdirSync(join(dir, 'postmortems'));
      writeFileSync(join(dir, 'postmortems', '2025-04-14-outage.md'), readFileSync(join(root, 'test/fixtures/rules/action-missing-owner.md'), 'utf8'));
      // The job's command, with the CLI of this checkout for the published package.
      const script = job.script.join('\n').replace('npx --yes postmortem-markdown', `"${process.execPath}" "${join(root, 'dist/cli.js')}"`);
      assert.notEqual(script, job.script.join('\n'));
      const r = spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const issues = JSON.parse(readFileSync(join(dir, report), 'utf8')) as Array<{ check_name: string; location: { path: string } }>;
      assert.ok(issues.length > 0);
      assert.ok(issues.every((i) => i.location.path === 'postmortems/2025-04-14-outage.md'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
