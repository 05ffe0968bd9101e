#!/usr/bin/env node
// `npm start`: packages the extension, installs the .vsix into a local code-server (VS Code 1.100 in
// the browser), writes a fresh demo workspace (examples/*.md, and examples/demo/*.md with deadlines
// relative to today), opens it and prints the URL. Listens on 127.0.0.1 only, without a password.
//   npm start                       serve until Ctrl-C (PORT=8123 by default)
//   npm start -- --screenshot F.png open the example, save a screenshot of the workbench, and stop
//     [--file NAME.md] open another postmortem of the demo; [--palette "Command"] (repeatable) run a
//     command through the Command Palette first
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, installVsix, screenshot, startCodeServer } from '../test/integration/harness/codeserver.mjs';
import { writeDemoWorkspace } from './demo-workspace.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const cacheDir = path.join(root, '.vscode-test', 'code-server');
const state = path.join(root, '.vscode-test', 'demo');
const examples = path.join(root, 'examples');
const shotIndex = process.argv.indexOf('--screenshot');
const shot = shotIndex > 0 ? path.resolve(process.argv[shotIndex + 1] ?? 'demo.png') : undefined;
// `--palette TEXT` (repeatable): commands typed into the Command Palette before the screenshot.
const palette = process.argv.flatMap((a, i) => (a === '--palette' && process.argv[i + 1] ? [process.argv[i + 1]] : []));
const fileIndex = process.argv.indexOf('--file');
const shotFile = fileIndex > 0 ? process.argv[fileIndex + 1] : 'progress-sync-outage.md';

const pack = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
if (pack.status !== 0) process.exit(pack.status ?? 1);
await ensureCodeServer(cacheDir);
rmSync(state, { recursive: true, force: true });
const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
mkdirSync(state, { recursive: true });
const workspace = path.join(state, 'workspace');
writeDemoWorkspace(examples, workspace);
await installVsix(cacheDir, path.join(root, 'postmortem-markdown.vsix'), dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
const server = await startCodeServer({ cacheDir, ...dirs, port: Number(process.env.PORT ?? 8123) });
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
if (shot) {
  try {
    await screenshot({ cacheDir, url: server.url, folder: workspace, file: path.join(workspace, 'postmortems', shotFile), outPng: shot, settleMs: 4000, palette });
    console.log(`screenshot: ${shot}`);
  } finally {
    await server.stop();
  }
  process.exit(0);
}
console.log(`\nPostmortem Markdown is running in VS Code (code-server) at:\n\n  ${url}\n\nThe demo workspace (${workspace}) has five postmortems under postmortems/: one clean, one with\naction-item faults, one with timeline and blame faults, one written as tables, and the bundled example.\nThe Get Started walkthrough: Help → Welcome → "Write a blameless postmortem". Ctrl-C stops the server.`);
await new Promise(() => {});
