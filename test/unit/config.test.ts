import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex, matchesAnyGlob, mergeConfigs, parseConfigText, parsePostmortem, isPostmortem, readSuppressions, resolveConfig, RULE_IDS, DEFAULT_FILES } from '../../src/core';

describe('.postmortem.yaml', () => {
  it('reads rules, sections, priorities and lengths', () => {
    const { config, problems } = parseConfigText('rules:\n  action-vague: off\n  action-overdue: [error, {}]\nrequiredSections: [summary, timeline]\npriorities: [P0, P1]\nwhyChainLength: 3\n');
    assert.deepEqual(problems, []);
    const r = resolveConfig(config, RULE_IDS);
    assert.deepEqual(r.problems, []);
    assert.equal(r.config.rules['action-vague']!.severity, 'off');
    assert.equal(r.config.rules['action-overdue']!.severity, 'error');
    assert.deepEqual(r.config.requiredSections, ['summary', 'timeline']);
    assert.deepEqual(r.config.priorities.map((p) => p.id), ['P0', 'P1']);
    assert.equal(r.config.whyChainLength, 3);
  });
  it('reports broken YAML, unknown keys and bad values without throwing', () => {
    assert.match(parseConfigText('rules: [unclosed\n').problems[0]!.message, /^YAML:/);
    assert.match(parseConfigText('- a list\n').problems[0]!.message, /mapping/);
    assert.match(parseConfigText('colour: red\n').problems[0]!.message, /Unknown key "colour"/);
    const r = resolveConfig({ rules: { 'action-vague': 'loud' as never }, whyChainLength: 0, requiredSections: ['nonsense'] }, RULE_IDS);
    assert.equal(r.problems.length, 3);
  });
  it('treats YAML as data: tags and alias bombs do not run or explode', () => {
    assert.deepEqual(parseConfigText('rules: !!js/function "function(){}"\n').config.rules ?? null, null);
    const bomb = 'a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\n';
    assert.ok(parseConfigText(bomb).problems.length > 0);
  });
  it('merges settings and file, rule by rule', () => {
    const merged = mergeConfigs({ rules: { 'action-vague': 'off', 'action-overdue': 'info' }, whyChainLength: 3 }, { rules: { 'action-vague': 'error' } });
    assert.deepEqual(merged.rules, { 'action-vague': 'error', 'action-overdue': 'info' });
    assert.equal(merged.whyChainLength, 3);
  });
});

describe('which files are postmortems', () => {
  it('matches the default globs', () => {
    assert.ok(matchesAnyGlob('docs/postmortems/2025/db.md', DEFAULT_FILES));
    assert.ok(matchesAnyGlob('postmortems/db.md', DEFAULT_FILES));
    assert.ok(matchesAnyGlob('notes/2025-04-api-postmortem.md', DEFAULT_FILES));
    assert.ok(matchesAnyGlob('incidents/INC-12.md', DEFAULT_FILES));
    assert.ok(!matchesAnyGlob('README.md', DEFAULT_FILES));
    assert.ok(matchesAnyGlob('a/b.md', ['a/{b,c}.md']));
  });
  it('also counts frontmatter type and content, and never plain Markdown', () => {
    assert.ok(isPostmortem(parsePostmortem('---\ntype: postmortem\n---\n# x\n'), 'notes/x.md', DEFAULT_FILES));
    assert.ok(!isPostmortem(parsePostmortem('---\ntype: blog\n---\n# x\n'), 'postmortems/x.md', DEFAULT_FILES));
    assert.ok(isPostmortem(parsePostmortem('# x\n## Timeline\n- 10:00 a\n## Action items\n- P1: b\n'), 'notes/x.md', DEFAULT_FILES));
    assert.ok(!isPostmortem(parsePostmortem('# README\n\nSome text.\n'), 'README.md', DEFAULT_FILES));
  });
});

describe('suppression comments', () => {
  it('applies next-line, line and block comments to the right lines and rules', () => {
    const s = readSuppressions(new LineIndex('<!-- postmortem-disable-next-line a-b -->\nx\ny <!-- postmortem-disable-line -->\n<!-- postmortem-disable c-d -->\nz\n<!-- postmortem-enable c-d -->\nw\n'));
    assert.ok(s('a-b', 2));
    assert.ok(!s('c-d', 2));
    assert.ok(s('anything', 3));
    assert.ok(s('c-d', 5));
    assert.ok(!s('c-d', 7));
  });
});
