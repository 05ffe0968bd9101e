import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import { project } from './project';
import { repoRoot } from './root';

const dir = join(repoRoot, 'test/fixtures');
const update = process.env.UPDATE_FIXTURES === '1';

describe('fixtures: each Markdown file parses to the model written beside it', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(`reads ${name} as expected`, () => {
      const actual = project(parsePostmortem(readFileSync(join(dir, name), 'utf8')));
      const expectedFile = join(dir, name.replace(/\.md$/, '.expected.json'));
      if (update || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) assert.fail(`${expectedFile} was missing and has been written: review it, then run again`);
      }
      assert.deepEqual(actual, JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
