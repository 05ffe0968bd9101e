#!/usr/bin/env node
// The GitHub Action's entry point (action.yml): runs `postmortem lint --format github` on the given
// paths, or on the Markdown files the pull request changes, so findings appear as annotations on the
// diff, and appends the counts to the job summary. Plain Node, no build: it runs from the checkout of
// the action. The CLI comes from npm (`postmortem-markdown@<version>`), or from POSTMORTEM_CLI (a
// path to cli.js), which the tests use.
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const env = process.env;
const workspace = env.GITHUB_WORKSPACE || process.cwd();

/** The Markdown files a pull request adds or changes, relative to the workspace; undefined outside pull requests. */
function changedMarkdown() {
  if (!/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '') || !env.GITHUB_EVENT_PATH || !existsSync(env.GITHUB_EVENT_PATH)) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  const base = event.pull_request?.base?.sha;
  const head = event.pull_request?.head?.sha;
  if (!base || !head) return undefined;
  const diff = (range) => execFileSync('git', ['diff', '--name-only', '--diff-filter=ACMR', '-z', range, '--', '*.md', '*.markdown'], { cwd: workspace, encoding: 'utf8' });
  let out;
  try {
    out = diff(`${base}...${head}`);
  } catch {
    // A shallow checkout has no merge base: compare the two commits themselves.
    out = diff(`${base}..${head}`);
  }
  return out.split('\0').filter((f) => f !== '' && existsSync(`${workspace}/${f}`));
}

const given = (env.INPUT_PATHS ?? '').split(/\s+/).filter((p) => p !== '');
const changed = given.length === 0 ? changedMarkdown() : undefined;
if (changed && changed.length === 0) {
  console.log('postmortem: the pull request changes no Markdown file; nothing to check');
  process.exit(0);
}
const paths = given.length > 0 ? given : changed ?? ['.'];
const args = ['lint', '--format', 'github'];
if (changed) args.push('--only-postmortems');
if (env.INPUT_MAX_WARNINGS) args.push('--max-warnings', env.INPUT_MAX_WARNINGS);
if (env.INPUT_CONFIG) args.push('--config', env.INPUT_CONFIG);
args.push('--', ...paths);

const command = env.POSTMORTEM_CLI
  ? [process.execPath, env.POSTMORTEM_CLI]
  : ['npx', '--yes', '--package', `postmortem-markdown@${env.INPUT_VERSION || 'latest'}`, 'postmortem'];
const run = spawnSync(command[0], [...command.slice(1), ...args], { cwd: workspace, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (run.error) {
  console.log(`::error title=postmortem-markdown::could not run the CLI: ${run.error.message}`);
  process.exit(2);
}
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
if (env.GITHUB_STEP_SUMMARY) {
  const summary = run.stderr.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
  appendFileSync(env.GITHUB_STEP_SUMMARY, `### Postmortem Markdown\n\n${summary}\n`);
}
process.exit(run.status ?? 3);
