// Tracker sync's editor decisions without the editor: settings over the file, secret names, the
// preview's lines, the report, and how a ticket's status reads in the view and its hover.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import type { CreateReport, StatusResult } from '../../src/core/sync';
import { planSync } from '../../src/core/sync';
import { githubProvider, mergedTracker, previewLines, reportMessage, secretKey, trackerDescription, trackerTooltip } from '../../src/extension/trackerSync-logic';

describe('tracker sync in the editor', () => {
  it('puts the keys a setting sets explicitly over .postmortem.yaml\'s tracker', () => {
    assert.deepEqual(mergedTracker({ kind: 'github', repo: 'acme/ops', labels: ['pm'] }, { baseUrl: 'https://ghe.acme.io/api/v3' }), { kind: 'github', repo: 'acme/ops', labels: ['pm'], baseUrl: 'https://ghe.acme.io/api/v3' });
    assert.deepEqual(mergedTracker({ kind: 'github', repo: 'acme/ops' }, { repo: 'acme/other' })?.repo, 'acme/other');
    assert.equal(mergedTracker(undefined, undefined), undefined);
  });

  it('keeps one secret per tracker kind and host, and signs in to github.com and Enterprise Server with their providers', () => {
    assert.equal(secretKey('github', {}), 'postmortem.tracker.github.api.github.com');
    assert.equal(secretKey('github', { baseUrl: 'https://ghe.acme.io/api/v3' }), 'postmortem.tracker.github.ghe.acme.io');
    assert.equal(secretKey('jira', { site: 'https://acme.atlassian.net' }), 'postmortem.tracker.jira.acme.atlassian.net');
    assert.equal(githubProvider({}), 'github');
    assert.equal(githubProvider({ baseUrl: 'https://api.github.com/' }), 'github');
    assert.equal(githubProvider({ baseUrl: 'http://127.0.0.1:9/api/v3' }), 'github-enterprise');
  });

  it('previews each ticket with where it is and its fields, and says when an owner is not mapped to an account', () => {
    const md = '# Outage\n\n## Action items\n\n- P1 Add a replica — @li (2030-01-02)\n- Page on lag, assigned to Sam Park\n- [x] Done thing\n';
    const plan = planSync([{ file: 'pm/o.md', source: md, pm: parsePostmortem(md) }], { owns: () => false });
    assert.deepEqual(previewLines(plan).map((l) => [l.label, l.detail]), [
      ['Add a replica', 'pm/o.md:5 · P1 · due 2030-01-02 · assignee li'],
      ['Page on lag', 'pm/o.md:6 · owner Sam Park (unassigned)'],
    ]);
  });

  it('reports what was created, found, linked, failed, skipped and why it stopped', () => {
    const item = { id: 'PM-1', action: 'a', line: 1 } as never;
    const doc = { file: 'x.md' } as never;
    const report: CreateReport = {
      created: [{ doc, item, ref: { key: '#1', url: 'u1' }, found: false }, { doc, item, ref: { key: '#2', url: 'u2' }, found: true }],
      failed: [{ doc, item, error: 'not attempted: the run stopped' }],
      stopped: 'Creating an issue in acme/ops failed: 401 Bad credentials',
    };
    assert.equal(reportMessage('acme/ops', report, 2, 0), 'Created 1 ticket in acme/ops, found 1 from an earlier run, linked 2 in the postmortems, 1 failed. Stopped: Creating an issue in acme/ops failed: 401 Bad credentials');
    assert.equal(reportMessage('acme/ops', { created: [], failed: [], stopped: undefined }, 0, 1), 'Created 0 tickets in acme/ops, linked 0 in the postmortems, 1 not linked (see the Postmortem output).');
    assert.equal(reportMessage('acme/ops', { created: [], failed: [], stopped: undefined }, 0, 0, 3), 'Created 0 tickets in acme/ops, linked 0 in the postmortems, skipped 3 (done, dropped, already linked or left out of the preview).');
  });

  it('marks only tickets the tracker closed, and says in the hover what it read', () => {
    const closed: StatusResult = { ok: true, status: { key: '#2', url: 'u', state: 'closed', detail: 'completed', title: 't', assignee: 'li' } };
    const open: StatusResult = { ok: true, status: { key: '#1', url: 'u', state: 'open', detail: 'open', title: 't' } };
    const failed: StatusResult = { ok: false, error: 'Reading issue #3 failed: 404 Not Found' };
    assert.equal(trackerDescription(closed), 'closed in tracker (completed)');
    assert.equal(trackerDescription(open), '');
    assert.equal(trackerDescription(failed), 'ticket unreadable');
    assert.equal(trackerDescription(undefined), '');
    assert.equal(trackerTooltip(closed), '- In the tracker: closed (completed), assigned to li');
    assert.equal(trackerTooltip(open), '- In the tracker: open');
    assert.equal(trackerTooltip(failed), '- In the tracker: could not be read (Reading issue #3 failed: 404 Not Found)');
  });
});
