// `npm run measure:precision -- <docs folder> --judged FILE.jsonl [--judged MORE.jsonl] [--findings F.json]
//   [--unjudged OUT.jsonl] [--docs-judged-only]`
//
// How often each rule is right on real postmortems. Every document in the folder is linted the way the
// product lints it (or a recorded `postmortem lint --format json` output is read with --findings), and each
// finding is looked up in the judgements: JSON lines `{file, line, ruleId, message, verdict, reason}` with
// verdict TRUE, FALSE or DEBATABLE, written by a person who read the document. A finding matches a judgement
// with the same file, line, rule and message, else the only judgement with the same file, line and rule
// (messages change wording between versions; lines of a document do not). Later --judged files win.
//
// Prints per rule: findings, TRUE, FALSE, debatable, not yet judged, precision TRUE/(TRUE+FALSE) and the
// strict precision that counts debatable as false. --unjudged writes the findings nobody has judged yet, with
// the text of their line, ready to be judged. A measurement, not a test: it always exits 0.
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { lintText } from '../src/core/lint';
import { MEASURE_TODAY } from './measure-corpus-lib';

interface Judgement {
  file: string;
  line: number;
  ruleId: string;
  message: string;
  verdict: 'TRUE' | 'FALSE' | 'DEBATABLE';
  reason?: string;
}

interface Seen {
  file: string;
  line: number;
  column: number;
  ruleId: string;
  severity: string;
  message: string;
}

function readJudgements(paths: string[]): Map<string, Judgement[]> {
  const byLine = new Map<string, Judgement[]>();
  for (const path of paths) {
    for (const raw of readFileSync(path, 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const j = JSON.parse(raw) as Judgement;
      const key = `${j.file}\u0000${j.line}\u0000${j.ruleId}`;
      const list = byLine.get(key) ?? [];
      // A later file's judgement of the same finding replaces the earlier one.
      const same = list.findIndex((o) => o.message === j.message);
      if (same >= 0) list.splice(same, 1);
      list.push(j);
      byLine.set(key, list);
    }
  }
  return byLine;
}

function lookUp(judged: Map<string, Judgement[]>, f: Seen): Judgement | undefined {
  const list = judged.get(`${f.file}\u0000${f.line}\u0000${f.ruleId}`) ?? [];
  return list.find((j) => j.message === f.message) ?? (list.length === 1 ? list[0] : undefined);
}

function lintFolder(folder: string, only?: Set<string>): Seen[] {
  const seen: Seen[] = [];
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
    if (only && !only.has(name)) continue;
    const { findings } = lintText(readFileSync(join(folder, name), 'utf8'), { today: MEASURE_TODAY });
    for (const f of findings) {
      seen.push({ file: name, line: f.range.start.line, column: f.range.start.column, ruleId: f.ruleId, severity: f.severity, message: f.message });
    }
  }
  return seen;
}

function main(argv: string[]): void {
  let folder: string | undefined;
  const judgedPaths: string[] = [];
  let findingsPath: string | undefined;
  let unjudgedOut: string | undefined;
  let judgedOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--judged') judgedPaths.push(argv[++i]!);
    else if (a === '--findings') findingsPath = argv[++i];
    else if (a === '--unjudged') unjudgedOut = argv[++i];
    else if (a === '--docs-judged-only') judgedOnly = true;
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run measure:precision -- <docs folder> --judged FILE.jsonl [--judged MORE.jsonl] [--findings lint.json] [--unjudged OUT.jsonl] [--docs-judged-only]');
      return;
    } else folder = a;
  }
  folder ??= process.env['POSTMORTEM_CORPUS'];
  if (!folder || !existsSync(folder)) {
    console.log('No corpus folder given (or it does not exist): pass the folder of documents. Nothing measured.');
    return;
  }
  const judged = readJudgements(judgedPaths);
  const judgedDocs = new Set([...judged.values()].flat().map((j) => j.file));
  let seen: Seen[];
  if (findingsPath) {
    const recorded = JSON.parse(readFileSync(findingsPath, 'utf8')) as Array<Seen & { file: string }>;
    seen = recorded.map((f) => ({ ...f, file: basename(f.file) }));
    if (judgedOnly) seen = seen.filter((f) => judgedDocs.has(f.file));
  } else {
    seen = lintFolder(folder, judgedOnly ? judgedDocs : undefined);
  }

  interface Row { severity: string; n: number; t: number; f: number; d: number; u: number }
  const rows = new Map<string, Row>();
  const unjudged: Array<Seen & { text: string }> = [];
  const texts = new Map<string, string[]>();
  for (const f of seen) {
    const row = rows.get(f.ruleId) ?? { severity: f.severity, n: 0, t: 0, f: 0, d: 0, u: 0 };
    row.n++;
    const j = lookUp(judged, f);
    if (!j) {
      row.u++;
      let lines = texts.get(f.file);
      if (!lines) {
        lines = existsSync(join(folder, f.file)) ? readFileSync(join(folder, f.file), 'utf8').split(/\r?\n|\r/) : [];
        texts.set(f.file, lines);
      }
      unjudged.push({ ...f, text: (lines[f.line - 1] ?? '').slice(0, 300) });
    } else if (j.verdict === 'TRUE') row.t++;
    else if (j.verdict === 'FALSE') row.f++;
    else row.d++;
    rows.set(f.ruleId, row);
  }

  const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : '–');
  const docs = new Set(seen.map((f) => f.file)).size;
  console.log(`${seen.length} findings on ${docs} documents (today = ${MEASURE_TODAY}).\n`);
  console.log('| rule | severity | findings | TRUE | FALSE | debatable | not judged | precision T/(T+F) | strict T/(T+F+D) |');
  console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|');
  const all: Row = { severity: '', n: 0, t: 0, f: 0, d: 0, u: 0 };
  const warn: Row = { severity: '', n: 0, t: 0, f: 0, d: 0, u: 0 };
  for (const [rule, r] of [...rows].sort((a, b) => a[0].localeCompare(b[0]))) {
    console.log(`| ${rule} | ${r.severity} | ${r.n} | ${r.t} | ${r.f} | ${r.d} | ${r.u} | ${pct(r.t, r.t + r.f)} | ${pct(r.t, r.t + r.f + r.d)} |`);
    for (const sum of r.severity === 'info' ? [all] : [all, warn]) {
      sum.n += r.n; sum.t += r.t; sum.f += r.f; sum.d += r.d; sum.u += r.u;
    }
  }
  for (const [name, r] of [['warnings and errors', warn], ['all', all]] as const) {
    console.log(`| **${name}** | | ${r.n} | ${r.t} | ${r.f} | ${r.d} | ${r.u} | ${pct(r.t, r.t + r.f)} | ${pct(r.t, r.t + r.f + r.d)} |`);
  }
  if (unjudgedOut) {
    writeFileSync(unjudgedOut, unjudged.map((u) => JSON.stringify(u)).join('\n') + (unjudged.length ? '\n' : ''));
    console.log(`\n${unjudged.length} findings not judged yet written to ${unjudgedOut}.`);
  }
}

main(process.argv.slice(2));
