import { readFileSync, statSync } from 'node:fs';
import { formatMinutes, parsePostmortem } from '../core';
import type { MetricName, Postmortem } from '../core';

declare const PACKAGE_VERSION: string;

const USAGE = `Usage: postmortem <command> [options] FILE...

Commands:
  timeline [--format text|json] FILE...   Timeline events, time zone, stated and computed metrics
  lint                                    (reserved: comes with the lint feature)
  export                                  (reserved: comes with the export feature)

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
  out: (s: string) => void;
  err: (s: string) => void;
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
    case 'export':
      throw new UsageError(`'${command}' is not available in this version yet; see 'postmortem --help'`);
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
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format '${format}': use text or json`);
  if (files.length === 0) throw new UsageError('timeline needs a FILE');
  const docs = files.map((f) => ({ file: f, pm: parsePostmortem(readText(f)) }));
  if (format === 'json') {
    const out = docs.map(({ file, pm }) => timelineJson(file, pm));
    io.out(JSON.stringify(out.length === 1 ? out[0] : out, null, 2));
  } else {
    io.out(docs.map(({ file, pm }) => timelineText(file, pm)).join('\n\n'));
  }
  return 0;
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
