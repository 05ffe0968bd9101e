import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot } from './root';

const root = repoRoot;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('architecture', () => {
  it('keeps src/core free of the editor API and of Node-only modules', () => {
    for (const file of files(join(root, 'src/core'))) {
      const text = readFileSync(file, 'utf8');
      assert.doesNotMatch(text, /from ['"]vscode['"]|require\(['"]vscode['"]\)/, `${file} imports vscode`);
      assert.doesNotMatch(text, /from ['"](?:node:)?(?:fs|path|child_process|os)['"]/, `${file} imports a Node-only module`);
    }
  });
  it('lets only the rule registry and the runner import rule files; rules import vocabulary, not each other', () => {
    const ruleFiles = readdirSync(join(root, 'src/core/rules')).filter((f) => f.endsWith('.ts') && !['index.ts', 'types.ts', 'helpers.ts'].includes(f)).map((f) => f.replace(/\.ts$/, ''));
    for (const file of files(join(root, 'src'))) {
      const rel = file.slice(root.length + 1);
      if (rel === 'src/core/rules/index.ts') continue;
      for (const m of readFileSync(file, 'utf8').matchAll(/from ['"]([^'"]+)['"]/g)) {
        const target = m[1]!;
        const name = target.split('/').pop()!;
        const intoRules = /(?:^|\/)rules\/[^/]+$/.test(target) || (rel.startsWith('src/core/rules/') && target.startsWith('./'));
        if (!intoRules || !ruleFiles.includes(name)) continue;
        assert.fail(`${rel} imports the rule file ${target}: move what it needs into a core or vocabulary module`);
      }
    }
  });
  it('declares the manifest entries the extension and the CLI need', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.name, 'postmortem-markdown');
    assert.equal(pkg.engines.vscode, '^1.91.0');
    assert.equal(pkg.main, './dist/extension.js');
    assert.equal(pkg.browser, './dist/web/extension.js');
    assert.deepEqual(pkg.bin, { postmortem: 'dist/cli.js' });
    for (const c of pkg.contributes.commands) assert.ok(c.category, `${c.command} has a category`);
  });
});
