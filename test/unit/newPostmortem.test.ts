import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { allSections, fillTemplate, folderFromGlobs, freeFileName, lintText, parsePostmortem, TEMPLATES, namedLikePostmortem, postmortemFileName, slugify, templateAsSnippet } from '../../src/core';
import { repoRoot } from './root';

const snippetBody = (): string => {
  const snippets = JSON.parse(readFileSync(join(repoRoot, 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  return snippets['Postmortem document']!.body.join('\n');
};

describe('new postmortem: slugs', () => {
  it('lower-cases and joins words with single dashes', () => {
    assert.equal(slugify('Checkout errors for EU customers'), 'checkout-errors-for-eu-customers');
  });
  it('turns punctuation runs into one dash and trims dashes at both ends', () => {
    assert.equal(slugify('  API 5xx: "payments" down!! (again) -- 50%  '), 'api-5xx-payments-down-again-50');
  });
  it('drops accents from Latin letters and keeps letters of other scripts', () => {
    assert.equal(slugify('Dépôt échoué à Zürich'), 'depot-echoue-a-zurich');
    assert.equal(slugify('Ошибка оплаты'), 'ошибка-оплаты');
    assert.equal(slugify('決済の障害 2025'), '決済の障害-2025');
  });
  it('falls back to "postmortem" when nothing is left', () => {
    assert.equal(slugify('!!! ??? 🔥'), 'postmortem');
    assert.equal(slugify(''), 'postmortem');
  });
  it('cuts a long title at a word boundary', () => {
    const slug = slugify('The database primary failed over during the nightly backup and the replicas lagged for hours afterwards');
    assert.ok(slug.length <= 60, slug);
    assert.ok(!slug.endsWith('-'));
    assert.equal(slug, 'the-database-primary-failed-over-during-the-nightly-backup');
  });
  it('cuts one very long word at the limit', () => {
    assert.equal(slugify('a'.repeat(200)).length, 60);
  });
});

describe('new postmortem: file names', () => {
  it('names the file <date>-<slug>.md', () => {
    assert.equal(postmortemFileName('2025-06-03', 'Queue lag'), '2025-06-03-queue-lag.md');
  });
  it('adds -2, -3 when the name is taken, never reusing a taken one', async () => {
    const taken = new Set(['2025-06-03-queue-lag.md', '2025-06-03-queue-lag-2.md']);
    assert.equal(await freeFileName('2025-06-03', 'Queue lag', (n) => taken.has(n)), '2025-06-03-queue-lag-3.md');
    assert.equal(await freeFileName('2025-06-03', 'Other', (n) => taken.has(n)), '2025-06-03-other.md');
  });
  it('gives up (undefined) rather than loop forever', async () => {
    assert.equal(await freeFileName('2025-06-03', 'x', () => true, 5), undefined);
  });
  it('recognises names of postmortems for the empty-file lens', () => {
    assert.ok(namedLikePostmortem('/ws/docs/2025-06-03-queue-lag.md'));
    assert.ok(namedLikePostmortem('/ws/payments-postmortem.md'));
    assert.ok(namedLikePostmortem('/ws/Incident-42.md'));
    assert.ok(!namedLikePostmortem('/ws/README.md'));
    assert.ok(!namedLikePostmortem('/ws/2025-06-03-queue-lag.txt'));
  });
});

describe('new postmortem: folder from the configured globs', () => {
  it('takes the literal folder of the first glob that names one', () => {
    assert.equal(folderFromGlobs(['**/postmortems/**/*.md', '**/*postmortem*.md']), 'postmortems');
    assert.equal(folderFromGlobs(['docs/incidents/*.md']), 'docs/incidents');
    assert.equal(folderFromGlobs(['**/*postmortem*.md', 'ops/pm/**/*.md']), 'ops/pm');
  });
  it('gives undefined when no glob names a folder', () => {
    assert.equal(folderFromGlobs(['**/*.md', '*.md']), undefined);
    assert.equal(folderFromGlobs([]), undefined);
  });
});

describe('new postmortem: filling the template', () => {
  const values = { title: 'Checkout errors for EU customers', date: '2025-06-03', severity: 'SEV-2' };
  it('fills title, date and severity into the built-in template and leaves no snippet syntax', () => {
    const { text } = fillTemplate(snippetBody(), values);
    assert.match(text, /^title: Checkout errors for EU customers$/m);
    assert.match(text, /^date: 2025-06-03$/m);
    assert.match(text, /^severity: SEV-2$/m);
    assert.match(text, /^# Checkout errors for EU customers$/m);
    assert.ok(!text.includes('${'), 'no snippet fields left');
    assert.ok(!/\$\d/.test(text));
  });
  it('puts the cursor on the first field left to fill', () => {
    const { text, cursor } = fillTemplate(snippetBody(), values);
    assert.equal(text.slice(cursor.start, cursor.end), 'your name');
  });
  it('gives a postmortem whose headings are the sections the default template requires', () => {
    const { text } = fillTemplate(snippetBody(), values);
    const pm = parsePostmortem(text);
    const kinds = new Set(allSections(pm.sections).map((sec) => sec.kind));
    for (const kind of TEMPLATES.default.sections) assert.ok(kinds.has(kind), `${kind} in ${[...kinds].join(', ')}`);
    assert.equal(pm.frontmatter?.data?.severity, 'SEV-2');
  });
  it('fills {{title}}, {{date}}, {{severity}} in a plain team template and puts the cursor at {{cursor}}', () => {
    const team = '# {{title}}\n\nDate: {{date}} · Severity: {{ severity }}\n\n## Summary\n\n{{cursor}}\n\nCost: $100 {not a field}\n';
    const { text, cursor } = fillTemplate(team, values);
    assert.equal(text, '# Checkout errors for EU customers\n\nDate: 2025-06-03 · Severity: SEV-2\n\n## Summary\n\n\n\nCost: $100 {not a field}\n');
    assert.equal(cursor.start, text.indexOf('## Summary') + '## Summary\n\n'.length);
    assert.equal(cursor.end, cursor.start);
  });
  it('keeps unknown markers and unmatched braces as text, without throwing', () => {
    const { text } = fillTemplate('{{owner}} ${1:unclosed {{title', values);
    assert.equal(text, '{{owner}} ${1:unclosed {{title');
  });
  it('uses a configured severity scale for choices', () => {
    const { text } = fillTemplate('severity: ${1|critical,major,minor|}', { ...values, severity: 'major' }, ['critical', 'major', 'minor']);
    assert.equal(text, 'severity: major');
  });
  it('turns a plain template into snippet text with markers as fields and $ escaped', () => {
    assert.equal(templateAsSnippet('# {{title}}\n{{date}} {{severity}} costs $5 {x}\n{{cursor}}', '2025-06-03'), '# ${1:Title}\n2025-06-03 ${2|SEV-1,SEV-2,SEV-3,SEV-4|} costs \\$5 {x\\}\n$0');
    const body = snippetBody();
    assert.equal(templateAsSnippet(body, '2025-06-03'), body, 'our snippet syntax stays');
  });
});

describe('squiggles on empty table cells', () => {
  it('span the whole empty cell, between its pipes', () => {
    const text = '---\ntype: postmortem\n---\n# X\n\n## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n|    | Add an alert on queue lag above 10k |       |      |\n';
    const row = text.split('\n')[9]!;
    const cells: Array<[number, number]> = [];
    let prev = -1;
    for (let i = 0; i < row.length; i++) if (row[i] === '|') { if (prev >= 0) cells.push([prev + 2, i + 1]); prev = i; }
    const findings = lintText(text, { today: '2025-06-03' }).findings.filter((f) => f.range.start.line === 10);
    for (const [rule, cell] of [['action-missing-priority', 0], ['action-missing-owner', 2], ['action-missing-deadline', 3]] as const) {
      const f = findings.find((x) => x.ruleId === rule);
      assert.ok(f, rule);
      assert.deepEqual([f.range.start.column, f.range.end.column], cells[cell], `${rule} spans its cell`);
    }
  });
});
