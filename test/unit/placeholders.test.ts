import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlaceholderText } from '../../src/core/vocabulary/placeholders';

describe('placeholder text', () => {
  it('reads a why-step left as the snippet wrote it as a placeholder', () => {
    assert.equal(isPlaceholderText('Why …?'), true);
    assert.equal(isPlaceholderText('→ …'), true);
    assert.equal(isPlaceholderText('because …'), true);
    assert.equal(isPlaceholderText('TBD.'), true);
    assert.equal(isPlaceholderText('<describe the impact>'), true);
  });
  it('reads text with words of its own as content, even next to a marker', () => {
    assert.equal(isPlaceholderText('TBD. The queue filled up after the deploy.'), false);
    assert.equal(isPlaceholderText('Why did the import stall?'), false);
    assert.equal(isPlaceholderText('The pool was empty…'), false);
    assert.equal(isPlaceholderText(''), false);
  });
});
