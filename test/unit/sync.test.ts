// Tracker sync without a network: the plan, the run under injected failures, and write-back into
// every shape an action item is written in, against an in-memory tracker.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyEdits, exportItems, parsePostmortem } from '../../src/core';
import type { NewTicket, SyncDocument, TicketRef, TicketStatus, Tracker } from '../../src/core/sync';
import { repoRoot } from './root';
import { assignee, createTickets, planSync, readStatuses, TrackerError, wholeLinesEdit, writeBack } from '../../src/core/sync';

/** A tracker in memory whose next calls can be made to fail. */
class MemoryTracker implements Tracker {
  readonly kind = 'github' as const;
  readonly target = 'acme/ops';
  readonly tickets: Array<NewTicket & { number: number; state: 'open' | 'closed' }> = [];
  readonly calls: string[] = [];
  /** Failures for the next calls of a method, in order; 'after' on create: the ticket is stored, then the call fails. */
  readonly failures: Record<string, Array<TrackerError | 'after'>> = { create: [], findByMarker: [], status: [] };

  private fail(method: string): TrackerError | 'after' | undefined {
    return this.failures[method]!.shift();
  }

  async findByMarker(id: string): Promise<TicketRef | undefined> {
    this.calls.push(`find ${id}`);
    const f = this.fail('findByMarker');
    if (f instanceof TrackerError) throw f;
    const t = this.tickets.find((x) => x.id === id);
    return t && this.ref(t.number);
  }

  async create(ticket: NewTicket): Promise<TicketRef> {
    this.calls.push(`create ${ticket.id}`);
    const f = this.fail('create');
    if (f instanceof TrackerError) throw f;
    const number = this.tickets.length + 1;
    this.tickets.push({ ...ticket, number, state: 'open' });
    if (f === 'after') throw new TrackerError('network', 'Creating an issue in acme/ops failed: socket hang up');
    return this.ref(number);
  }

  async status(ticket: string): Promise<TicketStatus | undefined> {
    this.calls.push(`status ${ticket}`);
    const f = this.fail('status');
    if (f instanceof TrackerError) throw f;
    const number = Number(/(\d+)$/.exec(ticket)?.[1]);
    const t = this.tickets.find((x) => x.number === number);
    return t && { ...this.ref(number), state: t.state, detail: t.state, title: t.title };
  }

  owns(ticket: string): boolean {
    return /^#\d+$|^https:\/\/github\.com\/acme\/ops\/issues\/\d+$/.test(ticket);
  }

  ref(number: number): TicketRef {
    return { key: `#${number}`, url: `https://github.com/acme/ops/issues/${number}` };
  }
}

const DOC = `# Queue outage

## Action items

| Action | Owner | Priority | Due |
| --- | --- | --- | --- |
| Add a replica to the queue cluster | @li | P1 | 2030-07-01 |
| Alert on queue depth above 10k | Sam Park | P2 | 2030-07-15 |

- P2 Bound the batch size to 500 rows — @li (2030-08-01)
- [ ] Page on delivery lag above 5 minutes
- Cap the retry count at 3 — https://github.com/acme/ops/issues/77
- [x] Restart the consumers

## Timeline
`;

function doc(source: string, file = 'postmortems/queue.md'): SyncDocument {
  return { file, source, pm: parsePostmortem(source) };
}

const noSleep = async () => {};

/** Plans, creates and writes back; returns the new text and the report. */
async function sync(source: string, tracker: MemoryTracker, edit?: (text: string) => string) {
  const d = doc(source);
  const plan = planSync([d], tracker, { labels: ['postmortem'], people: { 'Sam Park': 'spark' } });
  const report = await createTickets(plan, tracker, { sleep: noSleep });
  const current = edit ? edit(source) : source;
  const back = writeBack(current, d.file, report.created.map((c) => ({ id: c.item.id, ref: c.ref })));
  return { plan, report, back };
}

describe('tracker sync: the plan', () => {
  it('creates one ticket per open item without a ticket, and says why every other item is skipped', () => {
    const tracker = new MemoryTracker();
    const plan = planSync([doc(DOC)], tracker, { labels: ['postmortem'], people: { 'Sam Park': 'spark' } });
    assert.deepEqual(plan.create.map((p) => p.ticket.title), [
      'Add a replica to the queue cluster', 'Alert on queue depth above 10k', 'Bound the batch size to 500 rows', 'Page on delivery lag above 5 minutes',
    ]);
    assert.deepEqual(plan.skip.map((s) => [s.item.action, s.reason]), [
      ['Cap the retry count at 3', 'has a ticket: https://github.com/acme/ops/issues/77'],
      ['Restart the consumers', 'done'],
    ]);
    assert.deepEqual(plan.linked.map((l) => l.item.ticket), ['https://github.com/acme/ops/issues/77']);
    const [first, second, third] = plan.create.map((p) => p.ticket);
    assert.deepEqual([first!.assignee, first!.priority, first!.deadline, first!.labels], ['li', 'P1', '2030-07-01', ['postmortem']]);
    assert.deepEqual([third!.priority, third!.deadline], ['P2', '2030-08-01']);
    assert.equal(second!.assignee, 'spark', 'a name mapped by people');
    assert.equal(third!.assignee, 'li');
    assert.match(first!.body, /From the postmortem "Queue outage" \(postmortems\/queue\.md, line 7\)/);
    assert.match(second!.body, /Owner in the postmortem: Sam Park/);
    assert.equal(first!.id, exportItems(parsePostmortem(DOC), 'postmortems/queue.md')[0]!.id, 'the export\'s stable id');
  });

  it('links the body to the postmortem when a link base is known, and keeps to a selection', () => {
    const d = doc(DOC);
    const ids = exportItems(d.pm, d.file).map((i) => i.id);
    const plan = planSync([d], new MemoryTracker(), { only: new Set([ids[1]!]), linkTo: (f) => `https://github.com/acme/ops/blob/main/${f}` });
    assert.equal(plan.create.length, 1);
    assert.match(plan.create[0]!.ticket.body, /\[Queue outage\]\(https:\/\/github\.com\/acme\/ops\/blob\/main\/postmortems\/queue\.md#L8\)/);
  });

  it('assigns only accounts it knows: mapped names and @handles, never a plain name', () => {
    assert.equal(assignee('Alice', { alice: 'alice-gh' }), 'alice-gh');
    assert.equal(assignee('alice', {}, true), 'alice');
    assert.equal(assignee('Alice Smith', {}), undefined);
    assert.equal(assignee('', { '': 'x' }), undefined);
  });
});

describe('tracker sync: create and write back', () => {
  it('creates the tickets and writes their links into the Ticket column it adds and after each list item', async () => {
    const tracker = new MemoryTracker();
    const { report, back } = await sync(DOC, tracker);
    assert.equal(report.created.length, 4);
    assert.equal(report.failed.length, 0);
    assert.equal(back.notWritten.length, 0);
    assert.ok(back.edit, 'one edit');
    assert.equal(applyEdits(DOC, [back.edit]), back.text, 'the one edit gives the text');
    const lines = back.text.split('\n');
    assert.equal(lines[4], '| Action | Owner | Priority | Due | Ticket |');
    assert.equal(lines[5], '| --- | --- | --- | --- | --- |');
    assert.equal(lines[6], '| Add a replica to the queue cluster | @li | P1 | 2030-07-01 | [#1](https://github.com/acme/ops/issues/1) |');
    assert.equal(lines[9], '- P2 Bound the batch size to 500 rows — @li (2030-08-01) ([#3](https://github.com/acme/ops/issues/3))');
    assert.equal(lines[10], '- [ ] Page on delivery lag above 5 minutes ([#4](https://github.com/acme/ops/issues/4))');
    // Read again: every open item has its ticket, with its fields as before.
    const after = exportItems(parsePostmortem(back.text), 'postmortems/queue.md');
    const before = exportItems(parsePostmortem(DOC), 'postmortems/queue.md');
    assert.deepEqual(after.map((i) => [i.id, i.priority, i.owner, i.deadline, i.status]), before.map((i) => [i.id, i.priority, i.owner, i.deadline, i.status]));
    assert.deepEqual(after.filter((i) => i.status === 'open').map((i) => i.ticket), [1, 2, 3, 4, 77].map((n) => `https://github.com/acme/ops/issues/${n}`));
  });

  it('fills an existing empty Ticket cell, keeping an aligned table aligned', () => {
    const md = '# X\n\n## Action items\n\n| Action         | Ticket |\n| -------------- | ------ |\n| Add a replica  |        |\n';
    const id = exportItems(parsePostmortem(md), 'x.md')[0]!.id;
    const back = writeBack(md, 'x.md', [{ id, ref: { key: '#9', url: 'https://github.com/acme/ops/issues/9' } }]);
    assert.equal(back.text.split('\n')[6], '| Add a replica  | [#9](https://github.com/acme/ops/issues/9) |');
    assert.equal(exportItems(parsePostmortem(back.text), 'x.md')[0]!.ticket, 'https://github.com/acme/ops/issues/9');
  });

  it('puts the link before a closing priority word it would otherwise hide, and after other fields', () => {
    for (const [line, want] of [
      ['- Rotate the signing key (critical)', '- Rotate the signing key ([#9](https://github.com/acme/ops/issues/9)) (critical)'],
      ['- Document the failover (owner: Jane Doe) by 2026-02-15', '- Document the failover (owner: Jane Doe) by 2026-02-15 ([#9](https://github.com/acme/ops/issues/9))'],
      ['Action point: rotate the keys (P2)', 'Action point: rotate the keys (P2) ([#9](https://github.com/acme/ops/issues/9))'],
    ]) {
      const md = `# X\n\n## Action items\n\n${line}\n`;
      const before = exportItems(parsePostmortem(md), 'x.md')[0]!;
      const back = writeBack(md, 'x.md', [{ id: before.id, ref: { key: '#9', url: 'https://github.com/acme/ops/issues/9' } }]);
      assert.equal(back.text.split('\n')[4], want);
      const after = exportItems(parsePostmortem(back.text), 'x.md')[0]!;
      assert.deepEqual({ ...after, ticket: '' }, { ...before, ticket: '' });
    }
  });

  it('links an item that introduces a list, one with fields after the action, and a short table row', () => {
    const cases: Array<[string, string, string]> = [
      ['- [ ] Ensure that paging is in place for:\n  - [ ] Invoice renderer\n', '- [ ] Ensure that paging is in place for: ([#9](https://github.com/acme/ops/issues/9))', 'Ensure that paging is in place for:'],
      ['- High: Add index migration linter, due: ASAP, status: open\n', '- High: Add index migration linter ([#9](https://github.com/acme/ops/issues/9)), due: ASAP, status: open', 'Add index migration linter'],
      ['| Priority | Action | Owner | Deadline |\n| --- | --- | --- | --- |\n| P2 | Add chaos test for zone loss | @omar |\n', '| P2 | Add chaos test for zone loss | @omar |  | [#9](https://github.com/acme/ops/issues/9) |', 'Add chaos test for zone loss'],
    ];
    for (const [body, want, action] of cases) {
      const md = `# X\n\n## Action items\n\n${body}`;
      const before = exportItems(parsePostmortem(md), 'x.md').find((i) => i.action === action)!;
      const back = writeBack(md, 'x.md', [{ id: before.id, ref: { key: '#9', url: 'https://github.com/acme/ops/issues/9' } }]);
      assert.deepEqual(back.notWritten, []);
      assert.ok(back.text.split('\n').includes(want), back.text);
      const after = exportItems(parsePostmortem(back.text), 'x.md').find((i) => i.id === before.id)!;
      assert.deepEqual({ ...after, ticket: '', action: '' }, { ...before, ticket: '', action: '' });
      assert.equal(after.ticket, 'https://github.com/acme/ops/issues/9');
    }
  });

  it('links every open item of every fixture and example, each read back with its fields', () => {
    const folders = ['test/fixtures', 'test/fixtures/rules', 'examples'].map((f) => join(repoRoot, f));
    let linked = 0;
    for (const folder of folders) {
      for (const name of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
        const md = readFileSync(join(folder, name), 'utf8');
        // One ticket per id, as the plan makes them (the same action listed twice is linked once).
        const items = exportItems(parsePostmortem(md), name).filter((i, k, all) => i.status === 'open' && !i.ticket && all.findIndex((o) => o.id === i.id) === k);
        const links = items.map((i, n) => ({ id: i.id, ref: { key: `#${n + 1}`, url: `https://github.com/acme/ops/issues/${n + 1}` } }));
        const back = writeBack(md, name, links);
        assert.deepEqual(back.notWritten.map((x) => x.id), [], `${name}: every link written`);
        const after = new Map<string, ReturnType<typeof exportItems>[number]>();
        for (const i of exportItems(parsePostmortem(back.text), name)) if (!after.has(i.id)) after.set(i.id, i);
        for (const [n, i] of items.entries()) {
          const a = after.get(i.id);
          assert.ok(a, `${name}:${i.line} still read`);
          assert.deepEqual([a.priority, a.owner, a.deadline, a.status, a.ticket], [i.priority, i.owner, i.deadline, i.status, links[n]!.ref.url], `${name}:${i.line}`);
        }
        linked += items.length;
      }
    }
    assert.ok(linked > 100, `${linked} items linked`);
  });

  it('a second run creates nothing: every item has its ticket', async () => {
    const tracker = new MemoryTracker();
    const { back } = await sync(DOC, tracker);
    const again = planSync([doc(back.text)], tracker);
    assert.equal(again.create.length, 0);
    assert.equal(tracker.tickets.length, 4);
  });

  it('a run cut off before write-back is repeated without a duplicate: the marker search finds the tickets', async () => {
    const tracker = new MemoryTracker();
    await sync(DOC, tracker); // created, never written back: the document is unchanged
    const { report, back } = await sync(DOC, tracker);
    assert.equal(tracker.tickets.length, 4, 'no duplicate');
    assert.ok(report.created.every((c) => c.found));
    assert.equal(back.written.length, 4);
  });

  it('a connection reset after the create: the ticket is found by its marker, not created again', async () => {
    const tracker = new MemoryTracker();
    tracker.failures.create!.push('after');
    const { report, back } = await sync(DOC, tracker);
    assert.equal(tracker.tickets.length, 4, 'no duplicate');
    assert.equal(report.failed.length, 0);
    assert.equal(report.created[0]!.found, true);
    assert.equal(back.written.length, 4);
  });

  it('a rate limit with a short retry-after is waited out; a long one stops the run and what was created is written back', async () => {
    const tracker = new MemoryTracker();
    const waits: number[] = [];
    tracker.failures.create!.push(new TrackerError('rate-limit', 'rate limited', 403, 2));
    const d = doc(DOC);
    const plan = planSync([d], tracker);
    let report = await createTickets(plan, tracker, { sleep: async (ms) => void waits.push(ms) });
    assert.deepEqual(waits, [2000]);
    assert.equal(report.created.length, 4);

    const t2 = new MemoryTracker();
    t2.failures.create!.push('after' as const);
    t2.failures.findByMarker!.push(undefined as never, undefined as never, new TrackerError('rate-limit', 'Searching acme/ops failed: 403 API rate limit exceeded', 403, 3600));
    report = await createTickets(planSync([d], t2), t2, { sleep: noSleep });
    assert.equal(report.created.length, 1);
    assert.match(report.stopped ?? '', /rate limit.*3600 s/);
    assert.deepEqual(report.failed.map((f) => f.error.startsWith('not attempted')), [false, true, true]);
    const back = writeBack(DOC, d.file, report.created.map((c) => ({ id: c.item.id, ref: c.ref })));
    assert.equal(back.written.length, 1);
    assert.equal(t2.tickets.length, 1);
  });

  it('401 stops the run at once; a refused ticket (422) fails that item only', async () => {
    const tracker = new MemoryTracker();
    tracker.failures.create!.push(new TrackerError('auth', 'Creating an issue in acme/ops failed: 401 Bad credentials', 401));
    let report = await createTickets(planSync([doc(DOC)], tracker), tracker, { sleep: noSleep });
    assert.equal(report.created.length, 0);
    assert.equal(report.failed.length, 4);
    assert.match(report.stopped ?? '', /401/);
    assert.equal(tracker.calls.filter((c) => c.startsWith('create')).length, 1, 'no create after the 401');

    const t2 = new MemoryTracker();
    t2.failures.create!.push(new TrackerError('invalid', 'Creating an issue in acme/ops failed: 422 assignees invalid', 422));
    report = await createTickets(planSync([doc(DOC)], t2), t2, { sleep: noSleep });
    assert.equal(report.created.length, 3);
    assert.equal(report.failed.length, 1);
    assert.equal(report.stopped, undefined);
  });

  it('the document edited between plan and write-back: rows are found again by id; a changed row is reported, not guessed', async () => {
    const tracker = new MemoryTracker();
    const edit = (text: string) => text
      .replace('# Queue outage\n', '# Queue outage\n\nA paragraph added above everything.\n')
      .replace('Alert on queue depth above 10k', 'Alert on queue depth above 20k');
    const { back } = await sync(DOC, tracker, edit);
    assert.equal(back.written.length, 3);
    assert.deepEqual(back.notWritten.map((n) => [n.ref.key, n.reason]), [['#2', 'the item is no longer in the document (its text changed or it was removed)']]);
    assert.match(back.text, /A paragraph added above everything\./, 'the edit is kept');
    assert.match(back.text, /\| Alert on queue depth above 20k \| Sam Park \| P2 \| 2030-07-15 \| {2}\|/, 'the changed row gets no link');
    assert.match(back.text, /\| Add a replica to the queue cluster \| @li \| P1 \| 2030-07-01 \| \[#1\]/);
  });

  it('never overwrites a ticket the item already links', () => {
    const md = '# X\n\n## Action items\n\n- Add a replica OPS-7\n';
    const id = exportItems(parsePostmortem(md), 'x.md')[0]!.id;
    const back = writeBack(md, 'x.md', [{ id, ref: { key: '#9', url: 'https://github.com/acme/ops/issues/9' } }]);
    assert.equal(back.text, md);
    assert.match(back.notWritten[0]!.reason, /already links OPS-7/);
  });
});

describe('tracker sync: status', () => {
  it('reads each linked ticket once and keeps errors per ticket', async () => {
    const tracker = new MemoryTracker();
    await tracker.create({ id: 'PM-1', title: 'a', body: '', labels: [] });
    await tracker.create({ id: 'PM-2', title: 'b', body: '', labels: [] });
    tracker.tickets[1]!.state = 'closed';
    tracker.failures.status!.push(new TrackerError('not-found', 'Reading #3 failed: 404', 404));
    const result = await readStatuses(['#3', '#1', '#2', '#1', 'OPS-4'], tracker);
    assert.deepEqual([...result.keys()], ['#3', '#1', '#2']);
    assert.deepEqual([...result.values()].map((r) => (r.ok ? r.status.state : r.error)), ['Reading #3 failed: 404', 'open', 'closed']);
    assert.equal(tracker.calls.filter((c) => c === 'status #1').length, 1);
  });
});

describe('tracker sync: one edit', () => {
  it('is the smallest whole-line replacement, and gives the new text', () => {
    for (const [a, b] of [['a\nb\nc\n', 'a\nB\nc\n'], ['a\nb\n', 'a\nx\nb\n'], ['a\nb\nc', 'a\nc'], ['x', 'x y'], ['', 'z\n']] as const) {
      const e = wholeLinesEdit(a, b)!;
      assert.equal(applyEdits(a, [e]), b, `${JSON.stringify(a)} → ${JSON.stringify(b)}`);
      assert.equal(e.range.start.column, 1);
    }
    assert.equal(wholeLinesEdit('same', 'same'), undefined);
  });
});
