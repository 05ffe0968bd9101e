import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core';
import { README_END, README_START, configurationSchema, docsPage, rulesTable } from '../../scripts/generate';

const root = join(__dirname, '../../..');
const hint = 'run `npm run generate` and commit the result';

describe('files generated from the rule registry match it', () => {
  it('has a docs page per rule, and no page for a rule that does not exist', () => {
    for (const rule of RULES) {
      const file = join(root, 'docs', 'rules', `${rule.id}.md`);
      assert.ok(existsSync(file), `${file} missing: ${hint}`);
      assert.equal(readFileSync(file, 'utf8'), docsPage(rule), `${file} drifted: ${hint}`);
    }
    const pages = readdirSync(join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), RULES.map((r) => r.id).sort());
  });
  it('has the rules table in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    assert.equal(table, rulesTable(), `README rules table drifted: ${hint}`);
  });
  it('has the settings schema in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration, configurationSchema(), `package.json configuration drifted: ${hint}`);
  });
  it('gives every rule an id in kebab-case, a summary and examples', () => {
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(?:-[a-z]+)+$/);
      assert.ok(r.summary && r.rationale && r.examples.bad && r.examples.good, r.id);
    }
  });
});
