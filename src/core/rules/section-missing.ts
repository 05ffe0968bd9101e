import type { Postmortem, SectionKind } from '../model';
import { allSections } from '../sections';
import type { LineIndex } from '../text';
import type { Fix, Rule } from './types';

/** The usual order of sections, used to place an inserted one. */
const ORDER: SectionKind[] = ['summary', 'impact', 'detection', 'timeline', 'root-cause', 'trigger', 'contributing-factors', 'resolution', 'what-went-well', 'what-went-wrong', 'where-we-got-lucky', 'action-items', 'lessons-learned'];

const SKELETONS: Partial<Record<SectionKind, [string, string]>> = {
  summary: ['Summary', 'What happened, for how long, and how it was fixed, in two or three sentences.'],
  impact: ['Impact', '- Who was affected, and how many:\n- For how long:\n- What they could not do:'],
  timeline: ['Timeline (all times UTC)', '- **HH:MM** — What happened (who)'],
  'root-cause': ['Root cause', 'Why did …?\n→ …\n\nWhy …?\n→ …'],
  'contributing-factors': ['Contributing factors', '- '],
  'action-items': ['Action items', '| Priority | Action | Owner | Deadline |\n| -------- | ------ | ----- | -------- |\n| P1 | | | |'],
  'lessons-learned': ['Lessons learned', '- '],
  detection: ['Detection', 'How the incident was noticed, and how long that took.'],
  resolution: ['Resolution', 'What stopped the impact, and what confirmed it.'],
};

const TITLES: Record<SectionKind, string> = {
  summary: 'Summary', impact: 'Impact', timeline: 'Timeline', 'root-cause': 'Root cause', trigger: 'Trigger',
  'contributing-factors': 'Contributing factors', 'action-items': 'Action items', 'lessons-learned': 'Lessons learned',
  detection: 'Detection', resolution: 'Resolution', 'what-went-well': 'What went well', 'what-went-wrong': 'What went wrong',
  'where-we-got-lucky': 'Where we got lucky',
};

function insertFix(pm: Postmortem, kind: SectionKind, lines: LineIndex, text: string): Fix {
  const sections = allSections(pm.sections);
  const depth = sections.find((s) => s.kind)?.depth ?? (sections.some((s) => s.depth === 1) ? 2 : 2);
  const hashes = '#'.repeat(depth);
  const [title, body] = SKELETONS[kind] ?? [TITLES[kind], ''];
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

export const sectionMissing: Rule = {
  id: 'section-missing',
  summary: 'The required sections are present (Summary, Impact, Timeline, Root cause, Action items by default)',
  defaultSeverity: 'warning',
  rationale: 'A postmortem needs a factual timeline, an analysis of why, and action items; without them it is a history document, not an improvement plan. Headings are matched by synonyms ("Follow-ups", "Five whys").',
  examples: [
    { markdown: '# Checkout outage\n\n## Summary\n\nCheckout failed for 20 minutes.\n', findings: ['1:1', '1:1', '1:1', '1:1'] },
    { markdown: '# Checkout outage\n\n## Summary\n\n## Impact\n\n## Timeline\n\n## Root cause\n\n## Action items\n', findings: [] },
  ],
  check({ postmortem, config, lines, text, report }) {
    const present = new Set(allSections(postmortem.sections).map((s) => s.kind));
    const title = allSections(postmortem.sections).find((s) => s.depth === 1);
    const at = title?.headingRange ?? { start: { line: 1, column: 1 }, end: { line: 1, column: lines.lineText(1).length + 1 } };
    for (const kind of config.requiredSections) {
      if (present.has(kind)) continue;
      report(at, `Missing section: ${TITLES[kind]}`, [insertFix(postmortem, kind, lines, text)]);
    }
  },
};
