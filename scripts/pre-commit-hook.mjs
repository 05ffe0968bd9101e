#!/usr/bin/env node
// The pre-commit hook (.pre-commit-hooks.yaml): `postmortem lint --only-postmortems FILE…` with the
// postmortem-markdown npm package of this checkout's version, run through npx. POSTMORTEM_PACKAGE
// names another package spec (a tarball path in the tests); POSTMORTEM_CLI a cli.js to run directly.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
const args = ['lint', '--only-postmortems', ...process.argv.slice(2)];
const cli = process.env.POSTMORTEM_CLI;
const spec = process.env.POSTMORTEM_PACKAGE || `postmortem-markdown@${version}`;
const [command, ...pre] = cli ? [process.execPath, cli] : ['npx', '--yes', '--package', spec, 'postmortem'];
const run = spawnSync(command, [...pre, ...args], { stdio: 'inherit' });
if (run.error) {
  console.error(`postmortem: could not run ${command}: ${run.error.message}`);
  process.exit(2);
}
process.exit(run.status ?? 3);
