// Bundles the extension (Node and web worker), the CLI and the unit tests with esbuild.
// unified/remark are ESM-only; bundling them into CommonJS lets the extension host require them.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const production = process.argv.includes('--production');
const common = {
  bundle: true,
  format: 'cjs',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { PACKAGE_VERSION: JSON.stringify(pkg.version) },
  absWorkingDir: root,
};

rmSync(join(root, 'dist'), { recursive: true, force: true });
rmSync(join(root, 'out'), { recursive: true, force: true });

const unitTests = readdirSync(join(root, 'test/unit'))
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/unit/${f}`);

await Promise.all([
  build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', external: ['vscode'] }),
  build({
    ...common,
    entryPoints: ['src/extension/extension.ts'],
    outfile: 'dist/web/extension.js',
    platform: 'browser',
    external: ['vscode'],
    // In a web worker there is no `document`: pick packages' worker builds over their DOM builds.
    conditions: ['worker', 'browser'],
  }),
  build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', platform: 'node', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: unitTests, outdir: 'out/test/unit', outbase: 'test/unit', platform: 'node', sourcemap: true, minify: false }),
]);
