#!/usr/bin/env node
// `npm run test:desktop`: the same Node-host suites in desktop VS Code, through @vscode/test-electron,
// at the minimum engine version and at stable. test-electron downloads VS Code, so this runs only on
// machines that can reach the VS Code download service; it is not part of `npm test`.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const minimum = pkg.engines.vscode.replace(/^\^/, '');
let failures = 0;
for (const version of [minimum, 'stable']) {
  const ws = mkdtempSync(path.join(os.tmpdir(), 'pm-ws-'));
  cpSync(path.join(root, 'test', 'integration', 'workspace'), ws, { recursive: true });
  cpSync(path.join(root, 'examples'), path.join(ws, 'postmortems'), { recursive: true });
  cpSync(path.join(root, 'test', 'fixtures', 'rules'), path.join(ws, 'postmortems', 'rules'), { recursive: true, filter: (f) => !f.endsWith('.json') });
  try {
    console.log(`\n== desktop VS Code ${version}`);
    await runTests({
      version,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'integration', 'node.js'),
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error(`desktop VS Code ${version}: ${e?.message ?? e}`);
    failures++;
  } finally {
    rmSync(ws, { recursive: true, force: true });
  }
}
process.exit(failures ? 1 : 0);
