// The esbuild `define` values every bundle of the project shares, in one place so the extension's
// build (build.mjs) and the npm package (npm-package.mjs) cannot drift apart.

/**
 * The constants replaced at build time, from the parsed package.json.
 * @param {{ version: string, homepage?: string }} pkg
 * @returns {Record<string, string>} esbuild `define` entries (values are JavaScript source text)
 */
export function packageDefines(pkg) {
  return {
    PACKAGE_VERSION: JSON.stringify(pkg.version),
    // Rule pages for SARIF help links, only when package.json names where the project lives.
    DOCS_BASE: pkg.homepage ? JSON.stringify(`${String(pkg.homepage).replace(/\/+$/, '')}/blob/main/docs/rules/`) : 'undefined',
  };
}
