import type { FieldSection, Postmortem, Section, SectionKind } from './model';
import { normalizeLabel } from './text';
import { isPlaceholderText } from './vocabulary/placeholders';

/**
 * Heading wordings for each recognised section kind, normalised (lowercase, no punctuation, `&` as
 * `and`). Taken from the widely used templates (Google SRE, PagerDuty, Atlassian) and from the
 * headings real reports use for the same thing.
 */
export const SECTION_SYNONYMS: Record<SectionKind, string[]> = {
  summary: [
    'summary', 'executive summary', 'incident summary', 'issue summary', 'overview', 'incident overview', 'tl dr', 'tldr',
    'abstract', 'description', 'incident description', 'what happened', 'synopsis', 'introduction', 'bluf',
    'problem', 'problem statement', 'problem description',
  ],
  impact: [
    'impact', 'customer impact', 'user impact', 'business impact', 'blast radius', 'scope and impact', 'impact assessment',
    'incident impact', 'severity and impact', 'customer data impact', 'impact and severity', 'who was affected', 'user facing impact',
    'impact analysis', 'impact statement',
  ],
  timeline: [
    'timeline', 'incident timeline', 'timeline of events', 'chronology', 'sequence of events', 'event timeline', 'detailed timeline',
    'events', 'timeline events', 'events timeline', 'timeline of the incident',
  ],
  'root-cause': [
    'root cause', 'root causes', 'root cause analysis', 'rca', 'five whys', '5 whys', 'the five whys', 'why analysis',
    'causes', 'cause', 'analysis', 'root cause and analysis', 'root cause identification', 'blameless root cause',
    'why did this happen', 'why did it happen', 'underlying cause', 'underlying causes', 'causal analysis',
  ],
  trigger: ['trigger', 'triggers', 'triggering event'],
  'contributing-factors': ['contributing factors', 'contributing factor', 'contributing causes', 'contributors', 'factors'],
  'action-items': [
    'action items', 'action item', 'actions', 'follow ups', 'follow up', 'followups', 'follow up items', 'follow up actions',
    'remediation', 'remediations', 'remediation items', 'remediation actions', 'corrective actions', 'corrective and preventive actions',
    'corrective and preventative actions', 'corrective and preventative measures', 'corrective and preventive measures',
    'corrective measures', 'preventive measures', 'preventative measures', 'preventive actions', 'preventative actions',
    'preventing recurrence', 'prevention', 'next steps', 'action plan', 'action points', 'action point', 'actions planned',
    'action planned', 'actions taken', 'action taken', 'todo', 'to do', 'future improvements',
    'improvements', 'what is being done about this', 'what are we doing about this', 'what we are doing about this',
    'what we re doing about it', 'what will we change', 'follow up work', 'future work',
  ],
  'lessons-learned': [
    'lessons learned', 'lessons', 'learnings', 'what we learned', 'takeaways', 'key takeaways', 'lessons learnt',
    'potential learnings', 'how d we do',
  ],
  leadup: ['leadup', 'lead up', 'lead up to the incident', 'events leading up', 'events leading up to the incident'],
  fault: ['fault', 'the fault', 'fault description', 'failure mode'],
  detection: ['detection', 'how it was detected', 'how was it detected', 'detection and response', 'how we noticed'],
  resolution: [
    'resolution', 'mitigation', 'recovery', 'resolution and recovery', 'mitigation and resolution', 'response', 'incident response',
    'response and recovery', 'how it was fixed', 'solving', 'solution', 'fix', 'the fix', 'workaround', 'restoration',
  ],
  'what-went-well': ['what went well', 'things that went well', 'went well', 'what worked', 'what worked well', 'what went right'],
  'what-went-wrong': [
    'what went wrong', 'things that went wrong', 'went wrong', 'what went poorly', 'what didn t go well', 'what didn t go so well',
    'what did not go well', 'what didn t work', 'what did not work', 'what could have gone better', 'what could have been better',
    'what could be improved', 'things that could have gone better',
  ],
  'where-we-got-lucky': ['where we got lucky', 'where we were lucky', 'lucky'],
};

/**
 * Wordings whose kind depends on what the section holds. `Mitigations` and `Recovery actions`
 * that list work are follow-ups (done or not), else they tell how the incident ended; `Looking
 * forward` is follow-ups only as a list. A `Conclusion` is the root cause when it states a cause
 * (`This was caused by two factors`), and otherwise a closing remark.
 */
type KindByContent = (sample: SectionSample) => SectionKind | undefined;
const listsWork: KindByContent = (s) => (s.hasList ? 'action-items' : 'resolution');
const listsFollowUps: KindByContent = (s) => (s.hasList ? 'action-items' : undefined);
const statesCause: KindByContent = (s) => (s.statesCause ? 'root-cause' : undefined);
const CONDITIONAL: ReadonlyMap<string, KindByContent> = new Map([
  ['mitigations', listsWork], ['recovery actions', listsWork], ['mitigation actions', listsWork],
  ['looking forward', listsFollowUps], ['moving forward', listsFollowUps], ['going forward', listsFollowUps],
  ['conclusion', statesCause], ['conclusions', statesCause],
]);

/** What a section holds, for the wordings whose kind depends on it. */
export interface SectionSample {
  /** A list or a table anywhere under the heading. */
  hasList: boolean;
  /** A sentence that names a cause: `was caused by`, `the root cause is`. */
  statesCause: boolean;
}

/** Kinds that are a stage of the incident: under a timeline they are its phases, under action items their categories. */
const PHASE_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'impact', 'detection', 'resolution', 'trigger', 'leadup', 'fault']);

/**
 * Kinds a heading cannot take under a section of the given kind: there it names a part of that
 * section (`### Detection` under Action items is the detection follow-ups, `## What happened?`
 * under a root-cause analysis is part of the analysis).
 */
const CONTAINED: Partial<Record<SectionKind, ReadonlySet<SectionKind>>> = {
  timeline: PHASE_KINDS,
  'action-items': PHASE_KINDS,
  'root-cause': new Set(['summary']),
};

/** Kinds read first when a heading names two (`Lessons learned and future improvements`): they have block readers. */
const READ_FIRST: readonly SectionKind[] = ['timeline', 'action-items'];

const EXACT = new Map<string, SectionKind>();
for (const [kind, words] of Object.entries(SECTION_SYNONYMS) as Array<[SectionKind, string[]]>) {
  for (const w of words) EXACT.set(w, kind);
}
/**
 * Multi-word wordings, longest first, so `root cause analysis` wins over `root cause`. Single words
 * (`response`, `analysis`) only match a whole heading: as prefixes they would catch unrelated ones.
 */
const PREFIXES = [...EXACT.keys()].filter((w) => w.includes(' ')).sort((a, b) => b.length - a.length);

/** Words that qualify a section name without changing it: `Issue summary`, `Incident impact`, `The fault`. */
const QUALIFIERS = new Set(['incident', 'issue', 'outage', 'the', 'our', 'detailed', 'brief', 'short', 'key', 'final', 'overall', 'technical', 'postmortem']);

/** Single words that end a heading naming that section: `Severity and impact`, `Customer data impact`. */
const SUFFIX_WORDS: ReadonlyMap<string, SectionKind> = new Map([['impact', 'impact'], ['summary', 'summary']]);

/** `timeline 07 27 2023`, `follow up timeline`: a heading that starts or ends with the word. */
const TIMELINE_WORDING = /^timeline (?=[^\n]{0,200}?(?:\d|\btimes?\b|\butc\b|\bgmt\b))|^(?:[a-z]+ ){0,2}timeline$/;

/** `Impact on LPs`, `Summary of the incident`, `Cause of the outage`: a section word and what it is about. */
const ABOUT_WORDING = /^(summary|overview|impact|resolution|detection|remediation|recovery|mitigation|triggers?|causes?|root causes?) (?:of|on|to|for|during|from|in|across|at) /;

/** `Impacted slots`, `Affected crates`: what the incident hit, named in a heading of two or three words. */
const AFFECTED_WORDING = /^(?:impacted|affected) [a-z]+(?: [a-z]+)?$/;

/**
 * `Why did all this happen in such a short time?`, `How did this happen`: a question about why or
 * how it came about is a root-cause analysis.
 */
const WHY_WORDING = /^(?:why (?:did|does|do|was|were|is|are) (?:[a-z]+ ){0,6}|how (?:did|could|does|can) (?:this|it|that|the [a-z]+) )(?:happen|happened|occur|fail|break|go wrong)\b/;

/** `What was the impact identified?`, `Who was impacted`: a question about the impact. */
const IMPACT_QUESTION = /^(?:what (?:was|were|is|are) the impacts?\b|who (?:was|were) (?:impacted|affected)\b|what (?:was|were) (?:impacted|affected)\b)/;

/** Section numbering before a heading's words: `3.2 The flaws`, `6. Impact on LPs`, `IV. Timeline`. */
const SECTION_NUMBER = /^\s*(?:\d{1,3}(?:\.\d{1,3}){0,3}\.?|[IVXivx]{1,4}\.|[A-Ha-h][.)])\s+(?=\S)/;

/** A heading's words, normalised, without its numbering. */
function labelOf(heading: string): string {
  const label = normalizeLabel(heading);
  if (EXACT.has(label)) return label; // `5 Whys` is a name, not a numbered heading
  return normalizeLabel(heading.replace(SECTION_NUMBER, ''));
}

/** The label without leading qualifier words (at most two). */
function unqualified(label: string): string {
  const words = label.split(' ');
  let i = 0;
  while (i < 2 && i < words.length - 1 && QUALIFIERS.has(words[i]!)) i++;
  return words.slice(i).join(' ');
}

interface Match {
  kind: SectionKind;
  /** The whole heading is a known wording (after numbering and qualifiers). */
  exact: boolean;
}

/** The kind one wording names, exactly or by its shape, or undefined. */
function matchWording(label: string, sample: (() => SectionSample) | undefined): Match | undefined {
  const bare = unqualified(label);
  for (const l of [label, bare]) {
    const exact = EXACT.get(l);
    if (exact) return { kind: exact, exact: true };
    const conditional = CONDITIONAL.get(l);
    if (conditional) {
      const kind = sample ? conditional(sample()) : undefined;
      return kind ? { kind, exact: true } : undefined;
    }
  }
  // A timeline heading often carries its zone and dates (`Timeline (all times PST) 07/27/2023 -
  // 07/31/2023`) or says which part of the incident it covers (`Follow-up timeline`, not follow-ups).
  if (TIMELINE_WORDING.test(label)) return { kind: 'timeline', exact: false };
  if (WHY_WORDING.test(label)) return { kind: 'root-cause', exact: false };
  if (IMPACT_QUESTION.test(label)) return { kind: 'impact', exact: false };
  if (AFFECTED_WORDING.test(label)) return { kind: 'impact', exact: false };
  for (const l of [label, bare]) {
    for (const w of PREFIXES) {
      if (l.startsWith(`${w} `)) return { kind: EXACT.get(w)!, exact: false };
    }
  }
  const about = ABOUT_WORDING.exec(bare);
  if (about) return { kind: EXACT.get(about[1]!) ?? EXACT.get(`${about[1]!.replace(/s$/, '')}`)!, exact: false };
  return suffixMatch(label);
}

/** `Customer data impact`, `Post-incident action items`: a short heading that ends with a section's name. */
function suffixMatch(label: string): Match | undefined {
  const words = label.split(' ');
  if (words.length < 2 || words.length > 6) return undefined;
  const last = SUFFIX_WORDS.get(words[words.length - 1]!);
  if (last) return { kind: last, exact: false };
  for (const w of PREFIXES) {
    if (label.endsWith(` ${w}`) && words.length <= w.split(' ').length + 3) return { kind: EXACT.get(w)!, exact: false };
  }
  return undefined;
}

/** Options of {@link sectionKindsOf}. */
export interface KindOptions {
  /** What the section holds, computed only when a wording depends on it. */
  sample?: () => SectionSample;
  /** The kind of the recognised section the heading is nested in. */
  within?: SectionKind | undefined;
  /**
   * The heading is the document's title (its first heading, level 1): only a whole section name
   * makes it a section (`# Summary`), never a name inside it (`# Ragged action items`), or every
   * block of the document would be read as that section.
   */
  title?: boolean;
}

/**
 * Every kind a heading names, the one its blocks are read as first: `Root cause and contributing
 * factors` is both, `Lessons learned and future improvements` is action items and lessons. Under a
 * timeline only an exact section name counts (`### 14:08 Root cause found` is an entry), and phase
 * names there and under action items are parts of that section (see CONTAINED).
 */
export function sectionKindsOf(heading: string, options: KindOptions = {}): SectionKind[] {
  const label = labelOf(heading);
  if (label === '') return [];
  const whole = matchWording(label, options.sample);
  let kinds: Match[] = whole ? [whole] : [];
  const parts = label.split(' and ');
  // `Severity and impact` is one section named by its last word; `Root cause and contributing
  // factors` names two: both parts must be section names for the heading to name several.
  if (parts.length > 1 && parts.length <= 3 && !whole?.exact) {
    const each = parts.map((p) => matchWording(p, options.sample));
    if (each.every((m) => m !== undefined)) kinds = unique(each as Match[]);
  }
  const within = options.within;
  if (options.title) kinds = kinds.filter((m) => m.exact || (m.kind === 'timeline' && label.startsWith('timeline')));
  if (within === 'timeline') kinds = kinds.filter((m) => m.kind === 'timeline' || m.exact);
  const contained = within ? CONTAINED[within] : undefined;
  if (contained) kinds = kinds.filter((m) => !contained.has(m.kind));
  const out = kinds.map((m) => m.kind);
  const first = out.find((k) => READ_FIRST.includes(k));
  return first ? [first, ...out.filter((k) => k !== first)] : out;
}

function unique(matches: Match[]): Match[] {
  return matches.filter((m, i) => matches.findIndex((o) => o.kind === m.kind) === i);
}

/**
 * The kind of section a heading names, or undefined. Matches the whole heading first, then a
 * heading that starts with a known wording (`Root cause and contributing factors`) or names a
 * section and what it is about (`Impact on LPs`). Wordings whose kind depends on the section's
 * content (`Conclusion`) need {@link sectionKindsOf} with a sample.
 */
export function sectionKindOf(heading: string): SectionKind | undefined {
  return sectionKindsOf(heading)[0];
}

/** Whether a section is of a kind, as its main kind or one its heading also names. */
export function hasKind(section: Section, kind: SectionKind): boolean {
  return section.kind === kind || (section.also?.includes(kind) ?? false);
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

/** The first section of a kind (main or also named), anywhere in the tree. */
export function findSection(sections: readonly Section[], kind: SectionKind): Section | undefined {
  return allSections(sections).find((s) => hasKind(s, kind));
}

/**
 * Kinds whose content another kind also gives, for a required section: PagerDuty's template calls
 * its causal analysis "Contributing factors" where Google's says "Root causes"; the SRE book's
 * "Lessons learned" is written as What went well, What went wrong and Where we got lucky.
 */
export const SATISFIED_BY: Partial<Record<SectionKind, readonly SectionKind[]>> = {
  'root-cause': ['contributing-factors'],
  'contributing-factors': ['root-cause'],
  'lessons-learned': ['what-went-well', 'what-went-wrong', 'where-we-got-lucky'],
};

/** The heading and starting text `section-missing`'s quick fix inserts for a kind; the parser reads the text as template text. */
export const SECTION_SKELETONS: Record<SectionKind, [title: string, body: string]> = {
  summary: ['Summary', 'What happened, for how long, and how it was fixed, in two or three sentences.'],
  impact: ['Impact', '- Who was affected, and how many:\n- For how long:\n- What they could not do:'],
  timeline: ['Timeline (all times UTC)', '- **HH:MM** — What happened (who)'],
  'root-cause': ['Root cause', 'Why did …?\n→ …\n\nWhy …?\n→ …'],
  trigger: ['Trigger', 'What set the incident off.'],
  'contributing-factors': ['Contributing factors', '- '],
  'action-items': ['Action items', '| Priority | Action | Owner | Deadline |\n| -------- | ------ | ----- | -------- |\n| P1 | | | |'],
  'lessons-learned': ['Lessons learned', '- '],
  leadup: ['Leadup', 'The changes and conditions that led up to the incident.'],
  fault: ['Fault', 'What failed, and how it showed.'],
  detection: ['Detection', 'How the incident was noticed, and how long that took.'],
  resolution: ['Resolution', 'What stopped the impact, and what confirmed it.'],
  'what-went-well': ['What went well', '- '],
  'what-went-wrong': ['What went wrong', '- '],
  'where-we-got-lucky': ['Where we got lucky', '- '],
};

/** Where a document says what a required section would: headings and field sections of the kind or one that gives its content. */
export interface SectionPresence {
  /** Headings of the kind (in document order), with or without content. */
  headings: Section[];
  /** Field sections of the kind: labels, and the intro where no heading names the kind. */
  fields: FieldSection[];
  /** Whether any of them holds more than template text. */
  written: boolean;
}

/** How a document gives a section of `kind`, counting the kinds in {@link SATISFIED_BY}. */
export function sectionPresence(pm: Postmortem, kind: SectionKind): SectionPresence {
  const kinds = [kind, ...(SATISFIED_BY[kind] ?? [])];
  const headings = allSections(pm.sections).filter((s) => kinds.some((k) => hasKind(s, k)));
  // The intro stands in for a summary only where no heading names one.
  const fields = pm.fieldSections.filter((f) => kinds.includes(f.kind) && (f.form === 'label' || headings.length === 0));
  // Timed events read under date headings or a label also make a timeline, wherever its heading is.
  const written = headings.some((s) => s.content === 'text') || fields.some((f) => f.content === 'text') || (kind === 'timeline' && pm.timeline.events.some((e) => e.time !== undefined))
    // Action items read under a label or a lead-in (`Some possible actions in the future:`) are the section's content.
    || (kind === 'action-items' && pm.actionItems.some((i) => i.action.text !== '' && !isPlaceholderText(i.action.text)));
  return { headings, fields, written };
}
