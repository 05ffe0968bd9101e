import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { LineIndex, matchesAnyGlob, mergeConfigs, parseConfigText, parsePostmortem, isPostmortem, readSuppressions, resolveConfig, RULE_IDS, DEFAULT_FILES, configFromSettings, configSchema, lintText, validateSchema, CONFIG_KEYS, TEMPLATES } from '../../src/core';
import type { Config } from '../../src/core';
import { repoRoot } from './root';

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

describe('validation against the schema', () => {
  const yaml = [
    'rules:',
    '  action-overdue: [warning, { graceDays: -1 }]',
    '  action-vague: loud',
    '  five-whys-short: [info, { minSteps: 3, colour: red }]',
    '  no-such-rule: off',
    'whyChainLength: 2.5',
    'priorities: [P0, 7, { id: P2 }, { description: nope }]',
    'requireTicket: "yes"',
    'colour: red',
    'files:',
    '  - a.md',
    '',
  ].join('\n');
  it('names the key path and the line of each problem', () => {
    assert.deepEqual(parseConfigText(yaml).problems, [
      { message: 'rules.action-overdue.graceDays must be a whole number ≥ 0', line: 2 },
      { message: 'rules.action-vague must be one of off, info, warning, error', line: 3 },
      { message: 'Unknown option "colour" in rules.five-whys-short', line: 4 },
      { message: 'Unknown rule "no-such-rule" in rules', line: 5 },
      { message: 'whyChainLength must be a whole number from 1 to 20', line: 6 },
      { message: 'priorities[1] must be text or a mapping', line: 7 },
      { message: 'priorities[3].id is required', line: 7 },
      { message: 'requireTicket must be true or false', line: 8 },
      { message: 'Unknown key "colour"', line: 9 },
    ]);
  });
  it('drops only the bad parts: the rest of the config applies', () => {
    const { config } = parseConfigText(yaml);
    assert.deepEqual(config, { rules: { 'action-overdue': ['warning', {}], 'five-whys-short': ['info', { minSteps: 3 }] }, priorities: ['P0', { id: 'P2' }], files: ['a.md'] });
    const r = resolveConfig(config, RULE_IDS);
    assert.deepEqual(r.problems, [], 'what is left is valid, so nothing is reported twice');
    assert.equal(r.config.rules['five-whys-short']!.options.minSteps, 3);
  });
  it('checks configs from settings or code the same way, without lines', () => {
    const r = resolveConfig({ rules: { 'action-overdue': ['warning', { graceDays: 1.5 }], 'action-vague': 'error' }, requireTicket: 'yes' as never }, RULE_IDS);
    assert.deepEqual(r.problems, [{ message: 'rules.action-overdue.graceDays must be a whole number ≥ 0' }, { message: 'requireTicket must be true or false' }]);
    assert.deepEqual(r.config.rules['action-overdue'], { severity: 'warning', options: {} });
    assert.equal(r.config.rules['action-vague']!.severity, 'error');
  });
  it('never throws, whatever the YAML holds', () => {
    for (const text of ['rules: 3\n', 'rules: [a, b]\n', 'rules:\n  action-vague: [1, 2, 3]\n', 'priorities: {}\n', 'a: &x [*x]\n', '"": 1\n', 'rules:\n  action-overdue: [warning, [1]]\n']) {
      const { problems } = parseConfigText(text);
      assert.ok(problems.length > 0, text);
    }
  });
});

describe('the schema', () => {
  const ajv = new Ajv({ strict: false, allErrors: true });
  const schema = configSchema();
  const check = ajv.compile(schema);
  it('is the committed schema file, and valid draft-07', () => {
    assert.deepEqual(JSON.parse(readFileSync(join(repoRoot, 'docs/schema/postmortem-config.schema.json'), 'utf8')), schema);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  });
  it('is read the same by our validator and by Ajv', () => {
    const samples: unknown[] = [
      {}, { rules: {} }, { rules: { 'action-vague': 'off' } }, { rules: { 'action-vague': ['error'] } }, { rules: { 'action-vague': ['error', {}] } },
      { rules: { 'action-vague': ['error', { a: 1 }] } }, { rules: { 'action-vague': [] } }, { rules: { 'action-vague': ['error', {}, 3] } },
      { rules: { 'action-overdue': ['info', { graceDays: 3 }] } }, { rules: { 'action-overdue': ['info', { graceDays: -1 }] } }, { rules: { 'action-overdue': ['info', { graceDays: 2.5 }] } },
      { rules: { 'five-whys-short': ['info', { minSteps: 21 }] } }, { rules: { 'five-whys-short': ['info', { minSteps: 3 }] } }, { rules: { nope: 'off' } },
      { whyChainLength: 0 }, { whyChainLength: 20 }, { whyChainLength: '5' }, { requireTicket: true }, { requireTicket: 1 },
      { priorities: ['P0', { id: 'P1', description: 'x' }] }, { priorities: [{ description: 'x' }] }, { priorities: [{ id: 'P1', extra: 1 }] }, { priorities: 'P0' },
      { priorityMap: { High: 'P1' } }, { priorityMap: { High: 1 } }, { files: ['a'] }, { files: [1] }, { jiraPriorities: { P0: 'Blocker' } }, { linearPriorities: [] }, { colour: 'red' },
      { requiredSections: ['summary'] }, { requiredSections: 'summary' },
    ];
    for (const sample of samples) assert.equal(validateSchema(sample, schema).length === 0, check(sample), JSON.stringify(sample));
  });
  it('our validator agrees with Ajv on the other keywords it supports (oneOf, required, tuples, bounds)', () => {
    const cases: Array<[import('../../src/core').JsonSchema, unknown[]]> = [
      [{ oneOf: [{ type: 'integer' }, { type: 'number', minimum: 0 }] }, [1, -1, 1.5, -1.5, 'x']],
      [{ type: 'object', required: ['id'], properties: { id: { type: 'string' } } }, [{}, { id: 'a' }, { id: 1 }, { id: 'a', x: 1 }, []]],
      [{ type: 'array', items: [{ type: 'string' }, { type: 'boolean' }], minItems: 1, maxItems: 2 }, [[], ['a'], ['a', true], ['a', 1], ['a', true, 1], [1]]],
      [{ type: ['string', 'null'], enum: ['a', null] }, ['a', null, 'b', 1]],
      [{ type: 'number', maximum: 3 }, [3, 3.5, 4]],
    ];
    for (const [schema, values] of cases) {
      const check = ajv.compile(schema);
      for (const v of values) assert.equal(validateSchema(v, schema).length === 0, check(v), `${JSON.stringify(schema)} on ${JSON.stringify(v)}`);
    }
  });
  it('declares every top-level key of Config and nothing else', () => {
    const keys: Array<keyof Config> = ['files', 'folder', 'templateFile', 'severities', 'ignores', 'rules', 'template', 'requiredSections', 'priorities', 'priorityMap', 'whyChainLength', 'requireTicket', 'jiraPriorities', 'linearPriorities', 'tracker', 'people', 'ticketsCarry'];
    assert.deepEqual(Object.keys(CONFIG_KEYS), keys);
  });

  it('checks the tracker: a kind other than github or jira, or an unknown key, is reported and left out', () => {
    const { problems } = resolveConfig({ tracker: { kind: 'gitlab', repo: 'acme/ops', token: 'x' } } as unknown as Config, RULE_IDS);
    const text = problems.map((p) => p.message).join('\n');
    assert.match(text, /tracker\.kind/);
    assert.match(text, /Unknown key "token" in tracker/);
  });
});

describe('rule options', () => {
  const overdue = '## Action items\n\n| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P1 | Add alert on replication lag above 30s | @bo | 2025-04-05 |\n';
  const count = (text: string, id: string, config: Config) => lintText(text, { today: '2025-04-15', config }).findings.filter((f) => f.ruleId === id).length;
  it('action-overdue waits graceDays after the deadline', () => {
    assert.equal(count(overdue, 'action-overdue', {}), 1);
    assert.equal(count(overdue, 'action-overdue', { rules: { 'action-overdue': ['warning', { graceDays: 10 }] } }), 0, '10 days late, 10 days of grace');
    assert.equal(count(overdue, 'action-overdue', { rules: { 'action-overdue': ['warning', { graceDays: 9 }] } }), 1);
  });
  it('a bad option is reported and its default applies', () => {
    const r = lintText(overdue, { today: '2025-04-15', config: { rules: { 'action-overdue': ['error', { graceDays: -5 }] } } });
    assert.deepEqual(r.configProblems.map((p) => p.message), ['rules.action-overdue.graceDays must be a whole number ≥ 0']);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'action-overdue').map((f) => f.severity), ['error']);
  });
  it('five-whys-short takes minSteps, and whyChainLength when minSteps is not set', () => {
    const whys = '## Root cause\n\nWhy did the API fail?\n→ The query timed out.\n\nWhy did the query time out?\n→ It scanned 10M rows.\n';
    assert.equal(count(whys, 'five-whys-short', {}), 1);
    assert.equal(count(whys, 'five-whys-short', { whyChainLength: 2 }), 0);
    assert.equal(count(whys, 'five-whys-short', { rules: { 'five-whys-short': ['info', { minSteps: 2 }] } }), 0);
    assert.equal(count(whys, 'five-whys-short', { whyChainLength: 2, rules: { 'five-whys-short': ['info', { minSteps: 3 }] } }), 1, 'minSteps wins');
    const message = lintText(whys, { today: '2025-04-15', config: { rules: { 'five-whys-short': ['info', { minSteps: 4 }] } } }).findings.find((f) => f.ruleId === 'five-whys-short')!.message;
    assert.match(message, /\(4 steps\)/);
  });
});

describe('settings', () => {
  it('maps postmortem.* settings by the schema\'s keys, leaving out defaults and unset values', () => {
    const settings: Record<string, unknown> = {
      rules: {}, priorities: ['P0', 'P1', 'P2', 'P3'], whyChainLength: 3, requireTicket: false, files: undefined,
      requiredSections: ['summary'], jiraPriorities: { P0: 'Blocker' }, 'lint.enable': true,
    };
    const asked: string[] = [];
    const config = configFromSettings((k) => (asked.push(k), settings[k]));
    assert.deepEqual(config, { whyChainLength: 3, requiredSections: ['summary'], jiraPriorities: { P0: 'Blocker' } });
    assert.deepEqual(asked, Object.keys(CONFIG_KEYS));
  });
  it('offers every config key as a setting with the same schema (package.json)', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
    for (const key of Object.keys(CONFIG_KEYS)) {
      const { scope, ...setting } = pkg.contributes.configuration.properties[`postmortem.${key}`];
      assert.equal(scope, 'resource');
      const { description: _plain, ...fileSchema } = configSchema().properties![key]!;
      assert.deepEqual(setting, fileSchema, key);
    }
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

describe('template presets', () => {
  const findingsOf = (text: string, config: Config) =>
    lintText(text, { today: '2025-04-15', config }).findings.filter((f) => f.ruleId === 'section-missing').map((f) => `${f.range.start.line}: ${f.message}`);
  it('asks for the sections of the chosen template, and an explicit list wins', () => {
    const resolved = (yaml: string) => resolveConfig(parseConfigText(yaml).config, RULE_IDS);
    assert.deepEqual(resolved('template: google-sre\n').config.requiredSections, TEMPLATES['google-sre'].sections);
    assert.deepEqual(resolved('template: atlassian\n').config.requiredSections, ['summary', 'leadup', 'fault', 'impact', 'detection', 'resolution', 'timeline', 'root-cause', 'lessons-learned', 'action-items']);
    assert.deepEqual(resolved('template: pagerduty\nrequiredSections: [summary]\n').config.requiredSections, ['summary']);
    assert.deepEqual(resolved('').config.requiredSections, ['summary', 'impact', 'timeline', 'root-cause', 'action-items']);
    assert.match(parseConfigText('template: itil\n').problems[0]!.message, /template/);
  });

  it('checks a Google SRE document against the google-sre preset, fields and lessons headings included', () => {
    const doc = '# Search down\n\n**Summary**: Search failed for an hour.\n\n**Impact**: 1.2B queries lost.\n\n**Root Causes**: A leak under load.\n\n**Trigger**: A traffic spike.\n\n**Resolution**: Traffic moved and capacity added.\n\n**Detection**: Monitoring paged on-call.\n\n## Action Items\n\n- Fix the leak\n\n## Lessons Learned\n\n### What went well\n\n- Paging worked\n\n## Timeline\n\n- 14:51 Spike starts\n';
    assert.deepEqual(findingsOf(doc, { template: 'google-sre' }), []);
    assert.deepEqual(findingsOf(doc.replace('**Trigger**: A traffic spike.\n\n', ''), { template: 'google-sre' }), ['1: Missing section: Trigger']);
  });

  it('lets a PagerDuty document give its contributing factors under the older name Root Causes', () => {
    const doc = '# Delays\n\n## Overview\n\nAlerts were late.\n\n## Root Causes\n\nA runaway process.\n\n## Resolution\n\nKilled it.\n\n## Impact\n\n0.02% late.\n\n## Timeline\n\n- 10:00 Process starts\n\n## How\'d We Do?\n\n### What Went Well?\n\n- Fast page\n\n## Action Items\n\n- Add a limit\n';
    assert.deepEqual(findingsOf(doc, { template: 'pagerduty' }), []);
  });

  it('checks an Atlassian document against the atlassian preset: Response and Recovery give the resolution', () => {
    const doc = '# Checkout errors\n\n## Incident summary\n\nCheckout failed for 40 minutes.\n\n## Leadup\n\nA config change shortened a timeout.\n\n## Fault\n\nRequests timed out under load.\n\n## Impact\n\n8% of orders failed.\n\n## Detection\n\nAn error-rate alert paged on-call.\n\n## Response\n\nOn-call joined within 5 minutes.\n\n## Recovery\n\nThe change was rolled back.\n\n## Timeline\n\n- 14:00 Change deployed\n\n## Five whys\n\n1. Why did orders fail? The timeout was too short.\n\n## Root cause\n\nThe timeout was not load tested.\n\n## Lessons learned\n\nLoad test config changes.\n\n## Corrective actions\n\n- Add a load test for timeouts\n';
    assert.deepEqual(findingsOf(doc, { template: 'atlassian' }), []);
    assert.deepEqual(findingsOf(doc.replace('## Fault\n\nRequests timed out under load.\n\n', ''), { template: 'atlassian' }), ['1: Missing section: Fault']);
  });
});
