// The esbuild options of the extension's bundles, shared by build.mjs and the unit test that keeps
// the production web bundle under its size budget (test/unit/bundle-size.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageDefines } from './defines.mjs';

/** The repository root. */
export const root = new URL('..', import.meta.url).pathname;

/** Largest size of the production web bundle (dist/web/extension.js), in bytes. */
export const WEB_BUNDLE_BUDGET = 500_000;

/**
 * The esbuild options of the bundles.
 * @param {{ production: boolean }} options `true`: minified, no source maps (what the .vsix ships)
 */
export function bundleOptions({ production }) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const common = {
    bundle: true,
    format: 'cjs',
    target: 'es2022',
    sourcemap: !production,
    minify: production,
    // Non-ASCII text (vocabulary, entity values) stays UTF-8 instead of `\uXXXX` escapes: ~7 KB less
    // in the web bundle. Node and the web worker read the bundles as UTF-8.
    charset: 'utf8',
    logLevel: 'warning',
    define: packageDefines(pkg),
    absWorkingDir: root,
  };
  const node = { ...common, platform: 'node', target: 'node20', define: { ...common.define, WEB_BUILD: 'false' } };
  // In a web worker there is no `document`: pick packages' worker builds over their DOM builds.
  const web = {
    ...common, platform: 'browser', conditions: ['worker', 'browser'], define: { ...common.define, WEB_BUILD: 'true' },
    plugins: [packedCharacterEntities(), ruleDocsLeftOut()],
  };
  return { common, node, web };
}

/** The options of the web extension bundle (`browser` in package.json), written to `outfile`. */
export function webExtensionOptions(outfile, { production }) {
  return { ...bundleOptions({ production }).web, entryPoints: ['src/extension/extension.ts'], outfile, external: ['vscode'] };
}

// Prefix lengths of the packed entity names: not letters or digits (names are), not `"` or `\`.
// The first half marks a one-code-point value, the second half a two-code-point value.
const MARKS = ' !#$%&\'()*+,-./:;<=>?@[]^_{|}~';
const MAX_PREFIX = MARKS.length / 2 - 1;

/**
 * Packs the map of character-entities (every HTML named character reference: name → value) into
 * two strings. Names keep their order; each is written as one mark (how many leading characters it
 * shares with the name before, and whether its value is one or two code points) and the rest of the
 * name. The values are concatenated in the same order.
 * @param {Record<string, string>} map
 */
export function packEntities(map) {
  let names = '';
  let values = '';
  let previous = '';
  for (const [name, value] of Object.entries(map)) {
    const points = [...value].length;
    if (!/^[A-Za-z0-9]+$/.test(name) || points < 1 || points > 2) throw new Error(`entity ${name} cannot be packed`);
    let shared = 0;
    while (shared < MAX_PREFIX && shared < name.length && name[shared] === previous[shared]) shared++;
    names += MARKS[shared + (points === 2 ? MAX_PREFIX + 1 : 0)] + name.slice(shared);
    values += value;
    previous = name;
  }
  return { names, values };
}

/** The source of the module that unpacks the map at load; also run here to check it round-trips. */
function unpackSource(names, values) {
  return `const marks = ${JSON.stringify(MARKS)};
const names = ${JSON.stringify(names)};
const values = [...${JSON.stringify(values)}];
/** @type {Record<string, string>} every HTML named character reference, unpacked from the strings above */
export const characterEntities = {};
for (let i = 0, v = 0, name = ''; i < names.length; ) {
  const mark = marks.indexOf(names[i++]);
  let end = i;
  while (end < names.length && marks.indexOf(names[end]) < 0) end++;
  name = name.slice(0, mark % ${MAX_PREFIX + 1}) + names.slice(i, end);
  i = end;
  characterEntities[name] = mark > ${MAX_PREFIX} ? values[v++] + values[v++] : values[v++];
}
`;
}

/**
 * An esbuild plugin that replaces the `character-entities` module (35.7 KB of object literal in the
 * web bundle) with the same map packed into strings (~16 KB), generated at build time from the
 * installed package. Lossless: the build fails unless the unpacked map equals the package's, in
 * order, name for name and value for value.
 */
export function packedCharacterEntities() {
  return {
    name: 'packed-character-entities',
    setup(build) {
      build.onResolve({ filter: /^character-entities$/ }, async (args) => {
        if (args.pluginData === 'packed-character-entities') return undefined;
        const real = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: 'packed-character-entities' });
        if (real.errors.length) return { errors: real.errors };
        return { path: real.path, namespace: 'packed-character-entities' };
      });
      build.onLoad({ filter: /.*/, namespace: 'packed-character-entities' }, async (args) => {
        const { characterEntities } = await import(pathToFileURL(args.path).href);
        const { names, values } = packEntities(characterEntities);
        const contents = unpackSource(names, values);
        const check = await import(`data:text/javascript;base64,${Buffer.from(contents).toString('base64')}`);
        if (JSON.stringify(Object.entries(check.characterEntities)) !== JSON.stringify(Object.entries(characterEntities))) {
          return { errors: [{ text: 'the packed character-entities map differs from the package\'s' }] };
        }
        return { contents, loader: 'js' };
      });
    },
  };
}

/** The properties of a rule (src/core/rules/types.ts) that only its docs page, the CLI's SARIF and the tests read. */
const DOCS_ONLY = { examples: '[]', rationale: "''" };

/**
 * An esbuild plugin that leaves out of the web bundles what only docs, generated files and the CLI
 * read: the docs-only properties of the rules, `examples` (whole example documents, ~25 KB) and
 * `rationale`, and the `markdownDescription` of every setting (src/core/config/schema.ts and rule
 * options, ~4 KB, which feed the generated settings and JSON schema). They are written empty there.
 * The extension never reads them (a unit test checks that src/extension and src/core outside the
 * rules and the schema do not name them); the docs pages are generated from the sources, and the
 * CLI and the npm library are Node bundles, which keep them. Found in each file's syntax tree
 * (TypeScript's parser): the properties of an object literal that has `id` and `check` (a Rule), and
 * every `markdownDescription` property.
 */
export function ruleDocsLeftOut() {
  return {
    name: 'rule-docs-left-out',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]core[\\/](?:rules[\\/][^\\/]+|config[\\/]schema)\.ts$/ }, async (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!/\b(?:check|markdownDescription)\b/.test(source)) return undefined;
        const { default: ts } = await import('typescript');
        const file = ts.createSourceFile(args.path, source, ts.ScriptTarget.Latest, true);
        const cuts = [];
        const visit = (node) => {
          // Setting descriptions feed the generated settings and JSON schema, never the running extension.
          if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && node.name.text === 'markdownDescription') {
            cuts.push({ start: node.initializer.getStart(file), end: node.initializer.getEnd(), text: "''" });
          }
          if (ts.isObjectLiteralExpression(node)) {
            const names = new Set(node.properties.map((p) => p.name && ts.isIdentifier(p.name) ? p.name.text : undefined));
            if (names.has('id') && names.has('check')) {
              for (const p of node.properties) {
                if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && Object.hasOwn(DOCS_ONLY, p.name.text)) {
                  cuts.push({ start: p.initializer.getStart(file), end: p.initializer.getEnd(), text: DOCS_ONLY[p.name.text] });
                }
              }
            }
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
        if (cuts.length === 0) return undefined;
        let contents = source;
        for (const cut of cuts.sort((a, b) => b.start - a.start)) contents = contents.slice(0, cut.start) + cut.text + contents.slice(cut.end);
        return { contents, loader: 'ts' };
      });
    },
  };
}
