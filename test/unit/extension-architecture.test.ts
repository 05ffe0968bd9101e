import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readRepoFile, repoRoot as root } from './root';

const extensionDir = join(root, 'src', 'extension');
const sources = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('extension architecture', () => {
  it('keeps the *-logic.ts modules free of the editor API (so unit tests can load them)', () => {
    const logic = sources(extensionDir).filter((f) => f.endsWith('-logic.ts'));
    assert.ok(logic.length >= 4, logic.join(', '));
    for (const file of logic) {
      for (const spec of imports(file)) {
        assert.ok(spec.startsWith('../core') || /^\.\/[\w-]+-logic$/.test(spec), `${file} imports ${spec}`);
      }
    }
  });
  it('uses no Node built-in modules (the extension also runs in a web worker)', () => {
    for (const file of sources(extensionDir)) {
      for (const spec of imports(file)) assert.doesNotMatch(spec, /^(?:node:|fs$|path$|os$|child_process$|crypto$)/, `${file} imports ${spec}`);
    }
  });
  it('has one command module per contributed command, each listed in commands/index.ts', () => {
    const pkg = JSON.parse(readRepoFile('package.json')) as { contributes: { commands: Array<{ command: string }> } };
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    const dir = join(extensionDir, 'commands');
    const modules = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');
    const ids = modules.map((f) => {
      const id = /readonly id = '([^']+)'/.exec(readFileSync(join(dir, f), 'utf8'))?.[1];
      assert.ok(id, `${f} declares its id`);
      assert.equal(id, `postmortem.${f.replace(/\.ts$/, '')}`, `${f} is named after its command`);
      return id;
    });
    assert.deepEqual(ids.sort(), contributed);
    const index = readFileSync(join(dir, 'index.ts'), 'utf8');
    for (const f of modules) assert.match(index, new RegExp(`from '\\./${f.replace(/\.ts$/, '')}'`), `index.ts lists ${f}`);
  });
});
