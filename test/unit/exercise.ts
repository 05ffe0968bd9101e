// Shared checks for the fuzz, regression and incremental tests (a module without suites, so that
// importing it does not run any test twice).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { EXPORT_FORMATS, exportItems, IncrementalParser, lintText, parsePostmortem, renderExport, timelineSvg, timelineViewModel } from '../../src/core';
import type { ExportFormat } from '../../src/core';
import { repoRoot } from './root';

const root = repoRoot;
const schema = JSON.parse(readFileSync(join(root, 'docs/schema/action-items.schema.json'), 'utf8'));
const validate = new Ajv2020({ strict: false }).compile(schema);

/** gh scripts written by exercise(), checked with bash -n in one go by the fuzz test. */
export const ghScripts: string[] = [];

/** The incremental path must give exactly what a whole parse gives: the model and the findings. */
export function assertSameAsWholeParse(text: string, parser = new IncrementalParser()): void {
  const whole = parsePostmortem(text);
  const incremental = parsePostmortem(text, { parser });
  assert.deepEqual(JSON.parse(JSON.stringify(incremental)), JSON.parse(JSON.stringify(whole)));
  const a = lintText(text, { today: '2025-05-01' }).findings;
  const b = lintText(text, { today: '2025-05-01', parser }).findings;
  assert.deepEqual(b, a);
}


/** Runs the whole product on one document and checks every output; throws on any problem. */
export function exercise(text: string): void {
  // The editor's incremental parse must agree with the whole parse on every input.
  assertSameAsWholeParse(text);
  const started = performance.now();
  const pm = parsePostmortem(text);
  const { findings } = lintText(text, { today: '2025-05-01' });
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 1 && p.line <= lines.length, `${f.ruleId}: line ${p.line} of ${lines.length}`);
      assert.ok(p.column >= 1 && p.column <= lines[p.line - 1]!.length + 1, `${f.ruleId}: column ${p.line}:${p.column}`);
    }
    assert.ok(f.range.start.line < f.range.end.line || (f.range.start.line === f.range.end.line && f.range.start.column <= f.range.end.column));
    assert.ok(!/failed on this document/.test(f.message), f.message);
  }
  const vm = timelineViewModel(pm, '2025-05-01');
  const svg = timelineSvg(vm);
  assert.doesNotMatch(svg, /<(?!\/?(?:svg|rect|text|line|circle)\b)/, 'only our own SVG elements');
  const items = exportItems(pm, 'fuzz.md');
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    const out = renderExport(format, items, { now: new Date('2025-05-01T00:00:00Z') }).text;
    if (format.endsWith('csv')) {
      const rows: string[][] = parseCsv(out);
      assert.ok(rows.every((r) => r.length === rows[0]!.length), `${format}: ragged output`);
      assert.equal(rows.length, items.length + 1);
    } else if (format === 'json') {
      const data = JSON.parse(out);
      assert.ok(validate(data), JSON.stringify(validate.errors));
    } else if (format === 'ics') {
      const cal = new ICAL.Component(ICAL.parse(out));
      assert.equal(cal.getAllSubcomponents('vtodo').length, items.filter((i) => i.deadline).length);
    } else if (format === 'gh') ghScripts.push(out);
  }
  // A hang guard, not a speed goal (speed is measured by `npm run bench`): micromark alone needs up
  // to ~30 µs a character here and this parses twice, on a shared 2-core machine that may be busy;
  // 500 µs a character still catches a regex that backtracks or a quadratic loop, which take
  // minutes to hours on these inputs.
  const ms = performance.now() - started;
  assert.ok(ms < 10_000 + text.length / 2, `took ${ms.toFixed(0)} ms for ${text.length} characters`);
}

