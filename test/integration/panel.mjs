// End-to-end test of the timeline panel in code-server, from the outside: the packaged .vsix is
// installed, the workbench is driven with Playwright like a user would, and the webview's DOM is
// read directly. Prints `N passed, N failed`. Set PANEL_SCREENSHOTS=DIR to also save screenshots
// in the light and dark themes.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QUIET_SETTINGS, installVsix, remote, startCodeServer, withBrowser, workbenchUrl } from './harness/codeserver.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn(page)` in a fresh code-server with the .vsix installed and the given colour theme. */
async function withWorkbench({ root, cacheDir, vsix, theme, file }, fn) {
  const state = mkdtempSync(path.join(os.tmpdir(), 'pm-panel-'));
  const dirs = { extensionsDir: path.join(state, 'exts'), userDataDir: path.join(state, 'ud'), home: path.join(state, 'home') };
  const ws = path.join(state, 'ws');
  cpSync(path.join(root, 'examples'), path.join(ws, 'postmortems'), { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'hostile.md'), path.join(ws, 'postmortems', 'hostile.md'));
  mkdirSync(path.join(dirs.userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, 'workbench.colorTheme': theme, 'editor.minimap.enabled': false }));
  let server;
  try {
    await installVsix(cacheDir, vsix, dirs.extensionsDir, dirs.userDataDir, { home: dirs.home });
    server = await startCodeServer({ cacheDir, ...dirs });
    return await withBrowser(cacheDir, async (page) => {
      const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true'], ['openFile', remote(server.url, path.join(ws, 'postmortems', file))]];
      await page.goto(workbenchUrl(server.url, ws, payload));
      await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible', timeout: 60_000 });
      await sleep(1500);
      return fn(page, ws);
    }, 240_000);
  } finally {
    if (server) await server.stop();
    rmSync(state, { recursive: true, force: true });
  }
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 20_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 20_000 });
  await page.keyboard.press('Enter');
}

async function openFromExplorer(page, name) {
  const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first();
  if (!(await row.count())) await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'postmortems' }).first().click();
  await row.waitFor({ timeout: 20_000 });
  await row.click();
}

/** The webview's inner document (VS Code nests it in two iframes). */
async function panelFrame(page) {
  for (let i = 0; i < 150; i++) {
    for (const frame of page.frames()) {
      if (frame.url().includes('fake.html') || frame.name() === 'active-frame' || frame.url().includes('index.html?id=')) {
        try {
          if (await frame.locator('#root').count()) return frame;
        } catch { /* navigating */ }
      }
    }
    await sleep(200);
  }
  throw new Error('timeline webview did not appear');
}

async function eventTexts(frame) {
  return frame.locator('.event').evaluateAll((rows) => rows.map((r) => ({
    time: r.querySelector('.time')?.textContent, text: r.querySelector('.text')?.textContent, line: Number(r.dataset.line), current: r.classList.contains('current'), kind: r.className,
  })));
}

/** Retries a block of assertions until it passes (the panel re-renders after each parse); throws the last failure. */
async function eventually(fn, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
      await sleep(300);
    }
  }
}

/** Keys typed next go to the text editor (a click in the webview may leave focus there on a slow machine). */
async function focusTextEditor(page) {
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.editor-instance .monaco-editor'));
  if (await inEditor()) return;
  await runCommand(page, 'View: Focus Active Editor Group');
  await waitUntil('focus in the text editor', inEditor);
}

async function waitUntil(what, check, timeoutMs = 40_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

export async function runPanelTests({ root, cacheDir, vsix, screenshots }) {
  const results = [];
  let currentPage;
  const check = async (name, fn) => {
    const t0 = Date.now();
    try {
      await fn();
      results.push([name, true]);
      console.log(`  ✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      results.push([name, false, String(e?.message ?? e)]);
      if (screenshots && currentPage) await currentPage.screenshot({ path: path.join(screenshots, `failed-${results.length}.png`) }).catch(() => {});
      console.log(`  ✗ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n    ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
    }
  };
  console.log('Timeline panel (code-server, installed .vsix)');
  await withWorkbench({ root, cacheDir, vsix, theme: 'Default Dark Modern', file: 'progress-sync-outage.md' }, async (page, ws) => {
    currentPage = page;
    let frame;
    await check('the command opens the panel beside the editor', async () => {
      await runCommand(page, 'Postmortem: Open Timeline Preview to the Side');
      frame = await panelFrame(page);
      await frame.locator('.event').first().waitFor({ timeout: 20_000 });
      assert.ok(await page.locator('.tab', { hasText: 'Timeline: progress-sync-outage.md' }).count() > 0);
    });
    if (!frame) return;
    await check('it shows the ten events in order, with their times and milestones', () => eventually(async () => {
      const events = await eventTexts(frame);
      assert.deepEqual(events.map((e) => e.time), ['14:23', '14:25', '14:27', '14:31', '14:35', '14:38', '14:42', '14:44', '14:46', '14:48']);
      assert.equal(events[7].text, 'Alice rolls back to v2.4.0');
      assert.match(events[6].text, /causing full table scans under load$/);
      assert.match(events[7].kind, /kind-mitigated/);
      assert.match(events[9].kind, /kind-resolved/);
      // Two events read as detections (monitoring, then the page); only the first is the milestone.
      assert.equal(await frame.locator('.badge', { hasText: 'Detected' }).count(), 1);
    }));
    await check('the metric cards show time to detect, mitigate and total duration with their basis', () => eventually(async () => {
      const card = async (m) => frame.locator(`.card[data-metric="${m}"] .card-value`).textContent();
      assert.equal(await card('timeToDetect'), '2 min');
      // Time to mitigate runs from the detection (no start of impact is written); the stated 21 min follows the trigger.
      assert.equal(await card('timeToMitigate'), '19 min');
      assert.match(await frame.locator('.card[data-metric="timeToMitigate"] .card-stated').textContent(), /as trigger 14:23 → first mitigation 14:44/);
      assert.equal(await card('totalDuration'), '23 min');
      assert.equal(await frame.locator('.card[data-metric="totalDuration"] .card-basis').textContent(), 'trigger 14:23 → end of impact 14:46');
      assert.equal(await frame.locator('.card.disagrees').count(), 0);
      assert.match(await frame.locator('.actions').textContent(), /6 action items/);
    }));
    if (screenshots) await page.screenshot({ path: path.join(screenshots, 'timeline-dark.png') });
    await check('clicking an event selects its line in the editor', async () => {
      await frame.locator('.event', { hasText: 'Alice rolls back to v2.4.0' }).click();
      await waitUntil('Ln 31 in the status bar', async () => /Ln 31,/.test(await page.locator('.statusbar').textContent()));
    });
    await check('an edit in the editor shows up in the panel', async () => {
      await focusTextEditor(page);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('- **14:45** — Bob posts a status page update', { delay: 5 });
      await waitUntil('the new event', async () => (await eventTexts(frame)).some((e) => e.text === 'Bob posts a status page update'));
      const events = await eventTexts(frame);
      assert.equal(events.length, 11);
      assert.equal(events[8].time, '14:45');
    });
    await check('moving the cursor in the timeline highlights its event', async () => {
      await focusTextEditor(page);
      await page.keyboard.press('Control+g');
      await page.keyboard.type('26');
      await page.keyboard.press('Enter');
      await waitUntil('event of line 26 highlighted', async () => (await eventTexts(frame)).some((e) => e.line === 26 && e.current));
    });
    await check('a hostile postmortem renders as text and runs no script', async () => {
      await openFromExplorer(page, 'hostile.md');
      await waitUntil('the hostile timeline', async () => (await eventTexts(frame)).some((e) => /Deploy reaches production/.test(e.text ?? '')));
      await sleep(1000);
      const events = await eventTexts(frame);
      assert.match(events[0].text, /<script>window\.__pwned = true/);
      assert.match(events[1].text, /<img src=x onerror=/);
      assert.equal(await frame.evaluate(() => window.__pwned), undefined);
      assert.ok(!/pwned/.test(await frame.evaluate(() => document.title)));
      // Nothing from the document became an element: only text inside our own nodes.
      assert.equal(await frame.locator('#root script, #root img, #root iframe, #root style, #root a, #root link').count(), 0);
      assert.match(await frame.locator('h1').textContent(), /<script>document\.title='pwned-title'<\/script> Hostile postmortem/);
    });
    await check('Copy as SVG puts an SVG of the timeline on the clipboard', async () => {
      await page.locator('.tabs-container .tab', { hasText: 'progress-sync-outage.md' }).first().click();
      await waitUntil('the example timeline', async () => (await eventTexts(frame)).some((e) => e.text === 'Alice rolls back to v2.4.0'));
      await frame.locator('button', { hasText: 'Copy as SVG' }).click();
      await waitUntil('the notification', async () => (await page.locator('.notifications-toasts').textContent()).includes('Timeline copied as SVG'));
    });
    await check('Create Tickets previews every ticket before anything is sent; Escape sends nothing', async () => {
      // A tracker nobody listens on: a request sent before the preview is confirmed would fail loudly.
      writeFileSync(path.join(ws, '.postmortem.yaml'), 'tracker:\n  kind: github\n  repo: acme/ops\n  baseUrl: http://127.0.0.1:9/api/v3\n');
      await sleep(1500);
      await page.locator('.tabs-container .tab', { hasText: 'progress-sync-outage.md' }).first().click();
      await runCommand(page, 'Postmortem: Create Tickets for Open Action Items…');
      const widget = page.locator('.quick-input-widget');
      await waitUntil('the preview', async () => /Create 5 tickets in acme\/ops/.test((await widget.textContent()) ?? ''));
      const rows = (await page.locator('.quick-input-list .monaco-list-row').allTextContents()).join('\n');
      for (const action of ['Add query latency alerting (>100ms p99)', 'Evaluate query analysis tools for CI pipeline']) assert.ok(rows.includes(action), `${action} in\n${rows}`);
      // Where each item is (its line moved with an earlier test's edit), its priority and deadline.
      assert.match(rows, /progress-sync-outage\.md:\d+ · P1 · due 2025-04-20 · owner Bob \(unassigned\)/);
      assert.ok(!rows.includes('Add index on'), 'the done item is not offered');
      if (screenshots) await page.screenshot({ path: path.join(screenshots, 'create-tickets-preview.png') });
      await page.keyboard.press('Escape');
      await sleep(500);
      assert.ok(!((await page.locator('.notifications-toasts').textContent()) ?? '').includes('Creating tickets'), 'nothing was sent');
    });
  });
  if (screenshots) {
    await withWorkbench({ root, cacheDir, vsix, theme: 'Default Light Modern', file: 'progress-sync-outage.md' }, async (page) => {
      await runCommand(page, 'Postmortem: Open Timeline Preview to the Side');
      const frame = await panelFrame(page);
      await frame.locator('.event').first().waitFor({ timeout: 20_000 });
      await sleep(1000);
      await page.screenshot({ path: path.join(screenshots, 'timeline-light.png') });
      // Highlighting and owner completion in the action-items table.
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+g');
      await page.keyboard.type('69:57');
      await page.keyboard.press('Enter');
      await sleep(500);
      await page.keyboard.press('Control+Space');
      await page.locator('.suggest-widget.visible').waitFor({ timeout: 20_000 });
      await sleep(800);
      await page.screenshot({ path: path.join(screenshots, 'authoring-light.png') });
    });
  }
  const passed = results.filter(([, ok]) => ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  const failures = results.filter(([, ok]) => !ok).map(([title, , error]) => ({ title, error }));
  return { code: failed === 0 && passed > 0 ? 0 : 1, summary: { passed, failed, failures } };
}
