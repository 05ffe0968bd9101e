import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { MILESTONE_MARKERS, RULES } from '../../src/core';
import { GRAMMAR_FILE, README_END, README_START, YAML_VALIDATION, configurationSchema, generatedFiles, grammarWithMarkers, milestonePattern, rulesTable } from '../../scripts/generate';
import { repoRoot as root } from './root';

const hint = 'run `npm run generate` and commit the result';

describe('files generated from the rule registry and the config schema match them', () => {
  it('has every generated file (docs pages, configuration.md, schema, Config type) as generated', () => {
    for (const [path, text] of Object.entries(generatedFiles())) {
      const file = join(root, path);
      assert.ok(existsSync(file), `${path} missing: ${hint}`);
      assert.equal(readFileSync(file, 'utf8'), text, `${path} drifted: ${hint}`);
    }
  });
  it('has a docs page per rule, and no page for a rule that does not exist', () => {
    const pages = readdirSync(join(root, 'docs', 'rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(pages.sort(), RULES.map((r) => r.id).sort());
  });
  it('gives rules with options an Options section, and no other rule one', () => {
    for (const r of RULES) {
      const page = readFileSync(join(root, 'docs', 'rules', `${r.id}.md`), 'utf8');
      assert.equal(page.includes('\n## Options\n'), r.options !== undefined, r.id);
      for (const option of Object.keys(r.options?.schema.properties ?? {})) assert.ok(page.includes(`\`${option}\``), `${r.id}: ${option}`);
    }
  });
  it("has the parser's milestone marker words in the grammar", () => {
    const grammar = readFileSync(join(root, GRAMMAR_FILE), 'utf8');
    assert.equal(grammar, grammarWithMarkers(grammar), `${GRAMMAR_FILE} milestone pattern drifted: ${hint}`);
    const match = new RegExp(milestonePattern().replace('(?i:', '(?:'), 'i');
    for (const word of Object.values(MILESTONE_MARKERS).flat()) assert.match(`[${word}]`, match, word);
  });
  it('has the rules table in the README', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf(README_START), readme.indexOf(README_END) + README_END.length);
    assert.equal(table, rulesTable(), `README rules table drifted: ${hint}`);
  });
  it('has the settings schema and the .postmortem.yaml validation in package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration, configurationSchema(), `package.json configuration drifted: ${hint}`);
    assert.deepEqual(pkg.contributes.yamlValidation, YAML_VALIDATION, `package.json yamlValidation drifted: ${hint}`);
    assert.ok(existsSync(join(root, YAML_VALIDATION[0]!.url)), 'the yamlValidation schema exists');
    for (const [key, s] of Object.entries(pkg.contributes.configuration.properties as Record<string, { markdownDescription?: string; scope?: string; default?: unknown }>)) {
      assert.ok(s.markdownDescription && s.scope && s.default !== undefined, `${key} has markdownDescription, scope and default`);
    }
  });
  it('gives every rule an id in kebab-case, a summary, a rationale and examples', () => {
    for (const r of RULES) {
      assert.match(r.id, /^[a-z]+(?:-[a-z]+)+$/);
      assert.ok(r.summary && r.rationale && r.examples.length >= 2, r.id);
      for (const e of r.examples) for (const f of e.findings) assert.match(f, /^\d+:\d+$/, `${r.id}: finding "${f}" is line:column`);
    }
  });
});
