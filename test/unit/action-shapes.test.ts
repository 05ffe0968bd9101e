// Action items as people write them: detail under an item, done and dropped items, inline fields,
// tickets, plain action text and items written as paragraphs. Every document here is our own wording
// of a shape seen in real postmortems.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exportItems, lintText, parsePostmortem } from '../../src/core';
import type { ActionItem } from '../../src/core';

const TODAY = '2026-01-15';
const items = (md: string) => parsePostmortem(md).actionItems;
const brief = (i: ActionItem) => `${i.line} ${i.state} ${i.action.text}`;
const rules = (md: string, prefix = 'action-') =>
  lintText(md, { today: TODAY }).findings.filter((f) => f.ruleId.startsWith(prefix) && f.ruleId !== 'action-vague').map((f) => `${f.range.start.line} ${f.ruleId}`);

describe('action items: detail is not an item', () => {
  it('reads sub-bullets as the detail of the item above them', () => {
    const md = '## Action items\n\n- Move the session store to its own Redis cluster\n  - Size it for twice the peak connections\n  - Keep the old cluster as a warm standby\n- Add an alert on eviction rate\n';
    assert.deepEqual(items(md).map(brief), ['3 open Move the session store to its own Redis cluster', '6 open Add an alert on eviction rate']);
    assert.deepEqual(items(md)[0]!.details, ['Size it for twice the peak connections', 'Keep the old cluster as a warm standby']);
    assert.deepEqual(items(md)[0]!.extent, { start: { line: 3, column: 1 }, end: { line: 5, column: 43 } });
  });
  it('reads checkbox sub-items as the checklist of a parent that ends with a colon', () => {
    const md = '## Follow-ups\n\n- [ ] Page the data team when these stall:\n  - [ ] the nightly export\n  - [ ] the billing rollup\n- [ ] Write the restore runbook\n';
    assert.deepEqual(items(md).map(brief), ['3 open Page the data team when these stall:', '6 open Write the restore runbook']);
    assert.deepEqual(items(md)[0]!.details, ['the nightly export', 'the billing rollup']);
  });
  it('reads numbered items with nested bullets as one item each', () => {
    const md = '## Next steps\n\n1. **Queue back-pressure**\n   - Reject new jobs when the queue passes 50k\n2. **Paging**\n   - Route queue alerts to the platform rotation\n';
    assert.deepEqual(items(md).map(brief), ['3 open Queue back-pressure', '5 open Paging']);
  });
  it('skips bullets that only hold a link or a URL', () => {
    const md = '## Action items\n\n- Cap the retry budget of the payments client\n- [Dashboard](https://grafana.example/d/abc)\n- <https://status.example.com>\n- https://wiki.example/runbooks/payments\n';
    assert.deepEqual(items(md).map(brief), ['3 open Cap the retry budget of the payments client']);
  });
  it('reads the items under a short group label, not the label', () => {
    const md = '## Action items\n\n- This quarter:\n  - P1: Shard the audit log table\n  - P2: Drop the unused indexes\n';
    assert.deepEqual(items(md).map(brief), ['4 open Shard the audit log table', '5 open Drop the unused indexes']);
  });
  it('reads action items under subsections of the action-items section, whatever they are called', () => {
    const md = '## Action items\n\n### Detection\n\n- Alert when the queue lag passes 10 minutes\n\n### Process\n\n- Hold a game day on queue failover\n';
    assert.deepEqual(items(md).map(brief), ['5 open Alert when the queue lag passes 10 minutes', '9 open Hold a game day on queue failover']);
  });
});

describe('action items: done and dropped', () => {
  const states = (md: string) => items(md).map((i) => `${i.line} ${i.state}`);
  it('reads checked boxes, check marks, strike-through and done words in the text', () => {
    const md = [
      '## Action items', '',
      '- [x] Rotate the leaked deploy key',
      '- ✅ Block the old token endpoint',
      '- ~~Rewrite the importer in Go~~',
      '- Add a canary for the importer (done)',
      '- DONE: Freeze schema changes on Fridays',
      '- Tag every release with its config hash — Completed',
      '- Fixed: the clock skew check on the workers',
      "- Split the monolith's cron jobs (won't do)",
      '- Graph the import backlog per tenant _done in grafana_',
      '- Add retries to the webhook sender',
    ].join('\n');
    assert.deepEqual(states(md), ['3 done', '4 done', '5 dropped', '6 done', '7 done', '8 done', '9 done', '10 dropped', '11 done', '12 open']);
    assert.equal(items(md)[5]!.action.text, 'Tag every release with its config hash');
    assert.equal(items(md)[8]!.action.text, 'Graph the import backlog per tenant');
  });
  it('reads done, failed and won\'t-do words in a status or ticket cell', () => {
    const md = '## Action items\n\n| Action | Owner | Status | Ticket |\n| --- | --- | --- | --- |\n| Rebuild the search index | @li | **DONE** | |\n| Restore from the old snapshot | @li | **FAILED** | |\n| Migrate to the new queue | @li | Won\'t do | |\n| Add a read replica | @li | in progress | |\n| Pin the base image | @li | | Fixed in OPS-88 |\n';
    assert.deepEqual(states(md), ['5 done', '6 dropped', '7 dropped', '8 open', '9 done']);
  });
  it('marks every item under a completed heading or a `Completed:` lead-in as done', () => {
    const md = [
      '## Remediation', '',
      '### Immediate actions (completed)', '',
      '- Raised the connection pool to 200',
      '',
      '### Done during the incident', '',
      '- Paused the nightly reindex',
      '',
      '### Short-term (in progress)', '',
      'Completed:', '',
      '- Traffic moved off the bad zone',
      '',
      '### Later', '',
      '- Load-test the pool at twice peak',
    ].join('\n');
    assert.deepEqual(states(md), ['5 done', '9 done', '15 done', '19 open']);
  });
  it('does not mark items done under a heading that says only some are', () => {
    const md = '## Corrective actions\n\n### Short-term (completed or in progress)\n\n- Add a timeout to the export job\n';
    assert.deepEqual(states(md), ['5 open']);
  });
  it('reads a list of completed statements as done items, and a single past-tense verb on its own', () => {
    const report = '## Action items\n\n- Removed the stale admin accounts\n- Updated the access review policy\n- Old tokens were revoked\n';
    assert.deepEqual(states(report), ['3 done', '4 done', '5 done']);
    const mixed = '## Action items\n\n- Added a lag alert on the replica\n- Improved dashboards for the replica\n- Review the failover runbook\n';
    // "Improved dashboards" may be a planned item, so it stays open among planned ones.
    assert.deepEqual(states(mixed), ['3 done', '4 open', '5 open']);
  });
  it('keeps a request about something past open', () => {
    const md = '## Action items\n\n- Investigate why the cache was disabled\n- Rotate the secrets that were exposed\n';
    assert.deepEqual(states(md), ['3 open', '4 open']);
  });
  it('never reports a done or dropped item as missing a deadline, owner or priority, or overdue', () => {
    const md = [
      '## Action items', '',
      '| Action | Owner | Priority | Deadline | Status |',
      '| --- | --- | --- | --- | --- |',
      '| Rotate the deploy key | | | 2025-01-02 | Done |',
      '| Rewrite the importer | | | 2025-01-02 | Dropped |',
      '| Add a canary for the importer | | | 2025-01-02 | open |',
    ].join('\n');
    assert.deepEqual(rules(md), ['7 action-missing-owner', '7 action-missing-priority', '7 action-overdue']);
  });
});

describe('action items: inline fields', () => {
  const fields = (md: string) => items(md).map((i) => ({ action: i.action.text, owner: i.owner.value ?? null, priority: i.priority.text || null, deadline: i.deadline.text || null }));
  it('reads owners written as a label, in brackets, after a dash, as `assigned to` or as a team tag', () => {
    const md = [
      '## Action items', '',
      '- Add a replica lag alert Owner: @mina',
      '- Document the failover (owner: Jane Doe)',
      '- Tune the autoscaler — @raj',
      '- Shorten the DNS TTL, assigned to Priya Nair',
      '- [Platform] Pin the base image digest',
      '- Route alerts to the on-call channel (ping @oncall)',
      '- Exclude the legacy plugins OWNER: kwan@',
    ].join('\n');
    assert.deepEqual(fields(md).map((f) => `${f.owner} | ${f.action}`), [
      'mina | Add a replica lag alert',
      'Jane Doe | Document the failover',
      'raj | Tune the autoscaler',
      'Priya Nair | Shorten the DNS TTL',
      'Platform | Pin the base image digest',
      'null | Route alerts to the on-call channel (ping @oncall)',
      'kwan | Exclude the legacy plugins',
    ]);
  });
  it('reads priorities at the start or in a trailing parenthesis, and takes them out of the text', () => {
    const md = [
      '## Action items', '',
      '- P1 Add a replica lag alert',
      '- [P2] Document the failover',
      '- (p3) Tune the autoscaler',
      '- **HIGH** Shorten the DNS TTL',
      '- High: Pin the base image digest',
      '- Sev2 Split the shared Redis',
      '- Rotate the signing key (critical)',
    ].join('\n');
    assert.deepEqual(fields(md).map((f) => `${f.priority} | ${f.action}`), [
      'P1 | Add a replica lag alert',
      'P2 | Document the failover',
      'p3 | Tune the autoscaler',
      'HIGH | Shorten the DNS TTL',
      'High | Pin the base image digest',
      'Sev2 | Split the shared Redis',
      'critical | Rotate the signing key',
    ]);
  });
  it('reads deadlines after due, by, or alone in parentheses, and no other date', () => {
    const md = [
      '## Action items', '',
      '- Add a replica lag alert due 2025-09-16',
      '- Document the failover by 2025-09-30',
      '- Tune the autoscaler (2025-10-01)',
      '- Review the 2025-08-14 outage timeline with support',
    ].join('\n');
    assert.deepEqual(fields(md).map((f) => `${f.deadline} | ${f.action}`), [
      '2025-09-16 | Add a replica lag alert',
      '2025-09-30 | Document the failover',
      '2025-10-01 | Tune the autoscaler',
      'null | Review the 2025-08-14 outage timeline with support',
    ]);
  });
  it('reports a priority word that is not a level as invalid, with the mapped level preferred, never as missing', () => {
    const md = '## Action items\n\n- **HIGH** Shorten the DNS TTL — @raj, due 2026-02-01\n';
    const { findings } = lintText(md, { today: TODAY });
    const invalid = findings.filter((f) => f.ruleId === 'action-invalid-priority');
    assert.deepEqual(findings.filter((f) => f.ruleId.startsWith('action-missing')).map((f) => f.ruleId), []);
    assert.equal(invalid.length, 1);
    const preferred = invalid[0]!.fixes.find((f) => f.preferred);
    assert.equal(preferred?.title, 'Change priority to P1 (what "HIGH" maps to)');
    assert.deepEqual(preferred?.edits, [{ range: { start: { line: 3, column: 5 }, end: { line: 3, column: 9 } }, newText: 'P1' }]);
  });
  it('counts an Owning Team column as the owner', () => {
    const md = '## Action items\n\n| Description | Owning Team | Issue # |\n| --- | --- | --- |\n| Alert on failed check-ins | [checkin-squad](https://github.com/orgs/acme/teams/checkin-squad) | [#946](https://github.com/acme/chip/issues/946) |\n';
    assert.equal(items(md)[0]!.owner.value, 'checkin-squad');
    assert.deepEqual(rules(md).filter((r) => r.includes('owner')), []);
  });
});

describe('action items: tickets', () => {
  const tickets = (md: string) => items(md).map((i) => `${i.ticket.value ?? '-'} | ${i.action.text}`);
  it('keeps a link\'s URL, never its words, and takes a link that only says "issue" out of the text', () => {
    const md = [
      '## Action items', '',
      '- Retry webhook deliveries with backoff [Issue](https://github.com/acme/hooks/issues/31)',
      '- Bound the import batch size ([pull request](https://github.com/acme/importer/pull/7))',
      '- Track the [flaky export test](https://github.com/acme/export/issues/12) until it is fixed',
      '- Evaluate the [Percona operator](https://github.com/percona/operator) for Postgres',
    ].join('\n');
    assert.deepEqual(tickets(md), [
      'https://github.com/acme/hooks/issues/31 | Retry webhook deliveries with backoff',
      'https://github.com/acme/importer/pull/7 | Bound the import batch size',
      'https://github.com/acme/export/issues/12 | Track the flaky export test until it is fixed',
      '- | Evaluate the Percona operator for Postgres',
    ]);
  });
  it('reads bare keys, issue numbers, autolinked issue URLs and reference-style links', () => {
    const md = [
      '## Action items', '',
      '- Cap the queue depth #77',
      '- OPS-1024: Alert on disk usage above 80%',
      '- Drop the unused indexes <https://github.com/acme/db/issues/5>',
      '- Document the restore ([#294][restore-issue])',
      '- [#2226]: Log each publish step',
      '- Shorten the lock timeout ([issue][lock])',
      '',
      '[restore-issue]: https://github.com/acme/db/issues/294',
      '[lock]: https://github.com/acme/db/issues/301',
    ].join('\n');
    assert.deepEqual(tickets(md), [
      '#77 | Cap the queue depth',
      'OPS-1024 | Alert on disk usage above 80%',
      'https://github.com/acme/db/issues/5 | Drop the unused indexes',
      'https://github.com/acme/db/issues/294 | Document the restore',
      '#2226 | Log each publish step',
      'https://github.com/acme/db/issues/301 | Shorten the lock timeout',
    ]);
  });
  it('reads a ticket linked from the item\'s later paragraph, the paragraph after its list, or its heading', () => {
    const md = [
      '## Action items', '',
      '### Alerting ([tracked in #88](https://github.com/acme/ops/issues/88))', '',
      '- Page on replica lag',
      '',
      '### Docs', '',
      '1. Explain the failover to support',
      '2. Write the restore runbook',
      '',
      '   It needs the snapshot steps too. [issue](https://github.com/acme/ops/issues/90)',
      '',
      '### Tooling', '',
      '1. Script the snapshot restore',
      '',
      'Both are planned in [this issue](https://github.com/acme/ops/issues/91).',
    ].join('\n');
    assert.deepEqual(tickets(md), [
      'https://github.com/acme/ops/issues/88 | Page on replica lag',
      '- | Explain the failover to support',
      'https://github.com/acme/ops/issues/90 | Write the restore runbook',
      'https://github.com/acme/ops/issues/91 | Script the snapshot restore',
    ]);
  });
  it('reads n/a, tbd and a dash in a ticket cell as no ticket', () => {
    const md = '## Action items\n\n| Action | Owner | Ticket |\n| --- | --- | --- |\n| Add a replica | @li | n/a |\n| Tune the pool | @li | tbd |\n| Pin the image | @li | - |\n| Shard the log | @li | [#45](https://github.com/acme/db/issues/45) |\n';
    assert.deepEqual(items(md).map((i) => i.ticket.value ?? null), [null, null, null, 'https://github.com/acme/db/issues/45']);
    assert.deepEqual(rules(md).filter((r) => r.endsWith('not-tracked')), ['5 action-not-tracked', '6 action-not-tracked', '7 action-not-tracked']);
  });
  it('exports the ticket key or URL, never the words of its link', () => {
    const md = '# Export\n\n## Action items\n\n- Retry webhook deliveries [PR](https://github.com/acme/hooks/pull/32)\n- Cap the queue depth #77\n';
    assert.deepEqual(exportItems(parsePostmortem(md), 'pm.md').map((i) => i.ticket), ['https://github.com/acme/hooks/pull/32', '#77']);
  });
});

describe('action items: plain action text', () => {
  it('has no backticks, autolink brackets, empty brackets, dangling separators or link syntax', () => {
    const md = [
      '## Action items', '',
      '- Give `kubectl` access to the support rota <https://github.com/acme/ops/issues/3>',
      '- Move the `job-runner` pods to their own pool — owner: @ana, due: 2026-03-01',
      '- [#12]: Alert when `lag_seconds` passes 30',
      '- Read the [retry guide](https://docs.example/retries) before tuning — , @bo',
      '- Review the <br> quota process ()',
    ].join('\n');
    const texts = items(md).map((i) => i.action.text);
    assert.deepEqual(texts, [
      'Give kubectl access to the support rota',
      'Move the job-runner pods to their own pool',
      'Alert when lag_seconds passes 30',
      'Read the retry guide before tuning',
      'Review the quota process',
    ]);
    for (const t of texts) assert.doesNotMatch(t, /[`<>]|\[\s*\]|\(\s*\)|\]\(|[\u2014\u2013]\s*,/);
  });
  it('quotes the plain text in messages and exports', () => {
    const md = '# Plain\n\n## Action items\n\n- Give `kubectl` access to the support rota\n';
    const message = lintText(md, { today: TODAY }).findings.find((f) => f.ruleId === 'action-missing-owner')!.message;
    assert.match(message, /"Give kubectl access to the support rota"/);
    assert.equal(exportItems(parsePostmortem(md), 'pm.md')[0]!.action, 'Give kubectl access to the support rota');
  });
});

describe('action items written as paragraphs', () => {
  it('reads `Action point:` paragraphs in lessons learned, with a status bullet under one of them', () => {
    const md = [
      '## Lessons learned', '',
      '### Telling operators',
      '',
      'Action point: set up an announcement list for node operators.',
      '- This has been done; the list is open for sign-ups.',
      '',
      'Action point: make the fork monitor survive restarts.',
    ].join('\n');
    assert.deepEqual(items(md).map(brief), ['5 done set up an announcement list for node operators.', '8 open make the fork monitor survive restarts.']);
  });
  it('reads the items after `**Actions planned:**` and `**Action(s) taken:**` labels as open and done', () => {
    const md = [
      '## Lessons learned', '',
      '### Reviews', '',
      '**Actions planned:**', '',
      '- We will add a threat model to every design review.',
      '- We will require a second reviewer on consensus code.',
      '',
      '**Action(s) taken:**', '',
      '1. We have widened the bounty scope to the bridge.',
      '',
      '**Action taken:**', '',
      'Our runbook now names a private channel for every security incident.',
      '',
      '**Action taken:**', '',
      'We agreed when to pause the bridge:', '',
      '- when an exploit is under way',
      '- when the bug is likely known',
      '',
      '**Action planned:** We will alert on every report marked critical.',
      '',
      'Plain text in lessons learned is no item, and neither is this list:', '',
      '- a lesson',
    ].join('\n');
    assert.deepEqual(items(md).map(brief), [
      '7 open We will add a threat model to every design review.',
      '8 open We will require a second reviewer on consensus code.',
      '12 done We have widened the bounty scope to the bridge.',
      '16 done Our runbook now names a private channel for every security incident.',
      '20 done We agreed when to pause the bridge:',
      '25 open We will alert on every report marked critical.',
    ]);
    assert.deepEqual(items(md)[4]!.details, ['when an exploit is under way', 'when the bug is likely known']);
  });
  it('offers the inline quick fixes on a paragraph item', () => {
    const md = '## Lessons learned\n\nAction point: make the fork monitor survive restarts.\n';
    const finding = lintText(md, { today: TODAY }).findings.find((f) => f.ruleId === 'action-missing-priority')!;
    assert.deepEqual(finding.fixes[1]?.edits, [{ range: { start: { line: 3, column: 15 }, end: { line: 3, column: 15 } }, newText: 'P1: ' }]);
  });
  it('reads `**DONE**:` and `**TODO**` paragraphs, but not a bare TODO placeholder', () => {
    const md = '## Lessons learned\n\n**DONE**: Sam added the wiki to the uptime checks.\n\n**TODO** an exporter for ZFS pool usage should alert before disks fill.\n\n**TODO**\n';
    assert.deepEqual(items(md).map(brief), ['3 done Sam added the wiki to the uptime checks.', '5 open an exporter for ZFS pool usage should alert before disks fill.']);
  });
  it('reads paragraphs that state actions in an action-items section without a list or table', () => {
    const md = [
      '## Follow-up', '',
      'The uptime check should page more than one person.', '',
      'The docs monitor points at the old host. (fixed by adding a check for the new host)', '',
      'We could stop merging DNS changes on Fridays, though the weekend also lowered the impact.', '',
      'Evaluate a pull-through cache for container images.', '',
    ].join('\n');
    // The status note moves to the status field whole: `fixed by adding a check for the new host`.
    assert.equal(items(md)[1]!.status.text, 'fixed by adding a check for the new host');
    assert.deepEqual(items(md).map(brief), [
      '3 open The uptime check should page more than one person.',
      '5 done The docs monitor points at the old host.',
      '9 open Evaluate a pull-through cache for container images.',
    ]);
  });
  it('reads no paragraph as an item when the section has a list', () => {
    const md = '## Action items\n\nWe will work through these in the next sprint:\n\n- Add a lag alert\n\nWe should also revisit the on-call rota at some point.\n';
    assert.deepEqual(items(md).map(brief), ['5 open Add a lag alert']);
  });
  it('reads a paragraph that offers options as one item, its options as detail', () => {
    const md = '## Action items\n\nIt would help to stop wasting ids (see #631) by doing one of:\n\n- switch to a compound key\n- insert only new rows\n\n#631 has more on both options.\n';
    assert.deepEqual(items(md).map((i) => `${i.line} ${i.ticket.value} ${i.details.length}`), ['3 #631 2']);
  });
});
