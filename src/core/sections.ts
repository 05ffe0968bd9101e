import type { Section, SectionKind } from './model';
import { normalizeLabel } from './text';

/** Heading wordings for each recognised section kind, normalised (lowercase, no punctuation). */
export const SECTION_SYNONYMS: Record<SectionKind, string[]> = {
  summary: ['summary', 'executive summary', 'incident summary', 'overview', 'tl dr', 'tldr', 'abstract', 'description'],
  impact: ['impact', 'customer impact', 'user impact', 'business impact', 'blast radius', 'scope and impact', 'impact assessment'],
  timeline: ['timeline', 'incident timeline', 'timeline of events', 'chronology', 'sequence of events', 'event timeline', 'detailed timeline'],
  'root-cause': [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'five whys', '5 whys', 'the five whys', 'why analysis',
    'causes', 'cause', 'analysis', 'root cause and analysis',
  ],
  trigger: ['trigger', 'triggers'],
  'contributing-factors': ['contributing factors', 'contributing factor', 'contributing causes', 'contributors', 'factors'],
  'action-items': [
    'action items', 'action item', 'actions', 'follow ups', 'follow up', 'followups', 'follow up items', 'follow up actions',
    'remediation', 'remediations', 'remediation items', 'remediation actions', 'corrective actions', 'corrective and preventive actions',
    'preventive actions', 'preventative actions', 'next steps', 'action plan', 'todo', 'to do',
  ],
  'lessons-learned': ['lessons learned', 'lessons', 'learnings', 'what we learned', 'takeaways', 'key takeaways', 'lessons learnt'],
  detection: ['detection', 'how it was detected', 'how was it detected', 'detection and response'],
  resolution: ['resolution', 'mitigation', 'recovery', 'resolution and recovery', 'mitigation and resolution', 'response', 'incident response'],
  'what-went-well': ['what went well', 'things that went well', 'went well'],
  'what-went-wrong': ['what went wrong', 'things that went wrong', 'went wrong', 'what went poorly'],
  'where-we-got-lucky': ['where we got lucky', 'where we were lucky', 'lucky'],
};

const EXACT = new Map<string, SectionKind>();
for (const [kind, words] of Object.entries(SECTION_SYNONYMS) as Array<[SectionKind, string[]]>) {
  for (const w of words) EXACT.set(w, kind);
}
/**
 * Multi-word wordings, longest first, so `root cause analysis` wins over `root cause`. Single words
 * (`response`, `analysis`) only match a whole heading: as prefixes they would catch unrelated ones.
 */
const PREFIXES = [...EXACT.keys()].filter((w) => w.includes(' ')).sort((a, b) => b.length - a.length);

/** `timeline 07 27 2023`, `follow up timeline`: a heading that starts or ends with the word. */
const TIMELINE_WORDING = /^timeline (?=[^\n]{0,200}?(?:\d|\btimes?\b|\butc\b|\bgmt\b))|^(?:[a-z]+ ){0,2}timeline$/;

/**
 * The kind of section a heading names, or undefined. Matches the whole heading first, then a
 * heading that starts with a known wording (`Root cause and contributing factors`).
 */
export function sectionKindOf(heading: string): SectionKind | undefined {
  const label = normalizeLabel(heading);
  const exact = EXACT.get(label);
  if (exact) return exact;
  // A timeline heading often carries its zone and dates (`Timeline (all times PST) 07/27/2023 -
  // 07/31/2023`) or says which part of the incident it covers (`Follow-up timeline`, not follow-ups).
  if (TIMELINE_WORDING.test(label)) return 'timeline';
  for (const w of PREFIXES) {
    if (label.startsWith(`${w} `)) return EXACT.get(w);
  }
  return undefined;
}

/** Every section, depth first, in document order. */
export function allSections(sections: readonly Section[]): Section[] {
  const out: Section[] = [];
  const visit = (list: readonly Section[]) => {
    for (const s of list) {
      out.push(s);
      visit(s.children);
    }
  };
  visit(sections);
  return out;
}

/** The first section of a kind, anywhere in the tree. */
export function findSection(sections: readonly Section[], kind: SectionKind): Section | undefined {
  return allSections(sections).find((s) => s.kind === kind);
}
