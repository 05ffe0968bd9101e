import type { Postmortem, Range, SectionKind } from '../model';
import { allSections, SECTION_SKELETONS, sectionPresence } from '../sections';
import type { LineIndex } from '../text';
import type { Fix, Rule } from './types';

/** The usual order of sections, used to place an inserted one. */
const ORDER: SectionKind[] = [
  'summary', 'leadup', 'fault', 'impact', 'detection', 'timeline', 'root-cause', 'trigger', 'contributing-factors', 'resolution',
  'what-went-well', 'what-went-wrong', 'where-we-got-lucky', 'action-items', 'lessons-learned',
];

const TITLES: Record<SectionKind, string> = {
  summary: 'Summary', impact: 'Impact', timeline: 'Timeline', 'root-cause': 'Root cause', trigger: 'Trigger',
  'contributing-factors': 'Contributing factors', 'action-items': 'Action items', 'lessons-learned': 'Lessons learned',
  leadup: 'Leadup', fault: 'Fault', detection: 'Detection', resolution: 'Resolution', 'what-went-well': 'What went well',
  'what-went-wrong': 'What went wrong', 'where-we-got-lucky': 'Where we got lucky',
};

function insertFix(pm: Postmortem, kind: SectionKind, lines: LineIndex, text: string): Fix {
  const sections = allSections(pm.sections);
  const depth = sections.find((s) => s.kind)?.depth ?? 2;
  const hashes = '#'.repeat(depth);
  const [title, body] = SECTION_SKELETONS[kind];
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const block = `${hashes} ${title}${eol}${eol}${body.replace(/\n/g, eol)}${eol}${eol}`;
  const later = ORDER.slice(ORDER.indexOf(kind) + 1);
  const next = sections.find((s) => s.kind && later.includes(s.kind) && s.depth <= depth);
  if (next) {
    const at = { line: next.headingRange.start.line, column: 1 };
    return { title: `Insert section "${title}"`, edits: [{ range: { start: at, end: at }, newText: block }] };
  }
  const endLine = lines.lineCount;
  const end = { line: endLine, column: lines.lineText(endLine).length + 1 };
  const lead = lines.lineText(endLine) === '' ? (endLine > 1 && lines.lineText(endLine - 1) === '' ? '' : eol) : `${eol}${eol}`;
  return { title: `Insert section "${title}"`, edits: [{ range: { start: end, end }, newText: `${lead}${block.endsWith(eol) ? block.slice(0, -eol.length) : block}` }] };
}

/** Where a kind is named but not written: its first heading or label, and what it holds instead. */
function unwritten(pm: Postmortem, kind: SectionKind): { at: Range; name: string; holds: string } | undefined {
  const { headings, fields } = sectionPresence(pm, kind);
  const heading = headings[0];
  if (heading) return { at: heading.headingRange, name: heading.title, holds: heading.content === 'none' ? 'is empty' : 'holds only template text' };
  const field = fields[0];
  return field ? { at: field.labelRange, name: field.label, holds: field.content === 'none' ? 'is empty' : 'holds only template text' } : undefined;
}

export const sectionMissing: Rule = {
  id: 'section-missing',
  summary: 'The required sections are present (Summary, Impact, Timeline, Root cause, Action items by default)',
  defaultSeverity: 'warning',
  rationale: 'A postmortem needs a factual timeline, an analysis of why, and action items; without them it is a history document, not an improvement plan. Sections count under the names the common templates and real reports give them ("Issue Summary", "Severity & Impact", "Chronology", "Five whys", "Corrective and Preventative Measures", "What is being done about this?"), with numbering or trailing words ("6. Impact on customers", "Timeline (all times CET) 03/04 - 03/06"), as Google SRE header fields ("**Impact**: …", "- Root Causes: …"), and the paragraphs under the title count as the summary when no heading names one. A "Contributing factors" section gives the root cause, What went well / What went wrong give the lessons learned. A section holding only template text ("_Summarize the issue_", "TBD", "<describe the impact>") or nothing counts as missing. Choose the required sections with `template` (google-sre, pagerduty, atlassian) or list them in `requiredSections`.',
  examples: [
    { markdown: '# Checkout outage\n\n## Summary\n\nCheckout failed for 20 minutes.\n', findings: ['1:1', '1:1', '1:1', '1:1'] },
    { markdown: '# Checkout outage\n\n## Summary\n\nCheckout failed.\n\n## Impact\n\n12% of orders failed.\n\n## Timeline\n\n- 14:00 Deploy\n\n## Root cause\n\nA missing index.\n\n## Action items\n\n- Add the index\n', findings: [] },
    {
      title: 'template and real-report names, numbering and trailing words',
      markdown: '# Search outage\n\n## Issue Summary\n\nSearch returned errors for an hour.\n\n## Severity & Impact\n\nAll users of search.\n\n## Timeline (all times CET) 03/04/2025 - 03/06/2025\n\n- 09:00 Errors start\n\n## Why did all this happen in one hour?\n\nThe index was rebuilt with the wrong analyzer.\n\n## Corrective and Preventative Measures\n\n1. Check the analyzer before a rebuild.\n',
      findings: [],
    },
    {
      title: 'a question heading, and numbered headings with trailing words',
      markdown: '# Map not shown\n\n## 1. What happened?\n\nThe map stayed blank on phones.\n\n## 2. Impact on phone users\n\nAbout 3% of visits.\n\n## 3. Timeline\n\n- 09:00 Release\n\n## 4. Root causes\n\nA style rule hid the map below 600px.\n\n## 5. Action Items\n\n- Add a phone-width screenshot test\n',
      findings: [],
    },
    {
      title: 'a field line inside the summary, action points under the lessons',
      markdown: '# Build broken\n\n## Summary\n\nDescription: CI failed on every build<br>\nUser impact: nobody could merge for a day.\n\n## Timeline\n\n- 21:30 First red build\n\n## Root causes\n\nAn unpinned dependency shipped a breaking change.\n\n## Lessons learned\n\nAction point: pin every dependency to a version.\n',
      findings: [],
    },
    {
      title: 'a contributing-factors section carries the causal analysis',
      markdown: '# Nodes lost\n\n## Summary\n\nAll nodes were replaced at once.\n\n## Impacted Services\n\nEvery service in the cluster.\n\n## Timeline\n\n- 10:00 Upgrade starts\n\n## Contributing Factors\n\n- The upgrade replaced every node group together\n\n## Action Items\n\n- Upgrade node groups one at a time\n',
      findings: [],
    },
    {
      title: 'Google SRE header fields stand for the sections',
      markdown: '# Staging down\n\n**Summary**: The staging proxy stopped routing after a storage driver change.\n\n**Impact**: Integration tests failed for two days.\n\n**Root Causes**: The new driver does not work inside the containers.\n\n## Timeline\n\n- 10:00 Driver changed\n\n## Action Items\n\n- Roll the driver back\n',
      findings: [],
    },
    {
      title: 'header fields as a list',
      markdown: '# Patch release\n\n- Summary: A patch release broke consensus for some validators.\n- Impact: 23 validators restored from snapshots.\n- Root Causes: The upgrade tests were skipped.\n\n## Action Items\n\n- Run the full upgrade tests for every release\n\n## Timeline\n\n- 10:00 Release published\n',
      findings: [],
    },
    {
      title: 'the paragraphs under the title are the summary when no heading names one',
      markdown: '# API outage\n\nOn Friday the API returned errors for most of the evening after a cache flush overloaded storage.\n\n## Impact\n\nMost API calls failed.\n\n## Timeline\n\n- 20:00 Cache flushed\n\n## Root cause\n\nThe flush sent every read to storage at once.\n\n## What is being done about this?\n\nWe will flush the cache in batches from now on.\n',
      findings: [],
    },
    {
      title: 'a section holding only a template instruction is reported at its heading',
      markdown: '# Travel claims errors\n\n## Summary of the incident\n\n_Leave blank until the incident is resolved, then summarize it._\n\n## Impact\n\nClaims failed.\n\n## Timeline\n\n- 10:00 Errors start\n\n## Root cause\n\nA role check.\n\n## Action items\n\n- Add a monitor\n',
      findings: ['3:1'],
    },
    {
      title: 'an empty section counts as missing',
      markdown: '# Instances down\n\n## Summary\n\nInstances failed to start.\n\n## Impact\n\nEvery customer.\n\n## Timeline\n\n- 10:00 Release\n\n## Root Cause\n\nA JIT restriction in the OS image.\n\n## Corrective and Preventative Measures\n',
      findings: ['19:1'],
    },
    {
      title: 'setext headings, and a heading that names two sections',
      markdown: 'Node stall\n==========\n\nIssue summary\n-------------\n\nThe chain stalled for an hour.\n\nImpact\n------\n\nNo blocks for an hour.\n\nTimeline\n--------\n\n- 10:00 Stall\n\nRoot cause\n----------\n\nA negative amount passed validation.\n\nLessons Learned and Future Improvements\n---------------------------------------\n\nAdd negative tests for every amount.\n',
      findings: [],
    },
    {
      title: 'a Conclusion that states the cause is the root cause',
      markdown: '# Hub errors\n\n## Summary\n\nThe hub returned 403s.\n\n## Impact\n\nAll launches failed.\n\n## Timeline\n\n- 13:00 Deploy\n\n## Conclusion\n\nThis was caused by two factors: staging differed from production, and staging tests were thin.\n\n## Action Items\n\n- Write end-to-end deploy tests\n',
      findings: [],
    },
    {
      title: 'a Conclusion that states no cause is not one',
      markdown: '# Proxy unreachable\n\n## Summary\n\nThe proxy was unreachable for two days.\n\n## Impact\n\nMost sites were down.\n\n## Timeline\n\n- 10:00 Gateway lost\n\n## Conclusion\n\nWe still do not know why the gateway became unreachable.\n\n## Action items\n\n- Add a second proxy\n',
      findings: ['1:1'],
    },
    {
      title: 'follow-ups under Looking forward count when they are listed',
      markdown: '# Missed blocks\n\n## Summary\n\nThe relay served invalid blocks.\n\n## Impact\n\n30 missed slots.\n\n## Timeline\n\n- 07:00 Builder starts\n\n## Root Cause\n\nDemotion did not trigger on a timeout.\n\n## Looking Forward\n\n1. Load test the simulator\n2. Start a bug bounty\n',
      findings: [],
    },
    {
      title: 'question headings, an analysis of the impact, a problem statement, and follow-ups listed after a lead-in',
      markdown: '# Slow card payments\n\n## Problem\n\nCard payments took ten seconds to confirm.\n\n## What was the impact identified?\n\n3,100 slow checkouts.\n\n## Timeline (UTC)\n\n- 13:05 Latency alert fires\n\n## How did this happen\n\nThe client waited for its full timeout before retrying.\n\n## Conclusion\n\nSome possible actions in the future:\n\n* Cut the client timeout to 2 seconds\n',
      findings: [],
    },
    {
      title: 'an impact analysis heading',
      markdown: '# Phishing of maintainer accounts\n\n## Summary\n\nFour accounts were phished.\n\n## Impact Analysis\n\nOne malicious release was uploaded and removed.\n\n## Timeline (UTC)\n\n- 2025-07-28 10:00 First report\n\n## Root cause\n\nA look-alike domain.\n\n## Action items\n\n- Block look-alike domains in mail (owner: Sam, P1, due 2025-09-01)\n',
      findings: [],
    },
  ],
  check({ postmortem, config, lines, text, report }) {
    const title = allSections(postmortem.sections).find((s) => s.depth === 1);
    const at = title?.headingRange ?? { start: { line: 1, column: 1 }, end: { line: 1, column: lines.lineText(1).length + 1 } };
    for (const kind of config.requiredSections) {
      if (sectionPresence(postmortem, kind).written) continue;
      const named = unwritten(postmortem, kind);
      if (named) report(named.at, `Missing section: ${TITLES[kind]} ("${named.name}" ${named.holds}): write what is known, or say what is not known yet`);
      else report(at, `Missing section: ${TITLES[kind]}`, [insertFix(postmortem, kind, lines, text)]);
    }
  },
};
