// `npm run measure:corpus -- <docs folder> [--json] [--details NAME]`: how well the parser reads real
// postmortems. Each document listed in test/corpus/expected.json that exists in the folder is parsed and
// linted, and compared with its labelled facts (see scripts/measure-corpus-lib.ts). The folder defaults
// to $POSTMORTEM_CORPUS. A measurement, not a test: it always exits 0.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareDocument, detailsReport, markdownReport, MEASURE_TODAY, totals } from './measure-corpus-lib';
import type { DocResult, ExpectedDoc } from './measure-corpus-lib';

const root = join(__dirname, '..');

function main(argv: string[]): void {
  let folder: string | undefined;
  let json = false;
  let details: string | undefined;
  let expectedPath = join(root, 'test/corpus/expected.json');
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') json = true;
    else if (a === '--details') details = argv[++i];
    else if (a.startsWith('--details=')) details = a.slice('--details='.length);
    else if (a === '--expected') expectedPath = argv[++i] ?? expectedPath;
    else if (a === '--help' || a === '-h') {
      console.log('Usage: npm run measure:corpus -- [docs folder] [--json] [--details NAME] [--expected expected.json]\nThe folder defaults to $POSTMORTEM_CORPUS.');
      return;
    } else folder = a;
  }
  folder ??= process.env['POSTMORTEM_CORPUS'];
  if (!folder) {
    console.log('No corpus folder given: pass the folder of documents, or set POSTMORTEM_CORPUS. Nothing measured.');
    return;
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    console.log(`The corpus folder ${folder} does not exist. Nothing measured.`);
    return;
  }
  const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as ExpectedDoc[];
  const present = expected.filter((d) => existsSync(join(folder, d.file)));
  const absent = expected.length - present.length;

  if (details !== undefined) {
    const name = details;
    const doc = present.find((d) => d.file === name || d.file === `${name}.md`) ?? present.find((d) => d.file.toLowerCase().includes(name.toLowerCase()));
    if (!doc) {
      console.log(`No document matching "${name}" in ${folder}.`);
      return;
    }
    const text = readFileSync(join(folder, doc.file), 'utf8');
    console.log(detailsReport(compareDocument(text, doc), text.split(/\r?\n|\r/)));
    return;
  }

  const results: DocResult[] = [];
  for (const doc of present) {
    const text = readFileSync(join(folder, doc.file), 'utf8');
    try {
      results.push(compareDocument(text, doc));
    } catch (err) {
      console.error(`${doc.file}: the parser threw: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (json) {
    const summary = {
      folder,
      today: MEASURE_TODAY,
      listed: expected.length,
      measured: results.length,
      absent,
      totals: totals(results),
      organisations: Object.fromEntries([...new Set(results.map((r) => r.organisation))].sort().map((o) => [o, totals(results.filter((r) => r.organisation === o))])),
      documents: results.map((r) => {
        const { documents: _one, ...t } = totals([r]);
        return { file: r.file, organisation: r.organisation, ...t };
      }),
    };
    console.log(JSON.stringify(summary, null, 2));
    return;
  }
  console.log(`# Corpus measurement (${results.length} of ${expected.length} documents in ${folder}${absent ? `; ${absent} not found` : ''}; lint today = ${MEASURE_TODAY})\n`);
  console.log(markdownReport(results));
}

main(process.argv.slice(2));
