// Milestones by meaning: what a timeline sentence says happened to the incident, not whether a
// keyword occurs in it. Each row is a sentence and the milestone it marks (undefined: none).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MilestoneKind } from '../../src/core';
import { classifyEvent, couldMark } from '../../src/core/vocabulary/milestones';

type Row = [sentence: string, kind: MilestoneKind | undefined];

function table(title: string, rows: readonly Row[], actor?: string): void {
  describe(title, () => {
    for (const [sentence, kind] of rows) {
      it(`reads "${sentence}" as ${kind ?? 'no milestone'}`, () => assert.equal(classifyEvent(sentence, actor).kind, kind));
    }
  });
}

table('detection is an alert, a page, a report or a problem noticed', [
  ['Alert fires', 'detected'],
  ['alerts fire for the docs site being down', 'detected'],
  ['Release engineer notices an unexpected checksum and pages security', 'detected'],
  ['Consumer lag alert fires for the ingest queue', 'detected'],
  ['The website monitor triggered an alert on a server issue', 'detected'],
  ['paged', 'detected'],
  ['On-call is paged', 'detected'],
  ['Login error alert pages Omar', 'detected'],
  ['PagerDuty alerts on-call engineer', 'detected'],
  ['Customer reports that checkout hangs', 'detected'],
  ['customer reports', 'detected'],
  ['Partners report failed TLS handshakes', 'detected'],
  ['First reports of users seeing 404 errors arrive', 'detected'],
  ['First report', 'detected'],
  ['Bob reports on the channel: first report that 503 responses are being served', 'detected'],
  ['The outage is reported on Slack by a contributor', 'detected'],
  ['A ticket is opened about users whose servers time out', 'detected'],
  ['Operators respond to alarms and start troubleshooting', 'detected'],
  ['Monitoring detected failures in scan provisioning', 'detected'],
  ['Hana notices the ledger height has not moved for ten minutes', 'detected'],
  ['Dip in the launch success metric noticed on the dashboard', 'detected'],
  ['Automated warning from the cloud provider that the load balancer cannot scale up', 'detected'],
  ['A researcher submitted a bounty report', 'detected'],
  ['A disclosure report detailing the runner compromise was submitted', 'detected'],
  ['Mira notices that stale statuses are still\npresent and blocking every merge', 'detected'],
]);

table('a system detecting something that is not a problem is no detection', [
  ['the config checker detects drift in the firewall rules', undefined],
  ['the load balancer detects the new pods as healthy', undefined],
  ['The autoscaler noticed that a new node image was available', undefined],
  ['updated the status page', undefined],
  ['Bob posts a status-page update', undefined],
  ['Site repo pages configuration is changed to the new branch name', undefined],
  ['Noor adds a disk usage alert for the export host', undefined],
  ['Retry also fails; no alert is configured for retries', undefined],
  ['Adds monitoring to detect failures earlier', undefined],
  ['Support ticket opened with the hosting vendor', undefined],
  ['Keep monitoring, no action', undefined],
  ['No alerting configured for 429 errors, requiring customer reports', undefined],
  ['Admins post an initial report to the blog', undefined],
  ['The team reports the account to the hosting provider for suspicious behaviour', undefined],
  ['Mira notices that stale statuses are still present.\nBlocking merges was discussed later', undefined],
]);

table('an action that did not take effect is no mitigation', [
  ['rollback fails', undefined],
  ['the rollback failed', undefined],
  ['attempted to restart the service but it failed', undefined],
  ['Katharine creates a PR to roll back the change', undefined],
  ['proposes a rollback', undefined],
  ['decides to roll back', undefined],
  ['begins rolling back', undefined],
  ['Tim started the process of reverting the nodes', undefined],
  ['Revert of the config begins', undefined],
  ['Rollback PR opened for review', undefined],
  ['Engineer attempts hub pod restarts', undefined],
  ['Restarted the hub pods, which did not help', undefined],
  ['The provider initiated a server restart to mitigate', undefined],
  ['A first fix is being deployed', undefined],
  ['The pool almost recovered by the end of the day', undefined],
  ['Determines why an older job reverted the branch protection', undefined],
  ['Cache node 3 restarts and drops its keys', undefined],
  ['A pipeline run unexpectedly reverts the infrastructure changes', undefined],
]);

table('an action that took effect is a mitigation', [
  ['rolls back', 'mitigated'],
  ['rolled back', 'mitigated'],
  ['Katharine manually rolls back prow', 'mitigated'],
  ['merges the rollback PR', 'mitigated'],
  ['rolls notifier back', 'mitigated'],
  ['Rolled back to v3.1; pages load again', 'mitigated'],
  ['failover', 'mitigated'],
  ['Fails over to db-replica-2', 'mitigated'],
  ['fix deployed', 'mitigated'],
  ['Fix deployed with the correct image checksum', 'mitigated'],
  ['scaled out', 'mitigated'],
  ['Sam scales consumers from 4 to 16', 'mitigated'],
  ['Omar restarts the auth service', 'mitigated'],
  ['Team starts a call, successfully restarts the hub', 'mitigated'],
  ['Operations engineers revert the site changes', 'mitigated'],
  ['Error rate returns to baseline (0.1%)', 'mitigated'],
  ['Customer instances come back online and service was restored', 'mitigated'],
  ['Released v4.2.1 containing the fix', 'mitigated'],
  ['Hotfix lands on main', 'mitigated'],
]);

table('the start of impact is a symptom beginning', [
  ['errors start', 'impact'],
  ['Connection errors start on the edge proxies', 'impact'],
  ['checkout requests start failing', 'impact'],
  ['API pods begin returning 500s', 'impact'],
  ['latency rises', 'impact'],
  ['requests begin timing out', 'impact'],
  ['Outage begins.', 'impact'],
  ['The site is hard down', 'impact'],
  ['Error rate is down to 0.1%', undefined],
  ['Systems begin returning to normal', undefined],
]);

table('resolution is the incident declared over or everything back to normal', [
  ['resolved', 'resolved'],
  ['Resolved.', 'resolved'],
  ['all clear', 'resolved'],
  ['All-clear given in the incident channel', 'resolved'],
  ['back to normal', 'resolved'],
  ['Launches are back to normal', 'resolved'],
  ['Dana resolves the incident', 'resolved'],
  ['Sam declares the incident resolved', 'resolved'],
  ['Prow is confirmed to be functional. Outage ends.', 'resolved'],
  ['Status page is set to resolved', 'resolved'],
  ['All systems verified operational', 'resolved'],
  ['Issue verified fixed in production', 'resolved'],
  ['Status page is set to monitoring', undefined],
  ['Tech lead re-deploys the original change after the fix', undefined],
  ['The incident is not resolved yet', undefined],
  ['The incident commander takes over', undefined],
  ['Brief discussion whether the incident is over', undefined],
]);

table('acknowledgement is a responder taking the alert', [
  ['Engineers acknowledge the alert', 'acknowledged'],
  ['Ravi acknowledges the queue depth alert.', 'acknowledged'],
  ['Primary engineer acknowledges that a redeploy is needed', undefined],
]);

table('a monitoring actor stating a problem is a detection', [['error rate rises on the API', 'detected']], 'Monitoring');

describe('explicit markers', () => {
  it('win over wording, even wording that says the opposite', () => {
    assert.deepEqual([classifyEvent('[detected] rollback fails').kind, classifyEvent('[detected] rollback fails').explicit], ['detected', true]);
    assert.equal(classifyEvent('**OUTAGE BEGINS** the config checker detects drift').kind, 'impact');
    assert.equal(classifyEvent('proposes a rollback [mitigated]').kind, 'mitigated');
  });
  it('include an all-caps phrase in angle brackets, as written or escaped', () => {
    assert.equal(classifyEvent('Tag 1.4.2 is pushed &lt;START OF OUTAGE&gt;').kind, 'impact');
    assert.equal(classifyEvent('Fix lands. <END OF OUTAGE>').kind, 'resolved');
    assert.equal(classifyEvent('Plugins get a no-op folder **\\<END OF OUTAGE>**').kind, 'resolved');
    assert.equal(classifyEvent('<describe what happened>').kind, undefined);
  });
});

describe('wordings that could be a milestone, for telling whether one is missing', () => {
  const rows: Array<[string, 'detected' | 'mitigated' | 'resolved', boolean]> = [
    ['Automated message in #alerts about timeouts on the API', 'detected', true],
    ['Incident declared', 'detected', true],
    ['Maintenance window enabled for check-in', 'mitigated', true],
    ['First remediation commit: inputs passed through env variables', 'mitigated', true],
    ['Primary engineer re-deploys prod with the new file server address', 'mitigated', true],
    ['Team halts the pool and pauses deposits', 'mitigated', true],
    ['Team decides a patch should be released soon', 'mitigated', false],
    ['Prow is once again merging at its usual rate', 'resolved', true],
    ['Second transaction is mined and succeeds', 'resolved', true],
    ['We forward fixed both services, and the namespaces were deleted', 'resolved', false],
    ['Attacker drains the pool for the fourth time', 'detected', false],
    ['Attacker drains the pool for the fourth time', 'mitigated', false],
  ];
  for (const [text, kind, expected] of rows) {
    it(`${expected ? 'reads' : 'does not read'} "${text}" as a possible ${kind} event`, () => assert.equal(couldMark(text, kind), expected));
  }
});
