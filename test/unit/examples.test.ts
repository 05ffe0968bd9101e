import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, RULES } from '../../src/core';

const TODAY = '2025-04-15';

describe('every rule\'s documented examples do what the docs say', () => {
  for (const rule of RULES) {
    describe(rule.id, () => {
      it('has at least one flagged and one fine example', () => {
        assert.ok(rule.examples.some((e) => e.findings.length > 0), `${rule.id} has no flagged example`);
        assert.ok(rule.examples.some((e) => e.findings.length === 0), `${rule.id} has no fine example`);
      });
      rule.examples.forEach((example, i) => {
        const name = `${example.findings.length > 0 ? 'flagged' : 'fine'} #${i + 1}${example.title ? `: ${example.title}` : ''}`;
        it(name, () => {
          const config = { ...example.config, ...(example.options ? { rules: { [rule.id]: [rule.defaultSeverity, example.options] as [typeof rule.defaultSeverity, Record<string, unknown>] } } : {}) };
          const result = lintText(example.markdown, { today: TODAY, config });
          assert.deepEqual(result.configProblems, [], 'the example\'s options are valid');
          const actual = result.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);
          assert.deepEqual(actual, example.findings.map((f) => `${f} ${rule.id}`));
        });
      });
    });
  }
});
