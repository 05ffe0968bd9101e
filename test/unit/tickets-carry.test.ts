// `ticketsCarry`: an open item with a ticket need not write the fields its ticket carries; where the
// tickets were read from the tracker, their assignee, priority and due date are checked instead.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CarriedField, Config, TicketFields } from '../../src/core';
import { effectiveFields, InMemoryHost, lintText, parsePostmortem, PostmortemEngine, resolveConfig, RULE_IDS } from '../../src/core';
import type { StatusResult } from '../../src/core/sync';
import { ticketFields } from '../../src/core/sync';

const TODAY = '2025-04-15';

// Line 7: a ticket and nothing written; 8: nothing at all; 9: everything written and a ticket;
// 10: `n/a` is no ticket; 12: done, with a ticket.
const DOC = `# Checkout outage

## Action items

| Priority | Action | Owner | Deadline | Ticket |
| --- | --- | --- | --- | --- |
| | Add p99 latency alert on checkout | | | OPS-12 |
| | Load-test checkout at 2x peak | | | |
| P1 | Shard the sessions table | @kim | 2025-05-01 | OPS-13 |
| | Rotate the signing key | | | n/a |

- [x] Revert the cache TTL — ticket: OPS-14
`;

const RULES = ['action-missing-owner', 'action-missing-priority', 'action-missing-deadline', 'action-overdue'];
const SHORT: Record<string, string> = { 'action-missing-owner': 'owner', 'action-missing-priority': 'priority', 'action-missing-deadline': 'deadline', 'action-overdue': 'overdue' };

function lint(config: Config, tickets?: ReadonlyMap<string, TicketFields>, text = DOC) {
  const result = lintText(text, { today: TODAY, config, ...(tickets ? { tickets } : {}) });
  assert.deepEqual(result.configProblems, []);
  return result.findings.filter((f) => RULES.includes(f.ruleId));
}

/** `line field` of each finding of the four rules. */
function found(config: Config, tickets?: ReadonlyMap<string, TicketFields>, text = DOC): string[] {
  return lint(config, tickets, text).map((f) => `${f.range.start.line} ${SHORT[f.ruleId]}`);
}

const ALL = ['owner', 'priority', 'deadline'].flatMap((f) => [7, 8, 10].map((l) => `${l} ${f}`));
const sorted = (xs: string[]) => [...xs].sort();

describe('ticketsCarry: configuration', () => {
  it('defaults to none, keeps what is listed (once), and reports a field it does not know', () => {
    assert.deepEqual(resolveConfig({}, RULE_IDS).config.ticketsCarry, []);
    assert.deepEqual(resolveConfig({ ticketsCarry: ['owner', 'deadline', 'owner'] }, RULE_IDS).config.ticketsCarry, ['owner', 'deadline']);
    const bad = resolveConfig({ ticketsCarry: ['owner', 'assignee'] } as unknown as Config, RULE_IDS);
    assert.deepEqual(bad.problems, [{ message: 'ticketsCarry[1] must be one of owner, priority, deadline' }]);
    assert.deepEqual(bad.config.ticketsCarry, ['owner'], 'the rest applies');
  });
});

describe('ticketsCarry: tickets not read', () => {
  it('off (the default): an item with a ticket is asked for every field, as before', () => {
    assert.deepEqual(sorted(found({})), sorted(ALL));
  });

  it('each field on its own: the ticket satisfies only the fields listed', () => {
    for (const field of ['owner', 'priority', 'deadline'] as CarriedField[]) {
      const expected = ALL.filter((f) => f !== `7 ${field}`);
      assert.deepEqual(sorted(found({ ticketsCarry: [field] })), sorted(expected), field);
    }
  });

  it('all three: the item with a ticket needs none; no ticket, or `n/a`, still does', () => {
    assert.deepEqual(sorted(found({ ticketsCarry: ['owner', 'priority', 'deadline'] })), sorted(ALL.filter((f) => !f.startsWith('7 '))));
  });

  it('a ticket map changes nothing while ticketsCarry is off', () => {
    const tickets = new Map([['OPS-12', { state: 'open' as const }], ['OPS-13', { due: '2025-01-01', state: 'open' as const }]]);
    assert.deepEqual(sorted(found({}, tickets)), sorted(ALL));
  });
});

describe('ticketsCarry: tickets read from the tracker', () => {
  const carry: Config = { ticketsCarry: ['owner', 'priority', 'deadline'] };
  const line7 = (config: Config, ticket: TicketFields) => lint(config, new Map([['OPS-12', ticket]])).filter((f) => f.range.start.line === 7);

  it('a ticket with an assignee, a priority and a future due date satisfies the item', () => {
    assert.deepEqual(line7(carry, { assignee: 'kim', priority: 'P1', due: '2025-05-01', state: 'open' }), []);
  });

  it('a ticket without an assignee still gets action-missing-owner, saying the ticket has none', () => {
    const findings = line7(carry, { priority: 'P1', due: '2025-05-01', state: 'open' });
    assert.deepEqual(findings.map((f) => f.ruleId), ['action-missing-owner']);
    assert.match(findings[0]!.message, /"Add p99 latency alert on checkout" has no owner and its ticket OPS-12 has no assignee: assign the ticket, or name one person/);
    assert.ok(findings[0]!.fixes.length > 0, 'writing an owner in the document is still offered');
  });

  it('a ticket without a priority or a due date gets those findings, naming the ticket', () => {
    const findings = line7(carry, { assignee: 'kim', state: 'open' });
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['action-missing-deadline', 'action-missing-priority']);
    assert.match(findings.find((f) => f.ruleId === 'action-missing-priority')!.message, /its ticket OPS-12 has none: set one on the ticket, or write one of P0, P1, P2, P3/);
    assert.match(findings.find((f) => f.ruleId === 'action-missing-deadline')!.message, /its ticket OPS-12 has no due date/);
  });

  it('a due date in the past makes action-overdue fire, naming the ticket\'s due date', () => {
    const findings = line7(carry, { assignee: 'kim', priority: 'P1', due: '2025-04-01', state: 'open' });
    assert.deepEqual(findings.map((f) => f.ruleId), ['action-overdue']);
    assert.match(findings[0]!.message, /was due 2025-04-01 \(the due date of its ticket OPS-12\), 14 days ago: finish it, close the ticket, or set a new due date/);
    assert.deepEqual(findings[0]!.fixes, []);
  });

  it('a ticket due date is read only when ticketsCarry has deadline; the grace period applies', () => {
    assert.deepEqual(line7({ ticketsCarry: ['owner', 'priority'] }, { assignee: 'kim', priority: 'P1', due: '2025-04-01' }).map((f) => f.ruleId), ['action-missing-deadline']);
    assert.deepEqual(line7({ ...carry, rules: { 'action-overdue': ['warning', { graceDays: 14 }] } }, { assignee: 'kim', priority: 'P1', due: '2025-04-01' }), []);
  });

  it('a ticket closed in the tracker needs no fields and is never overdue', () => {
    assert.deepEqual(line7(carry, { due: '2025-01-01', state: 'closed' }), []);
  });

  it('fields the document writes win over the ticket\'s', () => {
    const doc = DOC.replace('| | Add p99 latency alert on checkout | | | OPS-12 |', '| P2 | Add p99 latency alert on checkout | @ana | 2025-05-01 | OPS-12 |');
    const written = lint(carry, new Map([['OPS-12', { due: '2025-01-01', state: 'open' as const }]]), doc).filter((f) => f.range.start.line === 7);
    assert.deepEqual(written, [], 'a written owner, priority and future deadline: the unassigned, overdue ticket is not checked');
    const past = DOC.replace('| | Add p99 latency alert on checkout | | | OPS-12 |', '| P2 | Add p99 latency alert on checkout | @ana | 2025-04-01 | OPS-12 |');
    const overdue = lint(carry, new Map([['OPS-12', { assignee: 'kim', due: '2025-06-01', state: 'open' as const }]]), past).filter((f) => f.range.start.line === 7);
    assert.deepEqual(overdue.map((f) => f.ruleId), ['action-overdue']);
    assert.match(overdue[0]!.message, /was due 2025-04-01, 14 days ago: finish it, mark it done, or set a new date/);
  });

  it('an owner that names nobody (TBD) is not written: the ticket\'s assignee stands for it', () => {
    const doc = DOC.replace('| | Add p99 latency alert on checkout | | | OPS-12 |', '| P2 | Add p99 latency alert on checkout | TBD | 2025-05-01 | OPS-12 |');
    assert.deepEqual(lint(carry, new Map([['OPS-12', { assignee: 'kim' }]]), doc).filter((f) => f.range.start.line === 7), []);
    const unassigned = lint(carry, new Map([['OPS-12', {}]]), doc).filter((f) => f.range.start.line === 7);
    assert.match(unassigned[0]!.message, /its ticket OPS-12 has no assignee/);
  });

  it('a ticket missing from the map (not the tracker\'s, or unreadable) still carries the fields', () => {
    assert.deepEqual(lint(carry, new Map([['OPS-99', {}]])).filter((f) => f.range.start.line === 7), []);
  });

  it('reaches the rules through the engine', async () => {
    const host = new InMemoryHost({ '/r/.git/HEAD': 'x', '/r/.postmortem.yaml': 'ticketsCarry: [owner]\n', '/r/postmortems/a.md': DOC });
    const engine = new PostmortemEngine(host);
    const without = await engine.lint('/r/postmortems/a.md', { today: TODAY });
    assert.ok(!without!.findings.some((f) => f.ruleId === 'action-missing-owner' && f.range.start.line === 7));
    const withTickets = await engine.lint('/r/postmortems/a.md', { today: TODAY, tickets: new Map([['OPS-12', { state: 'open' }]]) });
    assert.match(withTickets!.findings.find((f) => f.ruleId === 'action-missing-owner' && f.range.start.line === 7)!.message, /OPS-12 has no assignee/);
  });
});

describe('effectiveFields', () => {
  const items = parsePostmortem(DOC).actionItems;
  const [ticketed, bare, written, na, done] = items;

  it('reads the document\'s field unless the ticket carries it', () => {
    assert.equal(items.length, 5);
    assert.equal(done!.done, true);
    assert.equal(done!.ticket.value, 'OPS-14');
    for (const item of [ticketed!, bare!, written!, na!, done!]) {
      assert.deepEqual(effectiveFields(item, []), { owner: { source: 'document' }, priority: { source: 'document' }, deadline: { source: 'document' } });
    }
    for (const item of [bare!, written!, na!, done!]) {
      assert.deepEqual(effectiveFields(item, ['owner', 'priority', 'deadline']), { owner: { source: 'document' }, priority: { source: 'document' }, deadline: { source: 'document' } });
    }
  });

  it('carried when not read, the ticket\'s value when read, nothing to check when closed', () => {
    assert.deepEqual(effectiveFields(ticketed!, ['owner']), { owner: { source: 'carried', ticket: 'OPS-12' }, priority: { source: 'document' }, deadline: { source: 'document' } });
    assert.deepEqual(effectiveFields(ticketed!, ['owner', 'priority', 'deadline'], new Map([['OPS-12', { assignee: ' kim ', priority: 'P2', due: 'next week' }]])), {
      owner: { source: 'ticket', ticket: 'OPS-12', value: 'kim' },
      priority: { source: 'ticket', ticket: 'OPS-12', value: 'P2' },
      deadline: { source: 'ticket', ticket: 'OPS-12', value: undefined },
    });
    assert.deepEqual(effectiveFields(ticketed!, ['deadline'], new Map([['OPS-12', { due: '2025-01-01', state: 'closed' }]])).deadline, { source: 'carried', ticket: 'OPS-12' });
  });
});

describe('ticketFields: tracker statuses as the rules read them', () => {
  it('keeps assignee, priority, due date and state of each ticket read, and leaves out those that failed', () => {
    const statuses = new Map<string, StatusResult>([
      ['#1', { ok: true, status: { key: '#1', url: 'u', state: 'open', detail: 'open', title: 't', assignee: 'li', priority: undefined, due: undefined } }],
      ['OPS-2', { ok: true, status: { key: 'OPS-2', url: 'u', state: 'closed', detail: 'Done', title: 't', priority: 'P1', due: '2025-05-01' } }],
      ['#3', { ok: false, error: 'Not Found' }],
    ]);
    assert.deepEqual([...ticketFields(statuses)], [
      ['#1', { assignee: 'li', priority: undefined, due: undefined, state: 'open' }],
      ['OPS-2', { assignee: undefined, priority: 'P1', due: '2025-05-01', state: 'closed' }],
    ]);
  });
});
