import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allSections, lintText, parsePostmortem, sectionKindOf, sectionKindsOf, sectionPresence } from '../../src/core';
import type { Fix, Postmortem } from '../../src/core';
import { applyEdits } from '../../src/core';
import { inDocumentOrder } from './support/edits';

const TODAY = '2025-04-15';
const kinds = (pm: Postmortem) => allSections(pm.sections).map((s) => `${s.kind ?? '-'}${s.also ? `+${s.also.join('+')}` : ''} ${s.title}`);
const findingsOf = (text: string, ruleId: string, config = {}) =>
  lintText(text, { today: TODAY, config }).findings.filter((f) => f.ruleId === ruleId).map((f) => `${f.range.start.line}: ${f.message}`);

describe('section names', () => {
  it('recognises the names of the widely used templates and real reports', () => {
    const names: Array<[string, string]> = [
      ['Issue Summary', 'summary'], ['Overview', 'summary'], ['What happened', 'summary'], ['What happened?', 'summary'],
      ['Customer impact', 'impact'], ['Incident impact', 'impact'], ['Severity and impact', 'impact'], ['Severity & Impact', 'impact'],
      ['Customer data impact', 'impact'], ['6. Impact on LPs', 'impact'], ['Impacted Slots', 'impact'], ['Affected crates', 'impact'],
      ['Events', 'timeline'], ['Chronology', 'timeline'], ['Timeline / Events:', 'timeline'],
      ['Timeline (all times CET) 03/04/2025 - 03/06/2025', 'timeline'],
      ['Root causes', 'root-cause'], ['Five whys', 'root-cause'], ['Why did all this happen in such a short time?', 'root-cause'],
      ['Trigger', 'trigger'], ['Trigger:', 'trigger'], ['Fault', 'fault'], ['Leadup', 'leadup'], ['Lead-up', 'leadup'],
      ['Detection', 'detection'], ['Response', 'resolution'], ['Recovery', 'resolution'], ['Resolution', 'resolution'],
      ['Corrective and Preventative Measures', 'action-items'], ['Corrective actions', 'action-items'], ['Remediation', 'action-items'],
      ['Follow-ups', 'action-items'], ['Next steps', 'action-items'], ['Preventing recurrence', 'action-items'],
      ['What is being done about this?', 'action-items'], ['Lessons learned', 'lessons-learned'], ['Lessons learnt', 'lessons-learned'],
      ['What went well', 'what-went-well'], ['What worked', 'what-went-well'], ['What went wrong', 'what-went-wrong'],
      ['What went poorly', 'what-went-wrong'], ["What didn't work", 'what-went-wrong'], ['What could have gone better', 'what-went-wrong'],
      ['Where we got lucky', 'where-we-got-lucky'], ['3.2 The flaws', '-'], ['5 Whys', 'root-cause'],
    ];
    assert.deepEqual(names.map(([h]) => `${h} → ${sectionKindOf(h) ?? '-'}`), names.map(([h, k]) => `${h} → ${k}`));
  });

  it('does not read unrelated headings as sections', () => {
    for (const h of ['Response times of the API', 'Timeline review process', 'Appendix', 'Severity', 'Supporting information', 'Q&A', 'Background']) {
      assert.equal(sectionKindOf(h), undefined, h);
    }
  });

  it('gives a heading that names two sections both kinds, the one with a reader first', () => {
    assert.deepEqual(sectionKindsOf('Lessons Learned and Future Improvements'), ['action-items', 'lessons-learned']);
    assert.deepEqual(sectionKindsOf('Root cause and contributing factors'), ['root-cause', 'contributing-factors']);
    assert.deepEqual(sectionKindsOf('Resolution and recovery'), ['resolution']);
  });

  it('decides Conclusion, Mitigations and Looking forward by what the section holds', () => {
    const causes = { hasList: false, statesCause: true };
    const prose = { hasList: false, statesCause: false };
    const list = { hasList: true, statesCause: false };
    assert.deepEqual(sectionKindsOf('Conclusion', { sample: () => causes }), ['root-cause']);
    assert.deepEqual(sectionKindsOf('Conclusion', { sample: () => prose }), []);
    assert.deepEqual(sectionKindsOf('Mitigations', { sample: () => list }), ['action-items']);
    assert.deepEqual(sectionKindsOf('Mitigations', { sample: () => prose }), ['resolution']);
    assert.deepEqual(sectionKindsOf('Looking Forward', { sample: () => list }), ['action-items']);
    assert.deepEqual(sectionKindsOf('Moving forward', { sample: () => prose }), []);
  });

  it('makes a document title a section only when it is a whole section name', () => {
    assert.deepEqual(kinds(parsePostmortem('# Ragged action items\n\n## Follow-ups\n\n- Add a retry budget\n')), ['- Ragged action items', 'action-items Follow-ups']);
    assert.deepEqual(kinds(parsePostmortem('# Summary\n\nDisk full.\n\n# Impact\n\nNone.\n')), ['summary Summary', 'impact Impact']);
  });

  it('reads setext headings as sections, with their ranges', () => {
    const pm = parsePostmortem('Disk full\n=========\n\nSummary\n-------\n\nThe disk filled up.\n\nTimeline\n--------\n\n- 10:00 Disk at 100%\n');
    assert.deepEqual(kinds(pm), ['- Disk full', 'summary Summary', 'timeline Timeline']);
    const [summary, timeline] = allSections(pm.sections).slice(1);
    assert.deepEqual([summary!.range.start.line, summary!.range.end.line, timeline!.range.start.line], [4, 7, 9]);
    assert.equal(pm.timeline.events.length, 1);
  });

  it('reads phase headings inside a timeline as part of it, and category headings inside action items as items', () => {
    const pm = parsePostmortem('# Outage\n\n## Timeline (UTC)\n\n### Detection\n\n- 10:00 Alert fires\n\n### Response\n\n- 10:05 Rollback starts\n\n### 10:20 Root cause found\n\n## Action items\n\n### Detection\n\n- Alert on queue depth\n\n### Mitigation\n\n- Add a kill switch\n');
    assert.deepEqual(kinds(pm), ['- Outage', 'timeline Timeline (UTC)', '- Detection', '- Response', '- 10:20 Root cause found', 'action-items Action items', '- Detection', '- Mitigation']);
    assert.equal(pm.timeline.events.length, 3);
    assert.deepEqual(pm.actionItems.map((a) => a.action.text), ['Alert on queue depth', 'Add a kill switch']);
  });

  it('keeps a root-cause analysis together: What happened under it is part of the analysis', () => {
    const pm = parsePostmortem('# Root Cause Analysis\n\n## What happened?\n\nA job deleted the index.\n\n## Why did it happen?\n\nNo guard on the job.\n');
    assert.deepEqual(kinds(pm), ['root-cause Root Cause Analysis', '- What happened?', 'root-cause Why did it happen?']);
  });
});

describe('sections written without a heading', () => {
  it('reads Google SRE header fields as bold labels, with their ranges', () => {
    const pm = parsePostmortem('# Staging down\n\n**Date**: 2021-10-03\n\n**Summary**: Staging stopped after a driver change.\n\n**Root Causes:** The new driver fails in containers.\n\n**Trigger**: Unknown.\n');
    assert.deepEqual(pm.fieldSections.map((f) => `${f.kind} ${f.form} "${f.label}" ${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.content}`), [
      'summary label "Summary" 5:1-5:52 text',
      'root-cause label "Root Causes" 7:1-7:53 text',
      'trigger label "Trigger" 9:1-9:22 text',
    ]);
    assert.deepEqual(pm.sections.map((s) => s.title), ['Staging down'], 'labels stay out of the heading outline');
  });

  it('reads header fields written as a list, and a label before a list', () => {
    const pm = parsePostmortem('# Patch\n\n- Date: 2025-02-07\n- Summary: A patch broke consensus.\n- Impact: 23 validators restored snapshots.\n- Where we got lucky:\n\n## Incident\n\n**Root causes:**\n\n- Tests skipped\n- Release notes not read\n');
    assert.deepEqual(pm.fieldSections.map((f) => `${f.kind} ${f.range.start.line}-${f.range.end.line} ${f.content}`), [
      'summary 4-4 text', 'impact 5-5 text', 'where-we-got-lucky 6-6 none', 'root-cause 10-13 text',
    ]);
    assert.deepEqual(pm.contributingFactors.map((f) => `${f.source}: ${f.text}`), ['root-cause: Tests skipped', 'root-cause: Release notes not read']);
  });

  it('leaves labels in timeline entries and action items alone', () => {
    const pm = parsePostmortem('## Timeline\n\n- Detection: 10:00 the alert fires\n\n## Action items\n\n- Impact: measure it per customer\n');
    assert.deepEqual(pm.fieldSections, []);
  });

  it('takes the paragraphs under the title as the intro, but not metadata lines or short notes', () => {
    const pm = parsePostmortem('# API outage\n\n**Author**: @sam\n\nAll times UTC.\n\nOn Friday the API failed for most of the evening after a cache flush.\n\nStorage could not take every read at once.\n\n## Impact\n\nMost calls failed.\n');
    assert.deepEqual(pm.fieldSections.map((f) => `${f.kind} ${f.form} ${f.range.start.line}-${f.range.end.line}`), ['summary intro 7-9']);
    assert.equal(sectionPresence(pm, 'summary').written, true);
  });

  it('counts the intro as the summary only where no heading names one', () => {
    const pm = parsePostmortem('# API outage\n\nOn Friday the API failed for most of the evening after a cache flush.\n\n## Summary\n\nTBD\n');
    assert.equal(sectionPresence(pm, 'summary').written, false);
    assert.ok(findingsOf('# API outage\n\nOn Friday the API failed for most of the evening after a cache flush.\n\n## Summary\n\nTBD\n', 'section-missing')
      .includes('5: Missing section: Summary ("Summary" holds only template text): write what is known, or say what is not known yet'));
  });
});

describe('template text', () => {
  const contentOf = (body: string) => allSections(parsePostmortem(`## Impact\n\n${body}\n`).sections)[0]!.content;
  it('tells template text from content', () => {
    assert.equal(contentOf('_Be very specific here, and include exact numbers._'), 'placeholder');
    assert.equal(contentOf('TBD'), 'placeholder');
    assert.equal(contentOf('<describe the impact>'), 'placeholder');
    assert.equal(contentOf('- Who was affected:\n- For how long:'), 'placeholder');
    assert.equal(contentOf('<!-- fill in after the review -->'), 'placeholder');
    assert.equal(contentOf('| Metric | Value |\n| --- | --- |\n| | |'), 'placeholder');
    assert.equal(contentOf('> [!NOTE]\n> Describe how the incident affected users.'), 'placeholder');
    assert.equal(contentOf('None: the queue absorbed the delay.'), 'text');
    assert.equal(contentOf('_No customer saw an error._'), 'text');
    assert.equal(contentOf('![errors](errors.png)'), 'text');
    assert.equal(contentOf(''), 'none');
  });

  it('reads the skeleton of the section-missing quick fix as template text, so the section stays missing until written', () => {
    for (const missing of ['Summary', 'Impact', 'Timeline', 'Root cause', 'Action items']) {
      const base = '# Outage\n\nShort.\n';
      const finding = lintText(base, { today: TODAY }).findings.find((f) => f.ruleId === 'section-missing' && f.message === `Missing section: ${missing}`);
      assert.ok(finding, missing);
      const fixed = apply(base, finding.fixes[0]!);
      assert.ok(findingsOf(fixed, 'section-missing').some((m) => m.includes(`Missing section: ${missing} (`)), `${missing} after its skeleton is inserted:\n${fixed}`);
    }
  });
});

describe('contributing factors', () => {
  const factors = (text: string) => parsePostmortem(text).contributingFactors.map((f) => `${f.source}: ${f.text}`);
  it('reads points under What went wrong, as list items or paragraphs', () => {
    assert.deepEqual(factors('## What went poorly\n\n- Nobody was on call\n- The change was untested\n'), ['what-went-wrong: Nobody was on call', 'what-went-wrong: The change was untested']);
    assert.deepEqual(factors('### What went wrong\n\nThe review missed the config change.\n'), ['what-went-wrong: The review missed the config change.']);
  });
  it('reads several causes from a root-cause section: numbered, announced, or in subsections', () => {
    assert.deepEqual(factors('## Root cause\n\n1. A short timeout\n2. Retries without backoff\n'), ['root-cause: A short timeout', 'root-cause: Retries without backoff']);
    assert.deepEqual(factors('## Root cause\n\nIt came from two factors:\n\n- A short timeout\n- Retries without backoff\n'), ['root-cause: A short timeout', 'root-cause: Retries without backoff']);
    assert.deepEqual(factors('## Root cause\n\n### Builder sent bad blocks\n\nText.\n\n### Demotion did not trigger\n\nText.\n'), ['root-cause: Builder sent bad blocks', 'root-cause: Demotion did not trigger']);
    assert.deepEqual(factors('## Root cause\n\n- log line one\n- log line two\n'), [], 'a bulleted list alone is evidence, not causes');
  });
  it('reads a sentence saying how the cause got through', () => {
    assert.deepEqual(factors('## Discussion\n\nDisk use grew for weeks, but no alert was configured so nobody noticed.\n'), ['prose: Disk use grew for weeks, but no alert was configured so nobody noticed.']);
    assert.deepEqual(factors('## Root cause\n\nA full disk. Furthermore, the cleanup job skipped this folder.\n'), ['root-cause: Furthermore, the cleanup job skipped this folder.']);
  });
  it('does not take template items as factors', () => {
    assert.deepEqual(factors('## Contributing factors\n\n- \n- TBD\n- what let the cause through unnoticed\n'), []);
  });
});

/** The text after a fix, applied by core's applyEdits (as the CLI and the editor apply fixes). */
function apply(text: string, fix: Fix): string {
  return applyEdits(text, inDocumentOrder(fix.edits));
}
