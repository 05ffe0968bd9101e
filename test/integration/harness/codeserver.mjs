#!/usr/bin/env node
// Run an extension's mocha tests inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3,
// real Node extension host), driven by Debian's headless Chromium through playwright-core. Offline.
//
// Library:  import { ensureCodeServer, startCodeServer, installVsix, runTests, screenshot } from './codeserver.mjs'
// CLI:      node codeserver.mjs ensure     --cache DIR
//           node codeserver.mjs test       --cache DIR --tests OUT/test/index.js --folder WS [--dev EXTDIR] [--vsix X.vsix] [--timeout MS] [--results JSON]
//           node codeserver.mjs screenshot --cache DIR --folder WS [--file F] --out shot.png [--dev EXTDIR] [--vsix X.vsix]
// Every step has a timeout; everything started (apt, npm, code-server, chromium) is killed on failure.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, writeFileSync, mkdtempSync, rmSync, openSync, closeSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

export const CODE_SERVER_VERSION = '4.100.3';
export const PLAYWRIGHT_CORE_VERSION = '1.65.1';
// @vscode/ripgrep (used by code-server's VS Code) downloads this asset from GitHub in its postinstall
// unless it is already in its cache dir under $TMPDIR.
const RG_CACHE_DIR = 'vscode-ripgrep-cache-1.15.11';
const RG_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const QUIET_SETTINGS = {
  'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'extensions.ignoreRecommendations': true,
  'update.mode': 'none', 'telemetry.telemetryLevel': 'off', 'workbench.enableExperiments': false,
  'workbench.startupEditor': 'none', 'workbench.tips.enabled': false, 'security.workspace.trust.enabled': false,
  'git.enabled': false, 'chat.commandCenter.enabled': false,
};

const log = (...a) => console.error('[codeserver]', ...a);
const sleep = ms => new Promise(r => setTimeout(r, ms));

// ---- process bookkeeping: everything we spawn is its own process group, killed on exit ----
const live = new Set();
function killGroup(child, sig = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, sig); } catch { try { child.kill(sig); } catch { /* gone */ } }
}
process.on('exit', () => { for (const c of live) killGroup(c, 'SIGKILL'); });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { for (const c of live) killGroup(c, 'SIGKILL'); process.exit(128 + os.constants.signals[sig]); });

function spawnTracked(cmd, args, opts = {}) {
  const child = spawn(cmd, args, { ...opts, detached: true });
  live.add(child);
  child.on('exit', () => live.delete(child));
  child.exited = new Promise(r => child.on('close', (code, signal) => r(code ?? (signal ? 128 + (os.constants.signals[signal] || 0) : 1))));
  child.on('error', () => live.delete(child));
  return child;
}

async function stopChild(child, graceMs = 5000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  killGroup(child, 'SIGTERM');
  const t = await Promise.race([child.exited.then(() => 'done'), sleep(graceMs).then(() => 'late')]);
  if (t === 'late') { killGroup(child, 'SIGKILL'); await Promise.race([child.exited, sleep(2000)]); }
}

/** Run a command to completion with a timeout; output goes to our stderr. Rejects on non-zero exit. */
async function run(cmd, args, { cwd, env, timeoutMs = 600_000, quiet = false } = {}) {
  log('$', cmd, args.join(' '), cwd ? `(in ${cwd})` : '');
  const child = spawnTracked(cmd, args, { cwd, env: env || process.env, stdio: ['ignore', quiet ? 'ignore' : process.stderr, quiet ? 'ignore' : process.stderr] });
  await new Promise((res, rej) => { child.once('spawn', res); child.once('error', rej); });
  const timer = setTimeout(() => { log(`timeout after ${timeoutMs} ms: ${cmd}`); killGroup(child, 'SIGKILL'); }, timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  if (code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${code}`);
}

function which(bin) {
  for (const d of (process.env.PATH || '').split(':')) if (d && existsSync(path.join(d, bin))) return path.join(d, bin);
  return null;
}

// ---------------------------------------------------------------------------------------------
export function codeServerBin(cacheDir) { return path.join(path.resolve(cacheDir), 'node_modules', '.bin', 'code-server'); }

/** Install code-server + playwright-core into cacheDir (and missing apt packages). Idempotent. */
export async function ensureCodeServer(cacheDir) {
  cacheDir = path.resolve(cacheDir);
  const t0 = Date.now();
  // 1. apt packages: chromium (the browser), ripgrep (packed as @vscode/ripgrep's cached asset), libkrb5-dev (gssapi.h for the kerberos native module)
  const need = [];
  if (!existsSync(CHROMIUM)) need.push('chromium');
  if (!which('rg')) need.push('ripgrep');
  if (!existsSync('/usr/include/gssapi/gssapi.h')) need.push('libkrb5-dev');
  if (need.length) {
    log('apt packages missing:', need.join(' '));
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    await run('apt-get', ['update', '-q'], { env, timeoutMs: 300_000 });
    await run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...need], { env, timeoutMs: 600_000 });
  }
  const pwOk = existsSync(path.join(cacheDir, 'node_modules', 'playwright-core', 'package.json'));
  if (existsSync(codeServerBin(cacheDir)) && pwOk) { log('code-server already installed in', cacheDir); return; }

  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(path.join(cacheDir, 'package.json'))) {
    writeFileSync(path.join(cacheDir, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true, version: '0.0.0' }, null, 2) + '\n');
  }
  // 2. the ripgrep asset @vscode/ripgrep would download, made from Debian's rg, under our own TMPDIR
  const tmp = path.join(cacheDir, 'tmp');
  mkdirSync(path.join(tmp, RG_CACHE_DIR), { recursive: true });
  const rg = which('rg');
  await run('tar', ['czf', path.join(tmp, RG_CACHE_DIR, RG_ASSET), '-C', path.dirname(rg), 'rg']);
  // 3. npm install — locally (never -g: code-server's postinstall runs a nested npm install that inherits
  //    global mode and wrecks the tree); nodedir=/usr so node-gyp uses the distro headers instead of
  //    downloading them; yes=true because node-pty's build runs `npx node-gyp`.
  const env = {
    ...process.env, TMPDIR: tmp, npm_config_nodedir: '/usr', npm_config_yes: 'true',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    // code-server's postinstall.sh refuses to run as root unless npm passes unsafe-perm (npm 11 calls the flag
    // 'unknown' but still exports it to scripts)
    npm_config_unsafe_perm: 'true',
    // Our .npmrc turns install scripts off for our own dependencies, and npm passes that on to the
    // commands our scripts start; code-server's install needs its scripts.
    npm_config_ignore_scripts: 'false',
  };
  delete env.npm_config_global;
  if (!existsSync(codeServerBin(cacheDir))) {
    await run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--no-audit', '--no-fund'], { cwd: cacheDir, env, timeoutMs: 900_000 });
  }
  await run('npm', ['install', `playwright-core@${PLAYWRIGHT_CORE_VERSION}`, '--no-audit', '--no-fund'], { cwd: cacheDir, env, timeoutMs: 300_000 });
  if (!existsSync(codeServerBin(cacheDir))) throw new Error('code-server binary missing after install');
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

export function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => res(port)); });
  });
}

/** Start code-server; resolves {url, port, pid, logFile, stop()} once /healthz answers. */
export async function startCodeServer({ cacheDir, port, extensionsDir, userDataDir, home, env: extraEnv = {}, timeoutMs = 60_000, trust = true }) {
  cacheDir = path.resolve(cacheDir);
  const bin = codeServerBin(cacheDir);
  if (!existsSync(bin)) throw new Error(`code-server not installed in ${cacheDir} (run ensureCodeServer first)`);
  port = port || await freePort();
  for (const d of [extensionsDir, userDataDir, home]) mkdirSync(d, { recursive: true });
  // quiet, offline-friendly user settings (no gallery / update / recommendation look-ups), unless the caller wrote its own
  const settings = path.join(userDataDir, 'User', 'settings.json');
  if (!existsSync(settings)) {
    mkdirSync(path.dirname(settings), { recursive: true });
    // trust: false opens folders in Restricted Mode, as VS Code does for a folder nobody trusted yet.
    writeFileSync(settings, JSON.stringify(trust ? QUIET_SETTINGS : { ...QUIET_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }, null, 2));
  }
  const config = path.join(home, 'code-server-config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const logFile = path.join(home, `code-server-${port}.log`);
  const fd = openSync(logFile, 'a');
  const child = spawnTracked(bin, [
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', config,
    '--disable-telemetry', '--disable-update-check', ...(trust ? ['--disable-workspace-trust'] : []),
    '--user-data-dir', path.resolve(userDataDir), '--extensions-dir', path.resolve(extensionsDir),
  ], { cwd: home, env: { ...process.env, HOME: path.resolve(home), EXTENSIONS_GALLERY: '{}', ...extraEnv }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  const url = `http://127.0.0.1:${port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode}); see ${logFile}`);
      try { const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) }); if (r.ok) break; } catch { /* not yet */ }
      if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; see ${logFile}`);
      await sleep(200);
    }
  } catch (e) { await stop(); throw e; }
  log(`code-server up at ${url} (pid ${child.pid}, log ${logFile})`);
  return { url, port, pid: child.pid, logFile, stop };
}

/** `code-server --install-extension x.vsix` into the given dirs. */
export async function installVsix(cacheDir, vsixPath, extensionsDir, userDataDir, { home, timeoutMs = 120_000 } = {}) {
  const env = { ...process.env };
  if (home) { mkdirSync(home, { recursive: true }); env.HOME = path.resolve(home); }
  await run(codeServerBin(cacheDir), ['--install-extension', path.resolve(vsixPath), '--force',
    '--extensions-dir', path.resolve(extensionsDir), '--user-data-dir', path.resolve(userDataDir)], { env, timeoutMs });
}

// ---- browser side ----
function loadPlaywright(cacheDir) {
  const req = createRequire(path.join(path.resolve(cacheDir), 'package.json'));
  return req('playwright-core');
}

export async function withBrowser(cacheDir, fn, timeoutMs) {
  const { chromium } = loadPlaywright(cacheDir);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cs-chromium-'));
  let ctx;
  let timer;
  try {
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1400, height: 900 }, timeout: 60_000,
    });
    const page = ctx.pages()[0] || await ctx.newPage();
    return await Promise.race([
      fn(page),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`browser step timed out after ${timeoutMs} ms`)), timeoutMs); }),
    ]);
  } finally {
    clearTimeout(timer);
    if (ctx) await Promise.race([ctx.close().catch(() => {}), sleep(10_000)]);
    rmSync(profile, { recursive: true, force: true });
  }
}

export function remote(url, p) { return `vscode-remote://${new URL(url).host}${path.resolve(p)}`; }

export function workbenchUrl(url, folder, payload) {
  let u = `${url}/?folder=${encodeURIComponent(path.resolve(folder))}`;
  if (payload?.length) u += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return u;
}

/** Parse the plain `N passed, N failed` line the test entry prints (last one wins). */
export function parseSummary(text) {
  const m = [...String(text).matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/gm)].pop();
  if (!m) return null;
  // The suites also print their failures as JSON: kept so the final report can name them.
  let failures = [];
  const json = [...String(text).matchAll(/^MOCHA_RESULTS_JSON (.*)$/gm)].pop();
  try {
    if (json) failures = JSON.parse(json[1]).failures ?? [];
  } catch { /* a cut line: the counts still stand */ }
  return { passed: +m[1], failed: +m[2], skipped: +(m[3] || 0), failures };
}

/**
 * Open the workbench with extensionTestsPath (and extensionDevelopmentPath, if given) and resolve
 * with the exit code reported through window.codeAutomationExit. Extension host console output
 * arrives through window.codeAutomationLog and is forwarded to our stdout.
 * Without extensionDevelopmentPath, VS Code would not treat the window as a test run (no exit
 * reported), so an empty placeholder development folder is passed: installed extensions stay
 * enabled and are the ones tested.
 */
export async function runTests({ cacheDir, url, extensionDevelopmentPath, extensionTestsPath, folder, timeoutMs = 180_000, onLog, placeholderDev = true }) {
  cacheDir = cacheDir || process.env.CODE_SERVER_CACHE || path.join(path.dirname(new URL(import.meta.url).pathname), '.cache', 'code-server');
  let placeholder;
  if (!extensionDevelopmentPath && placeholderDev) {
    placeholder = mkdtempSync(path.join(os.tmpdir(), 'no-dev-ext-'));
    extensionDevelopmentPath = placeholder;
  }
  const payload = [
    ...(extensionDevelopmentPath ? [['extensionDevelopmentPath', remote(url, extensionDevelopmentPath)]] : []),
    ['extensionTestsPath', remote(url, extensionTestsPath)],
    ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
  ];
  try {
    return await withBrowser(cacheDir, async page => {
      let done;
      const finished = new Promise(r => { done = r; });
      await page.exposeFunction('codeAutomationLog', (type, args) => {
        // the extension host sends console arguments raw (printf-style '%s' patterns included)
        const line = format(...(Array.isArray(args) ? args : [args]));
        (type === 'error' ? console.error : console.log)(line);
        onLog?.(line);
      });
      await page.exposeFunction('codeAutomationExit', code => done(code));
      page.on('pageerror', e => console.error('[page error]', e.message));
      await page.goto(workbenchUrl(url, folder, payload));
      const code = await finished;
      console.error(`[codeserver] codeAutomationExit: ${code}`);
      return typeof code === 'number' ? code : 1;
    }, timeoutMs);
  } finally {
    if (placeholder) rmSync(placeholder, { recursive: true, force: true });
  }
}

/** Open the workbench on a folder (optionally a file), wait for the editor, write a PNG. */
export async function screenshot({ cacheDir, url, folder, file, outPng, timeoutMs = 120_000, settleMs = 2500, palette = [], viewport }) {
  cacheDir = cacheDir || process.env.CODE_SERVER_CACHE || path.join(path.dirname(new URL(import.meta.url).pathname), '.cache', 'code-server');
  const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
  if (file) payload.push(['openFile', remote(url, file)]);
  return withBrowser(cacheDir, async page => {
    await page.goto(workbenchUrl(url, folder, payload));
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    if (file) {
      const base = path.basename(file);
      await page.locator(`.tabs-container .tab[aria-label^="${base}"]`).first().waitFor({ state: 'visible', timeout: timeoutMs });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: timeoutMs });
    }
    await sleep(settleMs); // let decorations / diagnostics paint
    if (viewport) await page.setViewportSize(viewport);
    // Commands run through the Command Palette, as a user would (`View: Focus …`, `Welcome: Open Walkthrough…`).
    // `A >> B`: run command A, then type B into the quick pick it opens.
    for (const entry of palette) {
      for (const [k, step] of String(entry).split('>>').entries()) {
        if (k === 0) await page.keyboard.press('F1');
        await page.locator('.quick-input-widget input').waitFor({ state: 'visible', timeout: timeoutMs });
        await page.keyboard.type(step.trim());
        await sleep(800);
        await page.keyboard.press('Enter');
        await sleep(1500);
      }
    }
    if (palette.length) await sleep(settleMs);
    mkdirSync(path.dirname(path.resolve(outPng)), { recursive: true });
    await page.screenshot({ path: outPng });
    log('screenshot written to', outPng);
    return outPng;
  }, timeoutMs);
}

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) { const k = argv[i].slice(2); o[k] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true; }
    else o._.push(argv[i]);
  }
  return o;
}

async function cli() {
  const a = parseArgs(process.argv.slice(2));
  const cmd = a._[0];
  const here = path.dirname(new URL(import.meta.url).pathname);
  const cacheDir = path.resolve(a.cache || process.env.CODE_SERVER_CACHE || path.join(here, '.cache', 'code-server'));
  if (cmd === 'ensure') { await ensureCodeServer(cacheDir); return 0; }
  if (cmd !== 'test' && cmd !== 'screenshot') {
    console.error('usage: codeserver.mjs ensure|test|screenshot --cache DIR [--tests F --folder WS --dev EXT --vsix X --out PNG --file F --timeout MS --results JSON --keep-state]');
    return 2;
  }
  await ensureCodeServer(cacheDir);
  const state = mkdtempSync(path.join(os.tmpdir(), 'cs-run-'));
  const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
  let server;
  const t0 = Date.now();
  try {
    if (a.vsix) await installVsix(cacheDir, a.vsix, dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
    // env of code-server reaches the Node extension host: a results file path can travel that way
    const env = a.results ? { MOCHA_RESULTS_FILE: path.resolve(a.results) } : {};
    server = await startCodeServer({ cacheDir, ...dirs, env });
    const folder = path.resolve(a.folder || state);
    mkdirSync(folder, { recursive: true });
    if (cmd === 'screenshot') {
      await screenshot({ cacheDir, url: server.url, folder, file: a.file && path.resolve(a.file), outPng: path.resolve(a.out || 'screenshot.png') });
      return 0;
    }
    let text = '';
    const code = await runTests({
      cacheDir, url: server.url, folder, timeoutMs: +(a.timeout || 180_000),
      extensionDevelopmentPath: a.dev && path.resolve(a.dev), extensionTestsPath: path.resolve(a.tests),
      onLog: l => { text += l + '\n'; },
    });
    const s = parseSummary(text);
    console.error(`[codeserver] run took ${((Date.now() - t0) / 1000).toFixed(1)} s, exit ${code}${s ? `, ${s.passed} passed, ${s.failed} failed` : ', no summary line seen'}`);
    return code === 0 && s ? 0 : (code || 1);
  } finally {
    if (server) await server.stop();
    if (!a['keep-state']) rmSync(state, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  cli().then(code => process.exit(code), e => { console.error('[codeserver] error:', e?.stack || e); process.exit(1); });
}
