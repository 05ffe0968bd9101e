import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InMemoryHost, parsePostmortem, PostmortemEngine, rankedOwners as rankOwners } from '../../src/core';
import { corePosition, todayUtc } from '../../src/extension/authoring-logic';
import { readRepoFile } from './root';

const table = (...rows: string[]) => ['# T', '', '## Action items', '', '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |', ...rows, ''].join('\n');

describe('extension authoring: the owner index', () => {
  it('ranks owners by how often they are named, first seen first on ties (handles without their @)', () => {
    const a = parsePostmortem(table('| P1 | Add alert on lag | Dana | 2025-05-01 |', '| P1 | Add runbook for failover | Bob | 2025-05-01 |'));
    const b = parsePostmortem(table('| P2 | Add dashboard for queue | Bob | 2025-05-01 |', '| P3 | Add load test to CI | @kim | 2025-05-01 |', '| P3 | Add canary stage | TBD? | 2025-05-01 |', '| P3 | Add chaos test | ? | 2025-05-01 |'));
    assert.deepEqual(rankOwners([a, b]), ['Bob', 'Dana', 'kim', 'TBD?']);
  });
  it('lists the owners of the workspace postmortems the engine finds, and only those', async () => {
    const host = new InMemoryHost({
      '/w/postmortems/progress-sync-outage.md': readRepoFile('examples', 'progress-sync-outage.md'),
      '/w/notes.md': table('| High | Improve monitoring | Zed | soon |'),
      '/w/node_modules/x/postmortems/y.md': table('| P1 | Add alert | Yan | 2025-05-01 |'),
    });
    const docs = await new PostmortemEngine(host).postmortems(['/w']);
    assert.deepEqual(rankOwners(docs.map((d) => d.postmortem)), ['Alice', 'Bob', 'Carlos', 'Dana']);
  });
});

describe('extension authoring: positions and dates', () => {
  it('turns 0-based editor positions into core 1-based ones', () => {
    assert.deepEqual(corePosition({ line: 0, character: 0 }), { line: 1, column: 1 });
    assert.deepEqual(corePosition({ line: 67, character: 3 }), { line: 68, column: 4 });
  });
  it('gives the UTC date', () => {
    assert.equal(todayUtc(new Date('2025-04-14T23:30:00-05:00')), '2025-04-15');
  });
});
