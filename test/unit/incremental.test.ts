import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { IncrementalParser, parsePostmortem, splitChunks } from '../../src/core';
import { assertSameAsWholeParse } from './exercise';
import { repoRoot } from './root';

const root = repoRoot;
const docs = [join(root, 'examples/progress-sync-outage.md'), ...['test/fixtures', 'test/fixtures/rules'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.md')).map((f) => join(root, d, f)))]
  .map((f) => [f.slice(root.length + 1), readFileSync(f, 'utf8')] as const);

describe('incremental parsing', () => {
  it('splits at headings and at new blocks after blank lines, never inside fences, HTML or frontmatter', () => {
    const text = '---\na: 1\n\nb: 2\n---\n# T\n\npara\n\n- item\n\n- item 2\n\n```\n# not a heading\n\nx\n```\n\n<!--\n# hidden\n\n-->\n\n## Next\n---\n';
    assert.deepEqual(splitChunks(text).map((c) => c.line), [1, 6, 8, 14, 20, 25]);
    assert.equal(splitChunks(text).map((c) => c.text).join(''), text);
  });
  for (const [name, text] of docs) {
    it(`gives the same model and findings as a whole parse: ${name}`, () => assertSameAsWholeParse(text));
  }
  it('after edits, re-parses only the chunks that changed and still agrees with a whole parse', () => {
    const seed = docs[0]![1];
    const parser = new IncrementalParser();
    parsePostmortem(seed, { parser });
    const chunks = splitChunks(seed).length;
    const edited = seed.replace('Alice rolls back to v2.4.0', 'Alice rolls back to v2.4.0!');
    assertSameAsWholeParse(edited, parser);
    parsePostmortem(edited.replace('v2.4.0!', 'v2.4.0?'), { parser });
    assert.equal(parser.lastParsed, 1, `one of ${chunks} chunks parsed again`);
  });
  it('cuts long tables into row groups that join again into one table', () => {
    const rows = Array.from({ length: 350 }, (_, i) => `| P${i % 4} | Add alert ${i} on svc-${i} | @bob | 2025-05-01 |`);
    const text = `# T\n\n## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n${rows.join('\n')}\nlazy row without pipes\n\nAfter.\n`;
    const chunks = splitChunks(text);
    assert.equal(chunks.filter((c) => c.tablePrefix).length, 3);
    assertSameAsWholeParse(text);
    assert.equal(parsePostmortem(text, { parser: new IncrementalParser() }).actionItems.length, 351);
    // A header whose cell count differs from the delimiter is no table: no cuts.
    const notTable = text.replace('| Priority | Action | Owner | Deadline |', '| Priority | Action |');
    assert.equal(splitChunks(notTable).filter((c) => c.tablePrefix).length, 0);
    assertSameAsWholeParse(notTable);
    // Edits inside the table re-parse one row group.
    const parser = new IncrementalParser();
    parsePostmortem(text, { parser });
    const edited = text.replace('Add alert 200 on', 'Add alerts 200 on');
    assertSameAsWholeParse(edited, parser);
    parsePostmortem(edited.replace('alerts 200', 'alertz 200'), { parser });
    assert.equal(parser.lastParsed, 1);
  });
  it('agrees with a whole parse on random edits of long tables', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `| ${i} | x${i} |`).join('\n');
    const text = `## Timeline\n\n| Time | Event |\n|---|---|\n${rows}\n`;
    fc.assert(fc.property(fc.nat(), fc.constantFrom('|', '\n', '\n\n', 'x', '---', '# h\n', '`'), (at, insert) => {
      const parser = new IncrementalParser();
      parsePostmortem(text, { parser });
      const i = at % (text.length + 1);
      assertSameAsWholeParse(text.slice(0, i) + insert + text.slice(i), parser);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 250) });
  });
  it('agrees with a whole parse on random edits of every fixture', () => {
    fc.assert(fc.property(fc.constantFrom(...docs.map((d) => d[1])), fc.nat(), fc.string({ maxLength: 8 }), (text, at, insert) => {
      const parser = new IncrementalParser();
      parsePostmortem(text, { parser });
      const i = at % (text.length + 1);
      assertSameAsWholeParse(text.slice(0, i) + insert + text.slice(i), parser);
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 250) });
  });
});
