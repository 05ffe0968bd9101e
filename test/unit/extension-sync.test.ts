// Tracker sync's editor decisions without the editor: settings over the file, secret names, the
// preview's lines, the report, and how a ticket's status reads in the view and its hover.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import type { CreateReport, StatusResult } from '../../src/core/sync';
import { planSync } from '../../src/core/sync';
import { githubProvider, mergedTracker, previewLines, RefreshSchedule, reportMessage, secretKey, trackerDescription, trackerTooltip } from '../../src/extension/trackerSync-logic';

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

describe('the ticket status schedule', () => {
  /** A clock the test moves by hand; intervals fire as it passes them. */
  function fakeClock() {
    let time = 1_000_000;
    const timers = new Map<number, { run: () => void; ms: number; next: number }>();
    let id = 0;
    return {
      now: () => time,
      setInterval: (run: () => void, ms: number) => {
        timers.set(++id, { run, ms, next: time + ms });
        return id;
      },
      clearInterval: (t: unknown) => void timers.delete(t as number),
      advance(ms: number) {
        const end = time + ms;
        for (;;) {
          const due = [...timers.values()].filter((t) => t.next <= end).sort((a, b) => a.next - b.next)[0];
          if (!due) break;
          time = due.next;
          due.next += due.ms;
          due.run();
        }
        time = end;
      },
      active: () => timers.size,
    };
  }

  it('reads at once when the view opens, then every refreshMinutes while it is visible, and stops when it is hidden', () => {
    const clock = fakeClock();
    const reads: number[] = [];
    const schedule: RefreshSchedule = new RefreshSchedule(() => {
      reads.push(clock.now());
      schedule.ran();
    }, clock);
    schedule.update(true, 5);
    assert.strictEqual(reads.length, 1, 'read when the view opens');
    clock.advance(4 * 60_000);
    assert.strictEqual(reads.length, 1);
    clock.advance(60_000);
    assert.strictEqual(reads.length, 2, 'five minutes later');
    clock.advance(10 * 60_000);
    assert.strictEqual(reads.length, 4);
    schedule.update(false, 5);
    assert.strictEqual(clock.active(), 0, 'no timer while hidden');
    clock.advance(60 * 60_000);
    assert.strictEqual(reads.length, 4, 'nothing read while hidden');
  });

  it('does not read again on opening when the last read is recent, and never with refreshMinutes 0', () => {
    const clock = fakeClock();
    let reads = 0;
    const schedule: RefreshSchedule = new RefreshSchedule(() => {
      reads++;
      schedule.ran();
    }, clock);
    schedule.ran(); // "Refresh Ticket Status" on demand
    clock.advance(2 * 60_000);
    schedule.update(true, undefined); // default: every 10 minutes
    assert.strictEqual(reads, 0, 'read two minutes ago');
    clock.advance(10 * 60_000);
    assert.strictEqual(reads, 1);
    schedule.update(true, 0);
    assert.strictEqual(clock.active(), 0);
    clock.advance(120 * 60_000);
    assert.strictEqual(reads, 1, 'only on demand');
  });
});
