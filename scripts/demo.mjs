#!/usr/bin/env node
// `npm start`: packages the extension, installs the .vsix into a local code-server (VS Code 1.100 in
// the browser), opens examples/ and prints the URL. Listens on 127.0.0.1 only, without a password.
//   npm start                       serve until Ctrl-C (PORT=8123 by default)
//   npm start -- --screenshot F.png open the example, save a screenshot of the workbench, and stop
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureCodeServer, installVsix, screenshot, startCodeServer } from '../test/integration/harness/codeserver.mjs';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const cacheDir = path.join(root, '.vscode-test', 'code-server');
const state = path.join(root, '.vscode-test', 'demo');
const examples = path.join(root, 'examples');
const shotIndex = process.argv.indexOf('--screenshot');
const shot = shotIndex > 0 ? path.resolve(process.argv[shotIndex + 1] ?? 'demo.png') : undefined;

const pack = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'inherit' });
if (pack.status !== 0) process.exit(pack.status ?? 1);
await ensureCodeServer(cacheDir);
rmSync(state, { recursive: true, force: true });
const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
mkdirSync(state, { recursive: true });
await installVsix(cacheDir, path.join(root, 'postmortem-markdown.vsix'), dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
const server = await startCodeServer({ cacheDir, ...dirs, port: Number(process.env.PORT ?? 8123) });
const url = `${server.url}/?folder=${encodeURIComponent(examples)}`;
if (shot) {
  try {
    await screenshot({ cacheDir, url: server.url, folder: examples, file: path.join(examples, 'progress-sync-outage.md'), outPng: shot, settleMs: 4000 });
    console.log(`screenshot: ${shot}`);
  } finally {
    await server.stop();
  }
  process.exit(0);
}
console.log(`\nPostmortem Markdown is running in VS Code (code-server) at:\n\n  ${url}\n\nOpen examples/progress-sync-outage.md there. Ctrl-C stops the server.`);
await new Promise(() => {});
