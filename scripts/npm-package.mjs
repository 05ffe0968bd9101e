#!/usr/bin/env node
// `npm run package:npm`: builds the npm package `postmortem-markdown` into dist/npm and packs it.
// The package is the CLI (bin `postmortem`) and the core as a typed library, for CommonJS and ESM:
//   import { lintText, parsePostmortem, exportActionItems } from 'postmortem-markdown';
// It has its own manifest because the repository's package.json is the VS Code extension's, whose
// .vscodeignore vsce will not combine with a `files` list. Everything is bundled: no runtime
// dependencies; the types refer to mdast's, so @types/mdast comes with them.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { packageDefines } from './defines.mjs';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// `--out DIR` builds elsewhere (the tests do, each in its own folder); the tarball goes next to it.
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist/npm');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// No WEB_BUILD: that flag is read only under src/extension, which the CLI and the library do not import.
const define = packageDefines(pkg);
const node = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', absWorkingDir: root, define, legalComments: 'none' };
await Promise.all([
  build({ ...node, format: 'cjs', entryPoints: ['src/cli.ts'], outfile: join(out, 'cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  build({ ...node, format: 'cjs', entryPoints: ['src/core/index.ts'], outfile: join(out, 'lib.cjs') }),
  // CommonJS dependencies bundled into ESM still call require() for Node's modules: give them one.
  build({
    ...node, format: 'esm', entryPoints: ['src/core/index.ts'], outfile: join(out, 'lib.mjs'),
    banner: { js: "import { createRequire as __pmCreateRequire } from 'node:module'; const require = __pmCreateRequire(import.meta.url);" },
  }),
]);

// Declarations of the library, from the same sources.
const tsc = join(root, 'node_modules/typescript/bin/tsc');
execFileSync(process.execPath, [
  tsc, 'src/core/index.ts', '--declaration', '--emitDeclarationOnly', '--outDir', join(out, 'types'), '--rootDir', 'src/core',
  '--target', 'es2022', '--module', 'esnext', '--moduleResolution', 'bundler', '--strict', '--skipLibCheck', '--types', 'node',
], { cwd: root, stdio: 'inherit' });

const manifest = {
  name: 'postmortem-markdown',
  version: pkg.version,
  description: 'Check blameless incident postmortems written in Markdown: timelines, root-cause chains and action items. CLI for CI (text, JSON, GitHub annotations, SARIF, GitLab Code Quality) and a typed library.',
  license: pkg.license,
  keywords: ['postmortem', 'incident', 'markdown', 'lint', 'sre', 'sarif'],
  ...(pkg.homepage ? { homepage: pkg.homepage } : {}),
  ...(pkg.repository ? { repository: pkg.repository } : {}),
  engines: { node: '>=20' },
  bin: { postmortem: 'cli.js' },
  main: './lib.cjs',
  module: './lib.mjs',
  types: './types/index.d.ts',
  exports: {
    '.': { types: './types/index.d.ts', import: './lib.mjs', require: './lib.cjs' },
    './package.json': './package.json',
  },
  files: ['cli.js', 'lib.cjs', 'lib.mjs', 'types/', 'docs/rules/', 'README.md', 'LICENSE'],
  dependencies: { '@types/mdast': pkg.devDependencies['@types/mdast'] },
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
cpSync(join(root, 'README.md'), join(out, 'README.md'));
cpSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
mkdirSync(join(out, 'docs/rules'), { recursive: true });
for (const f of readdirSync(join(root, 'docs/rules'))) cpSync(join(root, 'docs/rules', f), join(out, 'docs/rules', f));

if (!process.argv.includes('--no-pack')) {
  const destination = join(out, '..');
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', destination], { cwd: out, encoding: 'utf8' }).trim().split('\n').pop();
  console.log(join(destination, file));
}
