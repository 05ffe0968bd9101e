// `npm run bench`: a table of timings measured in one run on this machine (medians after warm-up),
// with the ratios the product aims for. Not a test: it prints, and writes bench-results.json.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint as markdownlint } from 'markdownlint/sync';
import { EXPORT_FORMATS, exportItems, IncrementalParser, lintText, parseMarkdown, parsePostmortem, splitChunks, timelineViewModel } from '../src/core';
import type { ExportFormat } from '../src/core';
import { generate } from './bench-gen';

const root = join(__dirname, '..');
const TODAY = '2025-05-01';

function median(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const fmt = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

interface Row { lines: number; parse: number; model: number; lint: number; markdownlint: number; relint: number; relintChunks: string; viewModel: number; exports: Record<string, number> }

function measureSize(lines: number): Row {
  const text = generate(lines);
  const runs = lines <= 1000 ? 15 : lines <= 10_000 ? 5 : 3;
  const parse = time(runs, () => parseMarkdown(text));
  const model = time(runs, () => parsePostmortem(text));
  const lint = time(runs, () => lintText(text, { today: TODAY }));
  const mdl = time(runs, () => markdownlint({ strings: { doc: text } }));
  // One-character edits in the middle of the document, each linted through the warm incremental parser.
  const parser = new IncrementalParser();
  lintText(text, { today: TODAY, parser });
  const middle = text.indexOf('\n', Math.floor(text.length / 2)) + 1;
  let version = 0;
  const relint = time(runs, () => {
    const edited = `${text.slice(0, middle)}${String.fromCharCode(97 + (version++ % 26))}${text.slice(middle)}`;
    lintText(edited, { today: TODAY, parser });
  });
  const chunks = `${parser.lastParsed} of ${splitChunks(text).length}`;
  const pm = parsePostmortem(text);
  const viewModel = time(runs, () => timelineViewModel(pm, TODAY));
  const items = exportItems(pm, 'bench.md');
  const exports: Record<string, number> = {};
  for (const f of Object.keys(EXPORT_FORMATS) as ExportFormat[]) exports[f] = time(runs, () => EXPORT_FORMATS[f].render(items, {}));
  return { lines, parse, model, lint, markdownlint: mdl, relint, relintChunks: chunks, viewModel, exports };
}

/** Whole-process times over one folder of `count` generated postmortems, all measured in this run. */
interface FolderTimes {
  /** `postmortem lint` with no cache, on one thread. */
  cold: number;
  /** With `--cache`, its first run (filling it) and a second one on the unchanged tree. */
  cacheFill: number;
  warm: number;
  /** With threads (`--jobs` default: one per core for 200 files or more). */
  threads: number;
  /** markdownlint-cli2 with its default rules on the same files. */
  markdownlint: number | undefined;
}

function cliOverFolder(count: number): FolderTimes {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-'));
  try {
    mkdirSync(join(dir, 'postmortems'));
    for (let i = 0; i < count; i++) writeFileSync(join(dir, 'postmortems', `incident-${i}.md`), generate(150, i + 1));
    const run = (cmd: string, args: string[]) => {
      const t = performance.now();
      const p = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
      if (p.status !== 0 && p.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${p.status}: ${p.stderr.slice(0, 500)}`);
      return performance.now() - t;
    };
    const lint = (...extra: string[]) => run(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--today', TODAY, '--format', 'json', ...extra, 'postmortems']);
    const cold = lint('--jobs', '1');
    const threads = lint();
    const cacheFill = lint('--jobs', '1', '--cache');
    const warm = lint('--jobs', '1', '--cache');
    const cli2 = join(root, 'node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs');
    const markdownlint = existsSync(cli2) ? run(process.execPath, [cli2, 'postmortems/**/*.md']) : undefined;
    return { cold, cacheFill, warm, threads, markdownlint };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A postmortem whose timeline is one table of `rows` rows: GFM tables cost the most per line to parse. */
function tablePostmortem(rows: number): string {
  const out = ['# Long table', '', '## Timeline (UTC)', '', '| Time | Actor | Event |', '| --- | --- | --- |'];
  for (let i = 0; i < rows; i++) out.push(`| ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | Bob | Step ${i} of the migration on db-${i % 7} |`);
  out.push('', '## Action items', '', '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |', '| P1 | Add alert on migration lag above 5 min | @bob | 2025-07-01 |', '');
  return out.join('\n');
}

/** `postmortem lint FILE` (whole process) on a table of `rows` rows, best of three. */
function cliOnTable(rows: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'pm-bench-table-'));
  try {
    const file = join(dir, 'table-postmortem.md');
    writeFileSync(file, tablePostmortem(rows));
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      spawnSync(process.execPath, [join(root, 'dist/cli.js'), 'lint', '--today', TODAY, '--format', 'json', file], { encoding: 'utf8', maxBuffer: 1 << 30 });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads the production bundle with a stand-in `vscode` module and times require + activate. */
function activation(): number {
  // Anything: a callable, constructible value whose every property is itself, enough for the
  // registrations activate() makes; a few members that are iterated or read get real values.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const any: any = new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : p === Symbol.iterator ? [][Symbol.iterator] : p === Symbol.toPrimitive ? () => '' : any), set: () => true, apply: () => any, construct: () => any });
  const withDefaults = (o: object) => new Proxy(o, { get: (t, p) => (p in t ? (t as Record<string | symbol, unknown>)[p] : any) });
  const names = ['window', 'languages', 'commands', 'env', 'extensions', 'Uri', 'Range', 'Position', 'Selection', 'Diagnostic', 'DiagnosticSeverity', 'CodeAction', 'CodeActionKind', 'CompletionItem', 'CompletionItemKind', 'CodeLens', 'DocumentSymbol', 'SymbolKind', 'Hover', 'MarkdownString', 'EventEmitter', 'WorkspaceEdit', 'ViewColumn', 'ProgressLocation', 'EndOfLine', 'ConfigurationTarget', 'Disposable', 'UIKind',
    'FileType', 'QuickPickItemKind', 'RelativePattern', 'SnippetString', 'StatusBarAlignment', 'ThemeIcon', 'TreeItem', 'TreeItemCollapsibleState'];
  const workspace = withDefaults({ textDocuments: [], getConfiguration: () => ({ get: (_k: string, d: unknown) => d }) });
  // Any name of the API not listed (StatusBarAlignment, TreeItem, …) is the stand-in as well.
  const stub = withDefaults({ ...Object.fromEntries(names.map((n) => [n, any])), workspace });
  const mod = Module as unknown as { _load: (r: string, ...a: unknown[]) => unknown };
  const load = mod._load;
  mod._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? stub : load(request, ...rest));
  try {
    const t = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ext = require(join(root, 'dist/extension.js')) as { activate(c: unknown): unknown };
    ext.activate({ subscriptions: [], extensionUri: any });
    return performance.now() - t;
  } finally {
    mod._load = load;
  }
}

function main(): void {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
  const sizes = (process.env.BENCH_SIZES ?? '150,1000,10000,50000').split(',').map(Number);
  const rows = sizes.map((n) => {
    process.stderr.write(`measuring ${n} lines…\n`);
    return measureSize(n);
  });
  const header = ['lines', 'parse-only ms', 'model ms', 'lint ms', 'lint ÷ parse', 'markdownlint ms', 'lint ÷ markdownlint', 're-lint after edit ms', 're-lint ÷ parse', 'chunks re-parsed', 'µs/line (lint)', 'timeline view ms'];
  const table = rows.map((r) => [String(r.lines), fmt(r.parse), fmt(r.model), fmt(r.lint), (r.lint / r.parse).toFixed(2), fmt(r.markdownlint), (r.lint / r.markdownlint).toFixed(2), fmt(r.relint), (r.relint / r.parse).toFixed(3), r.relintChunks, ((r.lint * 1000) / r.lines).toFixed(0), fmt(r.viewModel)]);
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => ' --- ').join('|')}|`);
  for (const row of table) console.log(`| ${row.join(' | ')} |`);
  console.log(`\nExport (ms) | ${Object.keys(rows[0]!.exports).join(' | ')}`);
  for (const r of rows) console.log(`${r.lines} lines | ${Object.values(r.exports).map(fmt).join(' | ')}`);
  const first = rows.find((r) => r.lines === 1000);
  const last = rows.find((r) => r.lines === 50_000);
  if (first && last) console.log(`\nTime per line at 50,000 ÷ at 1,000 lines (lint): ${((last.lint / last.lines) / (first.lint / first.lines)).toFixed(2)}`);
  const cli = cliOverFolder(Number(process.env.BENCH_CLI_FILES ?? 1000));
  const act = activation();
  // The CLI reads through the editor's chunked parser: a table twice as long should take about twice as long.
  const table2500 = cliOnTable(2500);
  const table5000 = cliOnTable(5000);
  console.log(`CLI lint of one table (whole process): 2,500 rows ${fmt(table2500)} ms, 5,000 rows ${fmt(table5000)} ms, ratio ${(table5000 / table2500).toFixed(2)} (2.00 is linear)`);
  const size = (f: string) => statSync(join(root, f)).size;
  const bundles = { node: size('dist/extension.js'), web: size('dist/web/extension.js'), cli: size('dist/cli.js') };
  const n = process.env.BENCH_CLI_FILES ?? 1000;
  console.log(`CLI lint over ${n} postmortems of 150 lines (whole process): cold ${fmt(cli.cold)} ms; with threads ${fmt(cli.threads)} ms (${(cli.threads / cli.cold).toFixed(2)}× cold); --cache first run ${fmt(cli.cacheFill)} ms, warm ${fmt(cli.warm)} ms (${(cli.warm / cli.cold).toFixed(3)}× cold)`);
  if (cli.markdownlint !== undefined) console.log(`markdownlint-cli2 (default rules) on the same ${n} files: ${fmt(cli.markdownlint)} ms; postmortem lint cold ÷ markdownlint-cli2 ${(cli.cold / cli.markdownlint).toFixed(2)}, warm ÷ markdownlint-cli2 ${(cli.warm / cli.markdownlint).toFixed(3)}`);
  console.log(`Activation (require + activate of the production Node bundle, stand-in vscode API): ${fmt(act)} ms`);
  console.log(`Bundles (production, minified): Node ${(bundles.node / 1024).toFixed(0)} KB, web ${(bundles.web / 1024).toFixed(0)} KB, CLI ${(bundles.cli / 1024).toFixed(0)} KB`);
  writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, cli, cliTableMs: { 2500: table2500, 5000: table5000 }, activationMs: act, bundles }, null, 2)}\n`);
  console.log('results: bench-results.json');
}

main();
