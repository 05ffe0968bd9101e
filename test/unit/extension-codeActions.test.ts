import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { disableComment } from '../../src/extension/codeActions-logic';

describe('extension code actions: where "disable for this line" puts its comment', () => {
  const endOfLine = (text: string) => ({ line: 6, character: text.length, text: ' <!-- postmortem-disable-line some-rule -->' });
  for (const text of [
    '| High | Add retry budget | @nora | 2025-07-01 |',
    '- 14:35 Obviously the cache was the problem',
    '* P1: Improve monitoring',
    '+ item',
    '1. first',
    '2) second',
    '## Timeline',
    '   | indented row |',
    'prose with a | pipe in it',
  ]) {
    it(`at the end of "${text}" (a comment line would split it)`, () => {
      assert.deepEqual(disableComment(text, 6, 'some-rule', 0), endOfLine(text));
    });
  }
  it('on a line of its own above a paragraph line', () => {
    assert.deepEqual(disableComment('Obviously the cache was the problem.', 6, 'some-rule', 0), {
      line: 6, character: 0, text: '<!-- postmortem-disable-next-line some-rule -->\n',
    });
  });
  it('indented like the paragraph line it disables', () => {
    assert.deepEqual(disableComment('    continued text', 3, 'r', 0), { line: 3, character: 0, text: '    <!-- postmortem-disable-next-line r -->\n' });
  });
  it('treats "-" without a space as text, not as a list item', () => {
    assert.equal(disableComment('-not a list', 0, 'r', 0)?.character, 0);
  });
  it('offers nothing inside the YAML frontmatter', () => {
    // Frontmatter on 1-based lines 1-3: 0-based lines 0-2 are inside it, line 3 is after it.
    assert.equal(disableComment('---', 0, 'r', 3), undefined);
    assert.equal(disableComment('type: postmortem', 1, 'r', 3), undefined);
    assert.equal(disableComment('---', 2, 'r', 3), undefined);
    assert.deepEqual(disableComment('# Title', 3, 'r', 3), { line: 3, character: 7, text: ' <!-- postmortem-disable-line r -->' });
  });
});
