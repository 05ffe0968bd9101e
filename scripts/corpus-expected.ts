// `npm run corpus:expected -- /path/to/corpus`: writes test/corpus/expected.json and test/corpus/sources.tsv
// from a corpus folder that holds `labels/<name>.json` and `sources-*.tsv` (the documents stay outside
// the repository). Only facts are kept: line numbers, ISO times, counts, zones, provenance. No document
// text, no event or action text. The default folder is the parent of $POSTMORTEM_CORPUS (the docs folder).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ExpectedDoc, ExpectedEvent, ExpectedFields } from './measure-corpus-lib';

const root = join(__dirname, '..');

interface LabelEvent { line: number; time: string | null; date?: string }
interface LabelFile {
  file: string;
  organisation?: string;
  zone?: string | null;
  events: LabelEvent[];
  actionItems: Array<{ line: number; status?: string | null; owner?: string | null; priority?: string | null; deadline?: string | null; ticket?: string | null }>;
}

interface Source { file: string; repo: string; path: string; commit: string; organisation: string }

function readSources(corpus: string): Source[] {
  const rows: Source[] = [];
  for (const name of readdirSync(corpus).filter((f) => /^sources.*\.tsv$/.test(f)).sort()) {
    for (const line of readFileSync(join(corpus, name), 'utf8').split(/\r?\n/)) {
      const cells = line.split('\t');
      if (cells.length < 5 || cells[0] === 'file') continue;
      const [file, repo, path, commit, organisation] = cells as [string, string, string, string, string];
      rows.push({ file, repo, path, commit, organisation });
    }
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file));
}

/** The facts of one label file. Exported for reuse; `file` is the document's name (`.md`). */
export function expectedFromLabel(label: LabelFile, organisation: string): ExpectedDoc {
  const events = [...label.events].sort((a, b) => a.line - b.line);
  const timed = events.filter((e) => e.time);
  const eventLines = events.map((e): ExpectedEvent => (e.date !== undefined ? { line: e.line, time: e.time, date: e.date } : { line: e.line, time: e.time }));
  return {
    file: label.file,
    organisation,
    events: events.length,
    timed: timed.length,
    firstTime: timed[0]?.time ?? null,
    lastTime: timed[timed.length - 1]?.time ?? null,
    zone: label.zone ?? null,
    actionItems: label.actionItems.length,
    eventLines,
    actionLines: label.actionItems.map((a) => a.line).sort((a, b) => a - b),
    // Facts only: the owner's name, the level, the date, the ticket key or URL; never the action's text.
    actionFields: [...label.actionItems].sort((a, b) => a.line - b.line).map((a) => {
      const f: ExpectedFields = { line: a.line, status: a.status === 'done' || a.status === 'dropped' ? a.status : 'open' };
      for (const k of ['owner', 'priority', 'deadline', 'ticket'] as const) {
        const v = a[k];
        if (typeof v === 'string' && v.trim() !== '') f[k] = v.trim();
      }
      return f;
    }),
  };
}

/** JSON with one document per block and one event per line, so a diff shows which fact changed. */
function formatExpected(docs: ExpectedDoc[]): string {
  const blocks = docs.map((d) => {
    const { eventLines, actionLines, actionFields, ...facts } = d;
    const head = Object.entries(facts).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    const events = eventLines.map((e) => `      ${JSON.stringify(e)}`).join(',\n');
    const fields = (actionFields ?? []).map((f) => `      ${JSON.stringify(f)}`).join(',\n');
    return `  {\n${head.join(',\n')},\n    "eventLines": [${events ? `\n${events}\n    ` : ''}],\n    "actionLines": ${JSON.stringify(actionLines)},\n    "actionFields": [${fields ? `\n${fields}\n    ` : ''}]\n  }`;
  });
  return `[\n${blocks.join(',\n')}\n]\n`;
}

function main(): void {
  const arg = process.argv[2];
  const env = process.env['POSTMORTEM_CORPUS'];
  const corpus = arg ?? (env ? dirname(env) : undefined);
  if (!corpus || !existsSync(join(corpus, 'labels'))) {
    console.log(`No corpus labels folder found${corpus ? ` at ${join(corpus, 'labels')}` : ''}. Pass the corpus folder (holding labels/ and sources-*.tsv) or set POSTMORTEM_CORPUS to its docs/ folder.`);
    return;
  }
  const sources = readSources(corpus);
  const orgOf = new Map(sources.map((s) => [s.file, s.organisation]));
  const docs: ExpectedDoc[] = [];
  for (const name of readdirSync(join(corpus, 'labels')).filter((f) => f.endsWith('.json')).sort()) {
    const label = JSON.parse(readFileSync(join(corpus, 'labels', name), 'utf8')) as LabelFile;
    const file = label.file || `${basename(name, '.json')}.md`;
    docs.push(expectedFromLabel({ ...label, file }, label.organisation ?? orgOf.get(file) ?? 'unknown'));
  }
  const out = join(root, 'test/corpus');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'expected.json'), formatExpected(docs));
  const tsv = ['file\towner/repo\tpath\tcommit\torganisation', ...sources.map((s) => [s.file, s.repo, s.path, s.commit, s.organisation].join('\t'))];
  writeFileSync(join(out, 'sources.tsv'), `${tsv.join('\n')}\n`);
  const missing = docs.filter((d) => !orgOf.has(d.file)).map((d) => d.file);
  console.log(`Wrote ${docs.length} documents to test/corpus/expected.json and ${sources.length} sources to test/corpus/sources.tsv.`);
  if (missing.length) console.log(`Labels without a source row: ${missing.join(', ')}`);
}

if (require.main === module) main();
