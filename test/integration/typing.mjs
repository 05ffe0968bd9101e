// Typing in a 50,000-line postmortem in code-server: measures the longest task on the workbench's
// main thread (PerformanceObserver 'longtask') while typing and while the linter works on it.
// Prints the figures; asserts only what a user would see (the text typed, findings reported).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUIET_SETTINGS, installVsix, remote, startCodeServer, withBrowser, workbenchUrl } from './harness/codeserver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function bigPostmortem(lines) {
  const out = ['---', 'title: Large generated postmortem', 'date: 2025-04-14', 'type: postmortem', '---', '', '# Large generated postmortem', '', '## Summary', ''];
  const third = Math.floor(lines / 3);
  for (let i = 0; i < third; i++) out.push(i % 2 ? '' : `Paragraph ${i} of the summary, with a few words about what happened.`);
  out.push('', '## Timeline (all times UTC)', '');
  for (let i = 0; i < third; i++) out.push(`- **${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}** — Step ${i}: Alice checks service-${i % 50}`);
  out.push('', '## Action items', '');
  while (out.length < lines) out.push(`- P${out.length % 4}: Add alert on queue-${out.length} lag above 10k — owner: @bob, due: 2025-05-01`);
  return `${out.join('\n')}\n`;
}

export async function runTypingTest({ root, cacheDir, vsix, lines = 50_000 }) {
  // The same typing without the extension installed: the editor's own cost, to compare against.
  const baseline = await typeInLargeDocument({ cacheDir, vsix: undefined, lines });
  console.log(`  without the extension: longest main-thread task while typing ${baseline.whileTyping.longest.toFixed(0)} ms (${baseline.whileTyping.tasks} tasks over 50 ms)`);
  const withExtension = await typeInLargeDocument({ cacheDir, vsix, lines });
  return withExtension.result;
}

async function typeInLargeDocument({ cacheDir, vsix, lines }) {
  const state = mkdtempSync(path.join(os.tmpdir(), 'pm-typing-'));
  const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
  const ws = path.join(state, 'ws');
  mkdirSync(path.join(ws, 'postmortems'), { recursive: true });
  const file = path.join(ws, 'postmortems', 'large.md');
  writeFileSync(file, bigPostmortem(lines));
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS));
  let server;
  let passed = 0;
  let failed = 0;
  let whileTyping = { longest: 0, tasks: 0 };
  if (vsix) console.log(`Typing in a ${lines.toLocaleString('en')}-line postmortem (code-server, installed .vsix)`);
  try {
    if (vsix) await installVsix(cacheDir, vsix, dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
    server = await startCodeServer({ cacheDir, ...dirs });
    await withBrowser(cacheDir, async (page) => {
      await page.goto(workbenchUrl(server.url, ws, [['skipWelcome', 'true'], ['openFile', remote(server.url, file)]]));
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 60_000 });
      await page.evaluate(() => {
        window.__longest = 0;
        window.__tasks = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            window.__tasks++;
            window.__longest = Math.max(window.__longest, e.duration);
          }
        }).observe({ type: 'longtask', buffered: false });
      });
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+End');
      const typed = '- P1: Improve monitoring';
      const t0 = Date.now();
      for (const ch of typed) {
        await page.keyboard.type(ch);
        await sleep(60);
      }
      const typingMs = Date.now() - t0;
      whileTyping = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks }));
      if (!vsix) return;
      // Wait for the linter to report on the large document (debounced, then about linear in size).
      let problems = '';
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        problems = (await page.locator('.statusbar-item[id="status.problems"]').textContent()) ?? '';
        if (/[1-9]/.test(problems)) break;
        await sleep(1000);
      }
      const after = await page.evaluate(() => ({ longest: window.__longest, tasks: window.__tasks }));
      console.log(`  typing ${typed.length} characters took ${typingMs} ms; longest main-thread task while typing: ${whileTyping.longest.toFixed(0)} ms (${whileTyping.tasks} tasks over 50 ms)`);
      console.log(`  longest main-thread task until findings appeared: ${after.longest.toFixed(0)} ms (${after.tasks} tasks over 50 ms); status bar: ${problems.trim()}`);
      const checks = [
        ['the typed line is in the editor', async () => assert.match(await page.locator('.editor-instance .view-lines').first().textContent(), /Improve.monitoring/)],
        ['findings of the large document reach the Problems count', async () => assert.match(problems, /[1-9]/)],
      ];
      for (const [name, fn] of checks) {
        try {
          await fn();
          passed++;
          console.log(`  ✔ ${name}`);
        } catch (e) {
          failed++;
          console.log(`  ✗ ${name}: ${e.message}`);
        }
      }
    }, 300_000);
  } finally {
    if (server) await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
  if (vsix) console.log(`${passed} passed, ${failed} failed`);
  return { whileTyping, result: { code: failed === 0 && passed > 0 ? 0 : 1, summary: { passed, failed } } };
}
