// Bundles with esbuild: the extension (Node extension host and web worker), the CLI, and the tests.
// unified/remark are ESM-only; bundling them into CommonJS lets the extension host require them.
//   node scripts/build.mjs              development build with source maps, plus every test bundle
//   node scripts/build.mjs --production minified extension and CLI only (what the .vsix ships)
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleOptions, root, webExtensionOptions } from './bundle-options.mjs';

const production = process.argv.includes('--production');
// The options (UTF-8 output, the packed entity map of the web builds) are in bundle-options.mjs.
const { common, node, web } = bundleOptions({ production });
// mocha's browser build and the `assert` polyfill expect a few Node globals in the worker.
const processShim = 'var process = globalThis.process || { env: {}, browser: true, platform: "browser", cwd: () => "/", nextTick: (f, ...a) => Promise.resolve().then(() => f(...a)) };';

rmSync(join(root, 'dist'), { recursive: true, force: true });
if (!production) rmSync(join(root, 'out'), { recursive: true, force: true });

const jobs = [
  build({ ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build(webExtensionOptions('dist/web/extension.js', { production })),
  build({ ...node, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  // The timeline panel's script, loaded by the webview from media/ (the only local resource root).
  // ASCII: it is loaded by a <script src>, whose encoding the webview's resource server does not state.
  build({ ...common, charset: 'ascii', entryPoints: ['src/webview/main.ts'], outfile: 'media/timeline.js', platform: 'browser', format: 'iife', sourcemap: false }),
];

if (!production) {
  const unitTests = readdirSync(join(root, 'test/unit')).filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`);
  const testCommon = { sourcemap: 'inline', minify: false, external: ['vscode'], logOverride: { 'require-resolve-not-external': 'silent' } };
  jobs.push(build({ ...node, ...testCommon, entryPoints: unitTests, outdir: 'out/test/unit', outbase: 'test/unit' }));
  // Each integration bundle also comes as a deliberately broken variant, which must make the run fail.
  for (const broken of [false, true]) {
    const suffix = broken ? '-broken' : '';
    jobs.push(
      build({ ...node, ...testCommon, entryPoints: ['test/integration/node.ts'], outfile: `out/test/integration/node${suffix}.js`, define: { ...common.define, INTEGRATION_BREAK: String(broken) } }),
      build({
        ...web, ...testCommon, entryPoints: ['test/integration/web.ts'], outfile: `out/test/integration/web${suffix}.js`,
        define: { ...common.define, global: 'globalThis', INTEGRATION_BREAK: String(broken) }, banner: { js: processShim },
      }),
    );
  }
}
await Promise.all(jobs);
