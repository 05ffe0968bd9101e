import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Config, ExportItem, LintedDocument, Postmortem } from '../core';
import {
  applyFixes, DEFAULT_FILES, EXPORT_FORMATS, exportItems, isExportFormat, mergeConfigs, MissingPathError, parseDate, PostmortemEngine, RULE_IDS, RULES,
  resolveConfig, timelineSvg, timelineViewModel,
} from '../core';
import type { CommandSpec, OptionSpec, Parsed } from './args';
import { commandUsage, globalUsage, parseCommand, UsageError } from './args';
import { enginePath, nodeHost } from './host';
import type { FileFinding } from './formats';
import { githubAnnotations, gitlabCodeQuality, sarifLog } from './formats';
import type { ContentHash, FileLint } from './batch';
import { configKey, LintCache, lintInWorkers, workerCount } from './batch';
import { timelineJson, timelineText } from './timeline';
import { SYNC, syncCommand, ticketsFromTracker } from './sync';

declare const PACKAGE_VERSION: string;
/** `${homepage}/blob/main/docs/rules/` when package.json names a home page, else undefined (no help links). */
declare const DOCS_BASE: string | undefined;

export interface Io {
  /** A line of output (a newline is added). */
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw output, written as is (exports keep their own line endings). */
  write?: (s: string) => void;
  /** Standard input, for the operand `-`. */
  stdin?: () => string;
  /** The CLI bundle, which worker threads run to lint in parallel; without it everything runs here. */
  workerScript?: string;
  /** The environment `sync` reads its tokens from (default: process.env). */
  env?: Record<string, string | undefined>;
  /** For tests: the fetch tracker clients use, and how `sync` waits out a rate limit. */
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
}

const EXPORT_NAMES = Object.keys(EXPORT_FORMATS).join(', ');

const LINT: CommandSpec = {
  name: 'lint',
  operands: 'PATH...',
  summary: 'Check postmortems; folders are searched for them (README, index and template files are skipped), files are checked as named, - reads standard input.\nOutput: file:line:column severity message rule-id (text), an array of findings (json), or a CI format; a summary line on standard error.',
  options: {
    format: { type: 'string', short: 'f', value: 'text|json|github|sarif|gitlab', describe: 'Output format (default: text): github prints workflow commands that annotate a pull request, sarif a SARIF 2.1.0 log for code scanning, gitlab a Code Quality report' },
    cache: { type: 'boolean', describe: 'Keep results in a cache and reuse those of files that did not change (content, configuration and version of this tool)' },
    'cache-location': { type: 'string', value: 'FILE', describe: 'Where the cache is kept (default: .postmortemcache in the working folder)' },
    jobs: { type: 'string', short: 'j', value: 'N', describe: 'Lint on N threads (default: one per CPU core when there are 200 files or more)' },
    fix: { type: 'boolean', describe: 'Apply the fixes that need no choice (a priority word mapped to its level, the zone on the timeline heading, entries put in time order) to the files, then report what is left' },
    'only-postmortems': { type: 'boolean', describe: 'Check a named file only when it is a postmortem, as a folder search would (for lists of changed files); none among them is no error' },
    quiet: { type: 'boolean', short: 'q', describe: 'Report errors only (warnings and info are left out, and do not count for --max-warnings)' },
    today: { type: 'string', value: 'YYYY-MM-DD', describe: 'The date overdue action items are measured against (default: today, UTC)' },
    config: { type: 'string', short: 'c', value: 'FILE', describe: 'Use this configuration instead of the nearest .postmortem.yaml' },
    'max-warnings': { type: 'string', value: 'N', describe: 'Exit 1 when there are more than N warnings' },
    'tickets-from-tracker': { type: 'boolean', describe: 'Read the tickets linked from open action items from the configured tracker (token from GITHUB_TOKEN, or JIRA_API_TOKEN with JIRA_EMAIL), so the fields `ticketsCarry` lets them carry are checked as the tracker has them: owner = assignee, priority, deadline = due date. Lints on one thread, without the cache' },
  },
};

const TIMELINE: CommandSpec = {
  name: 'timeline',
  operands: 'FILE...',
  summary: 'Timeline events, time zone, stated and computed metrics of postmortems (svg: the timeline picture, one file only).',
  options: {
    format: { type: 'string', short: 'f', value: 'text|json|svg', describe: 'Output format (default: text)' },
  },
};

/** Options every format declares, offered as `--name`, with the formats that take each. */
const FORMAT_OPTIONS = new Map<string, { spec: OptionSpec; formats: string[] }>();
for (const [format, spec] of Object.entries(EXPORT_FORMATS)) {
  for (const [name, o] of Object.entries(spec.options ?? {})) {
    const known = FORMAT_OPTIONS.get(name);
    if (known) known.formats.push(format);
    else FORMAT_OPTIONS.set(name, { spec: { type: o.type, value: o.value ?? o.choices?.join('|') ?? 'VALUE', describe: o.describe }, formats: [format] });
  }
}

const EXPORT: CommandSpec = {
  name: 'export',
  operands: 'PATH...',
  summary: `Action items as ${EXPORT_NAMES}; folders are searched for postmortems.`,
  options: {
    format: { type: 'string', short: 'f', value: 'FORMAT', describe: `One of ${EXPORT_NAMES} (required)` },
    'open-only': { type: 'boolean', describe: 'Leave out items that are done or dropped' },
    output: { type: 'string', short: 'o', value: 'FILE', describe: 'Write to FILE instead of standard output' },
    force: { type: 'boolean', describe: 'Overwrite the --output file when it exists' },
    ...Object.fromEntries([...FORMAT_OPTIONS].map(([name, { spec, formats }]) => [name, { ...spec, describe: `${spec.describe} (${formats.join(', ')})` }])),
  },
};

const COMMANDS: Record<string, { spec: CommandSpec; run: (args: Parsed, io: Io) => Promise<number> }> = {
  lint: { spec: LINT, run: lintCommand },
  timeline: { spec: TIMELINE, run: timelineCommand },
  export: { spec: EXPORT, run: exportCommand },
  sync: {
    spec: SYNC,
    run: async (args, io) => {
      const configFile = args.values.config as string | undefined;
      if (configFile !== undefined && (await nodeHost.stat(enginePath(configFile))) !== 'file') throw new UsageError(`${configFile}: no such config file`);
      const engine = new PostmortemEngine(nodeHost, configFile !== undefined ? { configFile: enginePath(configFile) } : {});
      const wrapped = { ...args, operands: args.operands.map((o) => (o === '-' ? o : enginePath(o))) };
      return syncCommand(wrapped, { out: io.out, err: io.err, env: io.env ?? process.env, ...(io.fetch ? { fetch: io.fetch } : {}), ...(io.sleep ? { sleep: io.sleep } : {}) }, engine, displayPath);
    },
  },
};

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`postmortem: ${e.message}`);
      return 2;
    }
    if (e instanceof MissingPathError) {
      io.err(`postmortem: ${e.message}`);
      return 2;
    }
    io.err(`postmortem: internal error: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(globalUsage(Object.values(COMMANDS).map((c) => c.spec)));
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(PACKAGE_VERSION);
    return 0;
  }
  const entry = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!entry) throw new UsageError(`unknown command '${command}'; see 'postmortem --help'`);
  const args = parseCommand(entry.spec, rest);
  if (args.help) {
    io.out(commandUsage(entry.spec));
    return 0;
  }
  return entry.run(args, io);
}

/** A path relative to the working folder with `/` separators, for output. */
function displayPath(p: string): string {
  const rel = relative(process.cwd(), resolve(p));
  return (rel.startsWith('..') ? resolve(p) : rel).split(sep).join('/');
}

function readStdin(io: Io): string {
  return io.stdin ? io.stdin() : readFileSync(0, 'utf8');
}

async function timelineCommand({ values, operands }: Parsed, io: Io): Promise<number> {
  const format = (values.format as string | undefined) ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'svg') throw new UsageError(`unknown format '${format}': use text, json or svg`);
  if (operands.length === 0) throw new UsageError('timeline needs a FILE');
  if (format === 'svg' && operands.length > 1) throw new UsageError('--format svg takes one FILE');
  // Through the engine, as lint and export read: the same chunked parser and byte-order-mark handling.
  const engine = new PostmortemEngine(nodeHost);
  const docs: Array<{ file: string; pm: Postmortem }> = [];
  for (const file of operands) {
    const doc = await engine.read(enginePath(file === '-' ? 'stdin.md' : file), { text: await readOperand(file, io), explicit: true });
    docs.push({ file, pm: doc!.postmortem });
  }
  if (format === 'svg') io.out(timelineSvg(timelineViewModel(docs[0]!.pm, new Date().toISOString().slice(0, 10))).trimEnd());
  else if (format === 'json') {
    const out = docs.map(({ file, pm }) => timelineJson(file, pm));
    io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  } else io.out(docs.map(({ file, pm }) => timelineText(file, pm)).join('\n\n'));
  return 0;
}

/** The text of a FILE operand (`-` is standard input); unreadable input is a usage error. */
async function readOperand(file: string, io: Io): Promise<string> {
  if (file === '-') return readStdin(io);
  const kind = await nodeHost.stat(enginePath(file));
  if (kind === 'directory') throw new UsageError(`${file}: is a directory`);
  const text = kind === 'file' ? await nodeHost.readFile(enginePath(file)) : undefined;
  if (text === undefined) throw new UsageError(`${file}: ${kind ? 'cannot be read' : 'no such file'}`);
  return text;
}

/** Reports each configuration file's problems once on stderr. */
function configReporter(io: Io): (doc: { lookup: Pick<LintedDocument['lookup'], 'file' | 'config'> }) => void {
  const reported = new Set<string>();
  return ({ lookup }) => {
    const file = lookup.file;
    if (!file || reported.has(file.path)) return;
    reported.add(file.path);
    const problems = [...file.problems, ...resolveConfig(lookup.config, RULE_IDS).problems];
    for (const p of problems) io.err(`${displayPath(file.path)}${p.line ? `:${p.line}` : ''}: config warning: ${p.message}`);
  };
}

async function exportCommand({ values, operands }: Parsed, io: Io): Promise<number> {
  const format = values.format as string | undefined;
  const output = values.output as string | undefined;
  if (format === undefined || format === '') throw new UsageError(`export needs --format: one of ${EXPORT_NAMES}`);
  if (!isExportFormat(format)) throw new UsageError(`unknown format '${format}': use one of ${EXPORT_NAMES}`);
  if (operands.length === 0) throw new UsageError('export needs a FILE or a folder');
  if (output !== undefined && existsSync(output) && values.force !== true) throw new UsageError(`${output} exists: pass --force to overwrite it`);
  const formatOptions: Record<string, string | boolean> = {};
  for (const [name, { formats }] of FORMAT_OPTIONS) {
    const v = values[name];
    if (v === undefined) continue;
    if (!formats.includes(format)) throw new UsageError(`--${name} is an option of ${formats.join(', ')}, not of ${format}`);
    const choices = EXPORT_FORMATS[format].options?.[name]?.choices;
    if (choices && !choices.includes(String(v))) throw new UsageError(`--${name} takes one of ${choices.join(', ')}, not '${String(v)}'`);
    formatOptions[name] = v;
  }
  const engine = new PostmortemEngine(nodeHost);
  const report = configReporter(io);
  const items: ExportItem[] = [];
  let config: Config = {};
  for (const doc of await engine.postmortems(operands.map(enginePath))) {
    report(doc);
    config = mergeConfigs(config, doc.lookup.config);
    items.push(...exportItems(doc.postmortem, displayPath(doc.path), { openOnly: values['open-only'] === true }));
  }
  const result = EXPORT_FORMATS[format].render(items, {
    ...(config.jiraPriorities ? { jiraPriorities: config.jiraPriorities } : {}),
    ...(config.linearPriorities ? { linearPriorities: config.linearPriorities } : {}),
    formatOptions,
  });
  if (output !== undefined) {
    try {
      writeFileSync(output, result.text);
    } catch (e) {
      throw new UsageError(`${output}: ${(e as Error).message}`);
    }
  } else (io.write ?? ((t: string) => io.out(t.replace(/\r?\n$/, ''))))(result.text);
  const why = [...new Set(result.skipped.map((s) => s.reason))].join(', ');
  io.err(`exported ${result.count} action item${result.count === 1 ? '' : 's'}${output ? ` to ${output}` : ''}${result.skipped.length ? `; skipped ${result.skipped.length} (${why})` : ''}`);
  return 0;
}

const LINT_FORMATS = ['text', 'json', 'github', 'sarif', 'gitlab'] as const;
type LintFormat = (typeof LINT_FORMATS)[number];

/** The counts line written to standard error: `12 files, 3 errors, 9 warnings`. */
function summaryLine(files: number, rows: readonly FileFinding[]): string {
  const n = (k: number, one: string) => `${k} ${one}${k === 1 ? '' : 's'}`;
  const count = (s: string) => rows.filter((r) => r.finding.severity === s).length;
  const info = count('info');
  return `${n(files, 'file')}, ${n(count('error'), 'error')}, ${n(count('warning'), 'warning')}${info ? `, ${info} info` : ''}`;
}

async function lintCommand({ values, operands }: Parsed, io: Io): Promise<number> {
  const format = ((values.format as string | undefined) ?? 'text') as LintFormat;
  if (!LINT_FORMATS.includes(format)) throw new UsageError(`unknown format '${format}': use ${LINT_FORMATS.join(', ')}`);
  const quiet = values.quiet === true;
  const onlyPostmortems = values['only-postmortems'] === true;
  let today = new Date().toISOString().slice(0, 10);
  if (typeof values.today === 'string') {
    const iso = parseDate(values.today);
    if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) throw new UsageError(`--today needs a date as YYYY-MM-DD, not '${values.today}'`);
    today = iso;
  }
  let maxWarnings: number | undefined;
  if (typeof values['max-warnings'] === 'string') {
    if (!/^\d+$/.test(values['max-warnings'])) throw new UsageError(`--max-warnings needs a whole number, not '${values['max-warnings']}'`);
    maxWarnings = Number(values['max-warnings']);
  }
  const configFile = values.config as string | undefined;
  if (configFile !== undefined && (await nodeHost.stat(enginePath(configFile))) !== 'file') throw new UsageError(`${configFile}: no such config file`);
  if (operands.length === 0) throw new UsageError('lint needs a FILE or a folder');
  const engine = new PostmortemEngine(nodeHost, configFile !== undefined ? { configFile: enginePath(configFile) } : {});
  const report = configReporter(io);
  let jobs: number | undefined;
  if (typeof values.jobs === 'string') {
    if (!/^[1-9]\d{0,2}$/.test(values.jobs)) throw new UsageError(`--jobs needs a number of threads from 1, not '${values.jobs}'`);
    jobs = Number(values.jobs);
  }
  const fix = values.fix === true;
  if (fix && operands.includes('-')) throw new UsageError('--fix writes files: it cannot fix standard input');
  // The tickets' fields, read once before linting; without them (no tracker, no token) the lint goes on.
  const tickets = values['tickets-from-tracker'] === true
    ? await ticketsFromTracker(await engine.postmortems(operands.filter((o) => o !== '-').map(enginePath)), { err: io.err, env: io.env ?? process.env, ...(io.fetch ? { fetch: io.fetch } : {}) })
    : undefined;
  const withTickets = tickets ? { tickets } : {};
  const cache = values.cache === true && !fix && values['tickets-from-tracker'] !== true
    ? new LintCache(resolve((values['cache-location'] as string | undefined) ?? '.postmortemcache'), PACKAGE_VERSION, today)
    : undefined;
  const results: Array<{ file: string; lint: FileLint }> = [];
  const empty: string[] = [];
  // Every file to read, with the operand it came from (a folder that gives no postmortem is reported).
  // `content` is what the cache hashes: the text linted here, or the hash a worker thread sent.
  const plan: Array<{ operand: number; path: string; explicit: boolean; key: string; result?: FileLint | undefined; content?: string | ContentHash | undefined; done: boolean }> = [];
  for (const [i, operand] of operands.entries()) {
    if (operand === '-') {
      const doc = await engine.lint(enginePath('stdin.md'), { text: readStdin(io), explicit: true, today, ...withTickets });
      if (doc) results.push({ file: '-', lint: { path: doc.path, findings: doc.findings, lookup: doc.lookup, text: doc.text } });
      continue;
    }
    for (const { path, explicit } of await engine.collect([enginePath(operand)])) {
      const asNamed = explicit && !onlyPostmortems;
      const lookup = await engine.configFor(path);
      const key = configKey(lookup, asNamed);
      const hit = cache?.lookup(path, key);
      plan.push({ operand: i, path, explicit: asNamed, key, result: hit?.findings ? { path, findings: hit.findings, lookup } : undefined, done: hit !== undefined });
    }
  }
  const pending = plan.filter((p) => !p.done);
  const threads = fix || tickets || !io.workerScript ? 1 : workerCount(pending.length, jobs);
  if (threads > 1) {
    const linted = await lintInWorkers(io.workerScript!, pending.map((p) => ({ path: p.path, explicit: p.explicit })), threads, { today, configFile: configFile !== undefined ? enginePath(configFile) : undefined });
    pending.forEach((p, k) => {
      const { lint, hash } = linted[k]!;
      p.result = lint;
      p.content = hash !== undefined ? { hash } : undefined;
    });
  } else {
    for (const p of pending) {
      const doc = await engine.lint(p.path, { explicit: p.explicit, today, ...withTickets });
      p.result = doc ? { path: doc.path, findings: doc.findings, lookup: doc.lookup, text: doc.text } : undefined;
      p.content = doc?.text;
    }
  }
  for (const p of pending) cache?.store(p.path, p.key, p.content, p.result?.findings ?? null);
  cache?.save();
  for (const p of plan) if (p.result) results.push({ file: displayPath(p.path), lint: p.result });
  for (const [i, operand] of operands.entries()) {
    if (operand !== '-' && !plan.some((p) => p.operand === i && p.result) && (await nodeHost.stat(enginePath(operand))) === 'directory') empty.push(operand);
  }
  if (fix) {
    let files = 0;
    let edits = 0;
    for (const r of results) {
      const text = r.lint.text;
      if (text === undefined) continue;
      const fixed = applyFixes(text, { config: r.lint.lookup.config, today });
      if (fixed.text === text) continue;
      const raw = readFileSync(r.lint.path, 'utf8');
      writeFileSync(r.lint.path, raw.charCodeAt(0) === 0xfeff ? `\ufeff${fixed.text}` : fixed.text);
      files++;
      edits += fixed.applied;
      const again = await engine.lint(r.lint.path, { text: fixed.text, explicit: true, today, ...withTickets });
      if (again) r.lint = { path: again.path, findings: again.findings, lookup: again.lookup, text: again.text };
    }
    io.err(`fixed ${edits} problem${edits === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
  }
  for (const { lint } of results) report(lint);
  for (const dir of empty) io.err(`postmortem: no postmortems found under ${dir} (${await lookedFor(engine, dir)})`);
  if (results.length === 0) {
    // Changed files of which none is a postmortem: nothing to check, and nothing wrong.
    if (onlyPostmortems && empty.length === 0) {
      io.err('postmortem: none of the files is a postmortem; nothing to check');
      return 0;
    }
    return 2;
  }
  const rows: FileFinding[] = results.flatMap(({ file, lint }) => lint.findings.map((finding) => ({ file, finding })))
    .filter((r) => !quiet || r.finding.severity === 'error');
  if (format === 'json') {
    io.out(JSON.stringify(rows.map(({ file, finding: f }) => ({
      file, line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column,
      severity: f.severity, ruleId: f.ruleId, message: f.message,
    })), null, 2));
  } else if (format === 'github') {
    for (const line of githubAnnotations(rows)) io.out(line);
  } else if (format === 'sarif') {
    io.out(JSON.stringify(sarifLog(rows, { rules: RULES, version: PACKAGE_VERSION, docsBase: DOCS_BASE ?? localDocsBase() }), null, 2));
  } else if (format === 'gitlab') {
    io.out(JSON.stringify(gitlabCodeQuality(rows), null, 2));
  } else {
    for (const { file, finding: f } of rows) io.out(`${file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message} ${f.ruleId}`);
  }
  io.err(summaryLine(results.length, rows));
  const errors = rows.filter((x) => x.finding.severity === 'error').length;
  const warnings = rows.filter((x) => x.finding.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

/**
 * The rule pages shipped with the CLI (`docs/rules/` beside the npm package's cli.js, or the
 * repository's when run from dist/), as a file: URL for SARIF help links when no home page is known.
 */
function localDocsBase(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'docs', 'rules', 'action-missing-owner.md'))) return pathToFileURL(join(dir, 'docs', 'rules')).href + '/';
    dir = dirname(dir);
  }
  return undefined;
}

/** What a folder search looks for, said in the message when it found nothing. */
async function lookedFor(engine: PostmortemEngine, dir: string): Promise<string> {
  const lookup = await engine.configFor(enginePath(`${dir.replace(/[\\/]+$/, '')}/x.md`));
  const files = Array.isArray(lookup.config.files) ? lookup.config.files : DEFAULT_FILES;
  return `looked for Markdown files matching ${files.join(', ')}, or with type: postmortem in their frontmatter, or with both a timeline and action items; README, index and template files are skipped`;
}
