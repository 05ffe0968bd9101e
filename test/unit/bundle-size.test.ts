// The production web bundle (dist/web/extension.js, what the web worker of VS Code for the Web
// loads) must stay under its budget. This is a size check, not a timing: it counts the bytes of
// a deterministic esbuild output (same sources, same options, same installed packages give the same
// bytes), so it cannot flake with the load of the machine. It builds into a temp folder, not dist/.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { repoRoot } from './root';

/** An ES module of the repository or node_modules, loaded by Node itself (not bundled into this test). */
function load(specifier: string): Promise<any> {
  const url = specifier.startsWith('.') ? pathToFileURL(join(repoRoot, specifier)).href : specifier;
  return import(url);
}

describe('the production web bundle', { timeout: 120_000 }, () => {
  let dir = '';
  before(() => { dir = mkdtempSync(join(tmpdir(), 'pm-bundle-')); });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is under the budget', async () => {
    const { build } = await load('esbuild');
    const { WEB_BUNDLE_BUDGET, webExtensionOptions } = await load('./scripts/bundle-options.mjs');
    const outfile = join(dir, 'extension.js');
    await build(webExtensionOptions(outfile, { production: true }));
    const size = statSync(outfile).size;
    assert.ok(size < WEB_BUNDLE_BUDGET, `dist/web/extension.js would be ${size} bytes, over the budget of ${WEB_BUNDLE_BUDGET}`);
  });

  it('packs every HTML character entity of character-entities, name and value, in order', async () => {
    const { build } = await load('esbuild');
    const { bundleOptions } = await load('./scripts/bundle-options.mjs');
    const { web } = bundleOptions({ production: true });
    const outfile = join(dir, 'entities.cjs');
    // Resolved from the repository, as the extension's import of it is.
    await build({ ...web, stdin: { contents: "export { characterEntities } from 'character-entities';", resolveDir: repoRoot, loader: 'js' }, outfile, format: 'cjs' });
    const packed = (await load(pathToFileURL(outfile).href)).default.characterEntities as Record<string, string>;
    const { characterEntities } = await load('character-entities');
    assert.deepStrictEqual(Object.entries(packed), Object.entries(characterEntities));
    assert.equal(Object.keys(packed).length, 2125);
    assert.equal(packed.frac58, '⅝');
    assert.equal(packed.fjlig, 'fj');
  });

  it('leaves out only properties the extension never reads (rules\' examples and rationale, settings\' descriptions)', () => {
    // The web bundle writes them empty (ruleDocsLeftOut in scripts/bundle-options.mjs): nothing it
    // bundles outside the rules may name them. src/cli (SARIF's rationale) is not in the extension.
    for (const dir of ['src/extension', 'src/core']) {
      for (const file of readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })) {
        if (!file.endsWith('.ts') || `${dir}/${file}`.startsWith('src/core/rules/')) continue;
        const text = readFileSync(join(repoRoot, dir, file), 'utf8');
        assert.doesNotMatch(text, /\b(?:examples|rationale)\b/, `${dir}/${file}`);
        // The schema writes the descriptions and builds the generated JSON schema from them; jsonSchema.ts declares the property.
        if (!['src/core/config/schema.ts', 'src/core/config/jsonSchema.ts'].includes(`${dir}/${file}`)) assert.doesNotMatch(text, /\bmarkdownDescription\b/, `${dir}/${file}`);
      }
    }
  });
});
