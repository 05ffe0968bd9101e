import { readFileSync, statSync } from 'node:fs';
import { EXPORT_FORMATS, exportItems, isExportFormat, renderExport, isPostmortem, lintPostmortem, mergeConfigs, parsePostmortem, resolveConfig, RULE_IDS, formatMinutes, parseDate, timelineSvg, timelineViewModel } from '../core';
import type { Config, ExportItem, Finding, MetricName, Postmortem } from '../core';
import { existsSync, writeFileSync } from 'node:fs';
import { displayPath, findConfigFile, loadConfigFile, markdownFilesUnder } from './files';

declare const PACKAGE_VERSION: string;

const USAGE = `Usage: postmortem <command> [options] FILE...

Commands:
  lint [options] PATH...                  Check postmortems; folders are searched for them
      --format text|json                  text: file:line:column severity message rule-id
      --today YYYY-MM-DD                  the date overdue action items are measured against
      --config FILE                       use this config instead of the nearest .postmortem.yaml
      --max-warnings N                    exit 1 when there are more than N warnings
  timeline [--format text|json|svg] FILE...
                                          Timeline events, time zone, stated and computed metrics
                                          (svg: the timeline picture, one file only)
  export --format FORMAT [--open-only] [-o FILE] PATH...
                                          Action items as csv, jira-csv, linear-csv, json,
                                          markdown, ics or gh; folders are searched for postmortems

Exit codes: 0 fine, 1 lint errors (or too many warnings), 2 bad usage or unreadable input.

Options:
  -h, --help       Show this help
  -v, --version    Show the version`;

/** A bad invocation or unreadable input: one line on stderr, exit code 2. */
class UsageError extends Error {}

const METRIC_LABELS: Record<MetricName, string> = {
  timeToDetect: 'time to detect',
  timeToAcknowledge: 'time to acknowledge',
  timeToMitigate: 'time to mitigate',
  timeToResolve: 'time to resolve',
  totalDuration: 'total duration',
};

interface Io {
  /** A line of output (a newline is added). */
  out: (s: string) => void;
  err: (s: string) => void;
  /** Raw output, written as is (exports keep their own line endings). */
  write?: (s: string) => void;
}

/** Runs the CLI with the given arguments; returns the exit code. */
export function main(argv: string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`postmortem: ${e.message}`);
      return 2;
    }
    io.err(`postmortem: internal error: ${(e as Error).stack ?? String(e)}`);
    return 3;
  }
}

function run(argv: string[], io: Io): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    io.out(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '-v' || command === '--version') {
    io.out(PACKAGE_VERSION);
    return 0;
  }
  switch (command) {
    case 'timeline':
      return timelineCommand(rest, io);
    case 'lint':
      return lintCommand(rest, io);
    case 'export':
      return exportCommand(rest, io);
    default:
      throw new UsageError(`unknown command '${command}'; see 'postmortem --help'`);
  }
}

function timelineCommand(args: string[], io: Io): number {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--format' || a === '-f') {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value: text or json`);
      format = v;
    } else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '-h' || a === '--help') {
      io.out(USAGE);
      return 0;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for timeline`);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json' && format !== 'svg') throw new UsageError(`unknown format '${format}': use text, json or svg`);
  if (files.length === 0) throw new UsageError('timeline needs a FILE');
  if (format === 'svg') {
    if (files.length > 1) throw new UsageError('--format svg takes one FILE');
    io.out(timelineSvg(timelineViewModel(parsePostmortem(readText(files[0]!)), new Date().toISOString().slice(0, 10))).trimEnd());
    return 0;
  }
  const docs = files.map((f) => ({ file: f, pm: parsePostmortem(readText(f)) }));
  if (format === 'json') {
    const out = docs.map(({ file, pm }) => timelineJson(file, pm));
    io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  } else {
    io.out(docs.map(({ file, pm }) => timelineText(file, pm)).join('\n\n'));
  }
  return 0;
}

function exportCommand(args: string[], io: Io): number {
  let format: string | undefined;
  let openOnly = false;
  let output: string | undefined;
  let force = false;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const value = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '--format' || a === '-f' || a.startsWith('--format=')) format = value('--format');
    else if (a === '--open-only') openOnly = true;
    else if (a === '-o' || a === '--output' || a.startsWith('--output=')) output = value('--output');
    else if (a === '--force') force = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for export`);
    else paths.push(a);
  }
  if (format === undefined) throw new UsageError(`export needs --format: one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  if (!isExportFormat(format)) throw new UsageError(`unknown format '${format}': use one of ${Object.keys(EXPORT_FORMATS).join(', ')}`);
  if (paths.length === 0) throw new UsageError('export needs a FILE or a folder');
  if (output !== undefined && existsSync(output) && !force) throw new UsageError(`${output} exists: pass --force to overwrite it`);
  const items: ExportItem[] = [];
  let config: Config = {};
  for (const path of paths) {
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    for (const file of st.isDirectory() ? markdownFilesUnder(path) : [path]) {
      const fileConfig = configFor(file, io);
      config = mergeConfigs(config, fileConfig);
      const pm = parsePostmortem(readText(file));
      if (st.isDirectory() && !isPostmortem(pm, displayPath(file), resolveConfig(fileConfig, RULE_IDS).config.files)) continue;
      items.push(...exportItems(pm, displayPath(file), { openOnly }));
    }
  }
  const result = renderExport(format, items, { ...(config.jiraPriorities ? { jiraPriorities: config.jiraPriorities } : {}), ...(config.linearPriorities ? { linearPriorities: config.linearPriorities } : {}) });
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

interface LintArgs {
  format: 'text' | 'json';
  today: string;
  config: string | undefined;
  maxWarnings: number | undefined;
  paths: string[];
}

function parseLintArgs(args: string[]): LintArgs {
  const out: LintArgs = { format: 'text', today: new Date().toISOString().slice(0, 10), config: undefined, maxWarnings: undefined, paths: [] };
  for (let i = 0; i < args.length; i++) {
    let a = args[i]!;
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = () => {
      const v = value ?? args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    switch (a) {
      case '--format': case '-f': {
        const f = take();
        if (f !== 'text' && f !== 'json') throw new UsageError(`unknown format '${f}': use text or json`);
        out.format = f;
        break;
      }
      case '--today': {
        const d = take();
        const iso = parseDate(d);
        if (!iso || !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new UsageError(`--today needs a date as YYYY-MM-DD, not '${d}'`);
        out.today = iso;
        break;
      }
      case '--config': case '-c':
        out.config = take();
        break;
      case '--max-warnings': {
        const n = take();
        if (!/^\d+$/.test(n)) throw new UsageError(`--max-warnings needs a whole number, not '${n}'`);
        out.maxWarnings = Number(n);
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option '${a}' for lint`);
        out.paths.push(a);
    }
  }
  if (out.paths.length === 0) throw new UsageError('lint needs a FILE or a folder');
  return out;
}

interface FileFindings {
  file: string;
  findings: Finding[];
}

function lintCommand(args: string[], io: Io): number {
  const opts = parseLintArgs(args);
  let explicit: { config: Config } | undefined;
  if (opts.config !== undefined) {
    try {
      statSync(opts.config);
    } catch {
      throw new UsageError(`${opts.config}: no such config file`);
    }
    explicit = reportConfig(opts.config, io);
  }
  const results: FileFindings[] = [];
  for (const path of opts.paths) {
    let st;
    try {
      st = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or folder`);
    }
    const files = st.isDirectory() ? markdownFilesUnder(path) : [path];
    for (const file of files) {
      const config = explicit?.config ?? configFor(file, io);
      const text = readText(file);
      const pm = parsePostmortem(text);
      const globs = resolveConfig(config, RULE_IDS).config.files;
      // Files named on the command line are always linted; folders yield only postmortems.
      if (st.isDirectory() && !isPostmortem(pm, displayPath(file), globs)) continue;
      const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
      const { findings } = lintPostmortem(pm, body, { config, today: opts.today });
      results.push({ file: displayPath(file), findings });
    }
  }
  const all = results.flatMap((r) => r.findings.map((f) => ({ file: r.file, f })));
  if (opts.format === 'json') {
    io.out(JSON.stringify(all.map(({ file, f }) => ({
      file, line: f.range.start.line, column: f.range.start.column, endLine: f.range.end.line, endColumn: f.range.end.column,
      severity: f.severity, ruleId: f.ruleId, message: f.message,
    })), null, 2));
  } else {
    for (const { file, f } of all) io.out(`${file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.message} ${f.ruleId}`);
    const count = (s: string) => all.filter((x) => x.f.severity === s).length;
    if (all.length > 0) io.err(`${results.length} file${results.length === 1 ? '' : 's'}: ${count('error')} errors, ${count('warning')} warnings, ${count('info')} info`);
  }
  const errors = all.filter((x) => x.f.severity === 'error').length;
  const warnings = all.filter((x) => x.f.severity === 'warning').length;
  if (errors > 0) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) return 1;
  return 0;
}

const reported = new Set<string>();

/** Loads a config file and reports its problems once on stderr. */
function reportConfig(path: string, io: Io): { config: Config } {
  const { config, problems } = loadConfigFile(path);
  const resolved = resolveConfig(config, RULE_IDS);
  if (!reported.has(path)) {
    reported.add(path);
    for (const p of [...problems, ...resolved.problems]) io.err(`${displayPath(path)}${p.line ? `:${p.line}` : ''}: config warning: ${p.message}`);
  }
  return { config };
}

function configFor(file: string, io: Io): Config {
  const found = findConfigFile(file);
  return found ? reportConfig(found, io).config : mergeConfigs();
}

function readText(file: string): string {
  try {
    if (file === '-') return readFileSync(0, 'utf8');
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory`);
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (e as Error).message}`);
  }
}

/** The `timeline --format json` document for one file. */
export function timelineJson(file: string, pm: Postmortem) {
  return {
    file,
    title: pm.title ?? null,
    date: pm.date ?? null,
    timezone: pm.timeline.zone ? { name: pm.timeline.zone.name, offsetMinutes: pm.timeline.zone.offsetMinutes, source: pm.timeline.zone.source } : null,
    events: pm.timeline.events.map((e) => ({
      line: e.line,
      time: e.time?.iso ?? null,
      ...(e.time && e.time.dayOffset > 0 && !e.time.date ? { dayOffset: e.time.dayOffset } : {}),
      text: e.text,
      actor: e.actor ?? null,
      kind: e.kind ?? null,
    })),
    statedMetrics: pm.statedMetrics.map((m) => ({ line: m.range.start.line, metric: m.metric, label: m.label, text: m.text, minutes: m.minutes ?? null })),
    computedMetrics: pm.computedMetrics.readings.map((r) => ({
      start: r.start,
      startLine: r.from.line,
      startTime: r.from.iso,
      metrics: Object.fromEntries(
        Object.entries(r.metrics).map(([name, m]) => [name, { minutes: m.minutes, to: m.to.kind, toLine: m.to.line }]),
      ),
    })),
    problems: pm.problems.map((p) => ({ line: p.range.start.line, column: p.range.start.column, code: p.code, message: p.message })),
  };
}

function timelineText(file: string, pm: Postmortem): string {
  const lines: string[] = [];
  lines.push(`${file}${pm.title ? ` — ${pm.title}` : ''}`);
  for (const p of pm.problems) lines.push(`  ${p.range.start.line}:${p.range.start.column}  problem  ${p.message}`);
  const zone = pm.timeline.zone;
  lines.push(`  time zone: ${zone ? `${zone.name} (from ${zone.source})` : 'not stated'}`);
  if (pm.timeline.events.length === 0) lines.push('  no timeline events found');
  for (const e of pm.timeline.events) {
    const t = e.time ? (e.time.date ? `${e.time.date} ` : '') + e.time.iso.replace(/^.*T/, '').slice(0, 8) : '--:--:--';
    const tags = [e.actor ? `@${e.actor}` : '', e.kind ? `[${e.kind}]` : ''].filter(Boolean).join(' ');
    lines.push(`  ${String(e.line).padStart(4)}  ${t.padEnd(19)}  ${e.text}${tags ? `  ${tags}` : ''}`);
  }
  if (pm.statedMetrics.length > 0) {
    lines.push('  stated:');
    for (const m of pm.statedMetrics) lines.push(`    ${METRIC_LABELS[m.metric]}: ${m.minutes !== undefined ? formatMinutes(m.minutes) : `? (${m.text})`}  (line ${m.range.start.line})`);
  }
  for (const r of pm.computedMetrics.readings) {
    const parts = (Object.entries(r.metrics) as Array<[MetricName, { minutes: number }]>).map(([n, m]) => `${METRIC_LABELS[n]} ${formatMinutes(m.minutes)}`);
    lines.push(`  computed from ${r.start} (line ${r.from.line}): ${parts.join(', ') || 'no milestones'}`);
  }
  return lines.join('\n');
}
