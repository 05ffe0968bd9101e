// The panel's reading of an entry's inline Markdown: parts it builds as DOM nodes, never HTML.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintText, timelineViewModel } from '../../src/core';
import { inlineParts } from '../../src/webview/inline';

describe('timeline panel: inline Markdown of entries', () => {
  it('reads code spans, strong and emphasised text and links', () => {
    assert.deepEqual(inlineParts('Missing index on `orders.user_id` made **every** query _slow_, see [the PR](https://example.com/pr/1)'), [
      { kind: 'text', text: 'Missing index on ' },
      { kind: 'code', text: 'orders.user_id' },
      { kind: 'text', text: ' made ' },
      { kind: 'strong', text: 'every' },
      { kind: 'text', text: ' query ' },
      { kind: 'em', text: 'slow' },
      { kind: 'text', text: ', see ' },
      { kind: 'link', text: 'the PR', href: 'https://example.com/pr/1' },
    ]);
    assert.deepEqual(inlineParts('``a `tick` inside`` and <https://status.example.com>'), [
      { kind: 'code', text: 'a `tick` inside' },
      { kind: 'text', text: ' and ' },
      { kind: 'link', text: 'https://status.example.com', href: 'https://status.example.com' },
    ]);
  });
  it('keeps tags, script links and unclosed markers as text', () => {
    assert.deepEqual(inlineParts('<img src=x onerror=alert(1)> and [click](javascript:alert(1))'), [
      { kind: 'text', text: '<img src=x onerror=alert(1)> and ' },
      { kind: 'text', text: 'click' },
    ]);
    assert.deepEqual(inlineParts('snake_case_name and 2 * 3 * 4 and `unclosed'), [{ kind: 'text', text: 'snake_case_name and 2 * 3 * 4 and `unclosed' }]);
    assert.deepEqual(inlineParts('a \\*literal\\* star'), [{ kind: 'text', text: 'a *literal* star' }]);
  });
  it('gets the Markdown of each entry from the view model', () => {
    const text = '## Timeline (UTC)\n\n- 14:23 Deploy of `v2.4.1` **starts** ([PR 7](https://example.com/7)) [trigger]\n';
    const vm = timelineViewModel(lintText(text).postmortem, '2025-04-15');
    assert.equal(vm.events[0]!.markdown, 'Deploy of `v2.4.1` **starts** ([PR 7](https://example.com/7))');
    assert.equal(vm.events[0]!.text, 'Deploy of `v2.4.1` starts (PR 7)');
  });
  it('reads at most the first 5,000 characters of a line (each marker looks ahead, so the work stays bounded)', () => {
    const parts = inlineParts(`${'*_['.repeat(20_000)}\``);
    assert.equal(parts.map((p) => p.text).join('').length, 5000);
  });
});
