// The Action Items view's grouping, order, wording and filters, without VS Code.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePostmortem } from '../../src/core';
import type { ViewItem } from '../../src/extension/actionItems-logic';
import {
  buildTree, copyText, deadlineWording, filterChoices, filterDescription, itemDescription, itemTooltip, overdueCount,
  statusBarText, statusOf, ticketUrl, todayIso, viewItems,
} from '../../src/extension/actionItems-logic';

const TODAY = '2030-06-15';

function item(over: Partial<ViewItem>): ViewItem {
  return {
    uri: 'file:///ws/a.md', file: 'a.md', postmortem: 'Outage A', action: 'Do it', owner: '', priority: '', rank: undefined,
    deadline: undefined, ticket: '', state: 'open', line: 1, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, ...over,
  };
}

/** The tree as text: status, group, then each item's action. */
const shape = (items: ViewItem[], groupBy: 'owner' | 'postmortem' = 'owner', filter = {}) =>
  buildTree(items, { today: TODAY, groupBy, filter }).map((s) => [`${s.label} (${s.count})`, s.groups.map((g) => [g.label, g.items.map((i) => i.action)])]);

describe('action items view', () => {
  it('reads the items of a postmortem with their fields', () => {
    const md = ['# Cache outage', '', '## Action items', '', '| Action | Owner | Priority | Deadline | Ticket | Status |', '| --- | --- | --- | --- | --- | --- |',
      '| Add `p99` alert | @bob | P1 | 2030-06-10 | https://t.example/OPS-1 | open |', '| Cap retries | TBD | high | | | Done |', ''].join('\n');
    const items = viewItems(parsePostmortem(md), 'pm/cache.md', 'file:///ws/pm/cache.md');
    assert.deepEqual(items.map((i) => [i.postmortem, i.action, i.owner, i.priority, i.rank, i.deadline, i.ticket, i.state, i.line]), [
      ['Cache outage', 'Add p99 alert', 'bob', 'P1', 1, '2030-06-10', 'https://t.example/OPS-1', 'open', 7],
      ['Cache outage', 'Cap retries', '', 'HIGH', undefined, undefined, '', 'done', 8],
    ]);
    assert.deepEqual(items[0]!.range.start, { line: 7, column: 1 });
  });

  it('puts an item in Overdue, Due this week, Open or Done, with today as the boundary', () => {
    assert.equal(statusOf(item({ deadline: '2030-06-14' }), TODAY), 'overdue');
    assert.equal(statusOf(item({ deadline: '2030-06-15' }), TODAY), 'week', 'due today is not overdue');
    assert.equal(statusOf(item({ deadline: '2030-06-21' }), TODAY), 'week');
    assert.equal(statusOf(item({ deadline: '2030-06-22' }), TODAY), 'open');
    assert.equal(statusOf(item({}), TODAY), 'open', 'no deadline');
    assert.equal(statusOf(item({ deadline: '2020-01-01', state: 'done' }), TODAY), 'done');
    assert.equal(statusOf(item({ deadline: '2020-01-01', state: 'dropped' }), TODAY), 'done');
  });

  it('words the deadline as days overdue or days left', () => {
    const w = (deadline: string | undefined, state: ViewItem['state'] = 'open') => deadlineWording(item({ deadline, state }), TODAY);
    assert.equal(w('2030-06-12'), '3 days overdue');
    assert.equal(w('2030-06-14'), '1 day overdue');
    assert.equal(w('2030-06-15'), 'due today');
    assert.equal(w('2030-06-16'), 'due tomorrow');
    assert.equal(w('2030-06-17'), 'due in 2 days');
    assert.equal(w('2031-06-15'), 'due in 365 days');
    assert.equal(w(undefined), 'no deadline');
    assert.equal(w('2020-01-01', 'done'), 'done');
    assert.equal(w('2020-01-01', 'dropped'), 'dropped');
    // Across a month and a leap day.
    assert.equal(deadlineWording(item({ deadline: '2028-02-27' }), '2028-03-01'), '3 days overdue');
  });

  it('orders overdue items most overdue first, then by priority', () => {
    const items = [
      item({ action: 'a little late P2', deadline: '2030-06-14', priority: 'P2', rank: 2, owner: 'bob' }),
      item({ action: 'very late P3', deadline: '2030-01-01', priority: 'P3', rank: 3, owner: 'ann' }),
      item({ action: 'a little late P0', deadline: '2030-06-14', priority: 'P0', rank: 0, owner: 'bob' }),
      item({ action: 'soon', deadline: '2030-06-17', owner: 'ann' }),
      item({ action: 'later P1', deadline: '2030-09-01', priority: 'P1', rank: 1 }),
      item({ action: 'undated P0', priority: 'P0', rank: 0 }),
      item({ action: 'finished', deadline: '2020-01-01', state: 'done', owner: 'ann' }),
    ];
    assert.deepEqual(shape(items), [
      ['Overdue (3)', [['@ann', ['very late P3']], ['@bob', ['a little late P0', 'a little late P2']]]],
      ['Due this week (1)', [['@ann', ['soon']]]],
      ['Open (2)', [['No owner', ['later P1', 'undated P0']]]],
      ['Done (1)', [['@ann', ['finished']]]],
    ]);
  });

  it('groups by postmortem on request', () => {
    const items = [
      item({ action: 'one', file: 'b.md', postmortem: 'Outage B', deadline: '2030-01-01' }),
      item({ action: 'two', file: 'a.md', postmortem: 'Outage A', deadline: '2030-02-01' }),
      item({ action: 'three', file: 'b.md', postmortem: 'Outage B', deadline: '2030-03-01' }),
    ];
    assert.deepEqual(shape(items, 'postmortem'), [['Overdue (3)', [['Outage B', ['one', 'three']], ['Outage A', ['two']]]]]);
  });

  it('filters by owner and priority, and leaves out empty groups', () => {
    const items = [
      item({ action: 'bob P1', owner: 'Bob', priority: 'P1', rank: 1, deadline: '2030-01-01' }),
      item({ action: 'bob P2', owner: 'bob', priority: 'P2', rank: 2 }),
      item({ action: 'ann P1', owner: 'ann', priority: 'P1', rank: 1 }),
    ];
    assert.deepEqual(shape(items, 'owner', { owner: 'bob' }), [['Overdue (1)', [['@Bob', ['bob P1']]]], ['Open (1)', [['@bob', ['bob P2']]]]]);
    assert.deepEqual(shape(items, 'owner', { owner: 'bob', priority: 'P2' }), [['Open (1)', [['@bob', ['bob P2']]]]]);
    assert.deepEqual(shape(items, 'owner', { priority: 'P0' }), []);
    assert.deepEqual(filterChoices([...items, item({ action: 'x' })]), { owners: ['ann', 'bob', 'Bob', ''], priorities: ['P1', 'P2', ''] });
    assert.equal(filterDescription({}), undefined);
    assert.equal(filterDescription({ owner: 'bob', priority: 'P1' }), 'owner: bob · priority: P1');
  });

  it('counts overdue items for the status bar, hidden at none', () => {
    const items = [item({ deadline: '2030-06-14' }), item({ deadline: '2030-06-01' }), item({ deadline: '2030-06-15' }), item({ deadline: '2020-01-01', state: 'done' })];
    assert.equal(overdueCount(items, TODAY), 2);
    assert.equal(statusBarText(2), '$(warning) 2 overdue action items');
    assert.equal(statusBarText(1), '$(warning) 1 overdue action item');
    assert.equal(statusBarText(0), undefined);
  });

  it('describes an item, opens only web tickets, copies one line', () => {
    const it1 = item({ action: 'Add alert', owner: 'bob', priority: 'P1', rank: 1, deadline: '2030-06-12', ticket: 'OPS-1', file: 'pm/a.md', line: 9 });
    assert.equal(itemDescription(it1, TODAY), 'P1 · 3 days overdue · OPS-1');
    assert.equal(itemDescription(item({}), TODAY), 'no deadline');
    assert.match(itemTooltip(it1, TODAY), /Deadline: 2030-06-12 \(3 days overdue\)/);
    assert.match(itemTooltip(item({ action: 'Use *stars* [x](y)' }), TODAY), /^\*\*Use \\\*stars\\\* \\\[x\\\]\\\(y\\\)\*\*/);
    assert.equal(ticketUrl('OPS-1'), undefined);
    assert.equal(ticketUrl('https://t.example/OPS-1'), 'https://t.example/OPS-1');
    assert.equal(ticketUrl('javascript:alert(1)'), undefined);
    assert.equal(copyText(it1), 'P1: Add alert — @bob, due 2030-06-12, OPS-1 (pm/a.md:9)');
    assert.equal(copyText(item({ action: 'Bare' })), 'Bare (a.md:1)');
  });

  it('takes today as the UTC date, like action-overdue', () => {
    assert.equal(todayIso(new Date('2030-06-15T23:30:00Z')), '2030-06-15');
  });
});
