import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { exercise } from './exercise';
import { repoRoot } from './root';

const dir = join(repoRoot, 'test/fixtures/fuzz-regressions');

describe('fuzz regressions: cases fuzzing once found stay fixed', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  for (const f of files) it(f, () => exercise(readFileSync(join(dir, f), 'utf8')));
  it('runs every kept case', () => undefined);
});
