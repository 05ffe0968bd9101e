/**
 * Milestone vocabulary: the kinds of moments an incident timeline marks, how they are named in
 * display text, the explicit markers authors write (`[detected]`) and the keywords that imply them.
 */
import type { MilestoneKind, MilestoneRef } from '../model';
import { plainInline } from '../text';

/** Milestone kinds in the order an incident usually passes them. */
export const MILESTONE_KINDS: readonly MilestoneKind[] = ['trigger', 'impact', 'detected', 'acknowledged', 'mitigated', 'resolved'];

/**
 * Display label of every point a metric can be measured from or to: used in panel cards, hovers
 * and rule messages (`from start of impact (line 12) to detection (line 14)`).
 */
export const MILESTONE_LABELS: Readonly<Record<MilestoneRef['kind'], string>> = {
  'first-event': 'first event',
  trigger: 'trigger',
  impact: 'start of impact',
  declared: 'declaration',
  detected: 'detection',
  acknowledged: 'acknowledgement',
  mitigated: 'first mitigation',
  'impact-end': 'end of impact',
  resolved: 'resolution',
  'last-event': 'last event',
};

/** The display label of a milestone point (see {@link MILESTONE_LABELS}). */
export function milestoneLabel(kind: MilestoneRef['kind']): string {
  return MILESTONE_LABELS[kind];
}

/**
 * Words that mark an event explicitly when written in brackets (`[detected]`) or as a bold
 * all-caps phrase (`**OUTAGE BEGINS**`), compared without regard to case. Exported so a generator
 * can put them in the TextMate grammar.
 */
export const MILESTONE_MARKERS: Readonly<Record<MilestoneKind, readonly string[]>> = {
  trigger: ['start', 'started', 'trigger', 'triggered', 'cause'],
  impact: ['impact', 'impact start', 'impact begins', 'outage begins', 'outage start', 'incident begins', 'incident start', 'begin', 'begins'],
  detected: ['detect', 'detected', 'detection', 'alert', 'alerted', 'paged'],
  acknowledged: ['ack', 'acked', 'acknowledge', 'acknowledged'],
  mitigated: ['mitigate', 'mitigated', 'mitigation', 'outage mitigated', 'impact end', 'impact ends', 'recovered', 'recovery'],
  resolved: ['resolve', 'resolved', 'resolution', 'outage ends', 'outage ended', 'incident ends', 'incident resolved', 'closed', 'end', 'all clear'],
};

const MARKER_KIND = new Map<string, MilestoneKind>();
for (const kind of MILESTONE_KINDS) {
  for (const word of MILESTONE_MARKERS[kind]) if (!MARKER_KIND.has(word)) MARKER_KIND.set(word, kind);
}

/** The milestone an explicit marker word names (`detected`, `Outage begins`), ASCII case ignored. */
export function explicitMarker(word: string): MilestoneKind | undefined {
  return MARKER_KIND.get(word.trim().replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

/** Explicit markers: `[detected]`, `(mitigated)` at the end, or a bold all-caps phrase such as `**OUTAGE BEGINS**`. */
const BRACKET_MARKER = /\[([A-Za-z][A-Za-z ]{1,24})\]|(?:\*\*|__)([A-Z][A-Z ]{2,30}[A-Z])(?:\*\*|__)/g;

/** Wordings that imply a milestone, tried in this order on the lowercased event text. */
const KEYWORDS: Array<[RegExp, MilestoneKind]> = [
  [/\bincident\b[^.;]{0,40}\b(?:resolved|closed|over|ended)\b|\b(?:declares?|declared|marks?|marked|considered)\b[^.;]{0,30}\b(?:resolved|closed)\b|^resolved\b|\ball[- ]clear\b|\bclos(?:e|es|ed|ing) (?:the |out the )?incident\b|\bfully (?:resolved|recovered)\b/, 'resolved'],
  [/\broll(?:s|ed|ing)? ?back\b|\brollback\b|\brevert(?:s|ed|ing)?\b|\bfail(?:s|ed|ing)? ?over\b|\bfailover\b|\b(?:fix|hotfix|patch)\b[^.;]{0,20}\b(?:deployed|applied|rolled out|shipped)\b|\bdeploy(?:s|ed)? (?:a |the )?(?:fix|hotfix|patch)\b|\bmitigat\w*|\brestor(?:e|es|ed|ing)\b|\brecover(?:s|ed|y)\b|\b(?:back|returns?|returned|recovers?) to (?:normal|baseline)\b|\bscal(?:es|ed) (?:up|out)\b|\brestart(?:s|ed)\b|\bdisabl(?:es|ed) (?:the )?(?:feature|flag|job)|\bdrain(?:s|ed)\b|\bblock(?:s|ed) (?:the )?traffic\b/, 'mitigated'],
  [/\backnowledg(?:e|es|ed|ing)\b|\back(?:s|ed|'d)\b/, 'acknowledged'],
  [/\balert(?:s|ed|ing)?\b|(?<!status )\bpag(?:e|es|ed|ing)\b|\bfires?\b|\bfired\b|\bdetect(?:s|ed|ion)?\b|\bnotic(?:es|ed)\b|\bmonitoring\b|\bcustomers? reports?\b|\breported by\b|\bsupport ticket\b/, 'detected'],
  [/\berror rate (?:rises|rose|spikes|spiked|increases|increased|climbs|climbed|jumps|jumped)\b|\berrors? (?:begin|began|start|started|spike|spiked)\b|\b(?:users?|customers?) (?:begin|began|start|started|unable|cannot|can't)\b|\b(?:outage|impact|degradation) (?:begins|began|starts|started)\b|\blatency (?:rises|rose|spikes|spiked|increases|increased)\b|\b(?:goes|went|is) down\b|\bunavailable\b/, 'impact'],
  [/\bdeploy(?:ed|s|ment)? (?:of|to)\b|\breaches production\b|\brolled out\b|\brollout of\b|\b(?:config(?:uration)?|dns|schema) change\b|\bchange (?:is )?(?:applied|pushed|merged)\b|\bmigration (?:runs|ran|starts|started|begins)\b|\bpushed to production\b|\bis released\b|\bcertificate expire[sd]\b/, 'trigger'],
];

/**
 * The milestone an event marks: an explicit marker wins over keywords. The actor counts as part of
 * the text for keywords, so `Monitoring: error rate rises` reads as a detection. `markerSpans` are
 * the bracketed markers to cut from the displayed text.
 */
export function classifyEvent(text: string, actor?: string): { kind: MilestoneKind | undefined; explicit: boolean; markerSpans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let explicit: MilestoneKind | undefined;
  BRACKET_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKET_MARKER.exec(text))) {
    const kind = explicitMarker(m[1] ?? m[2]!);
    if (kind) {
      explicit ??= kind;
      if (m[1] !== undefined) spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (explicit) return { kind: explicit, explicit: true, markerSpans: spans };
  const lower = plainInline(actor ? `${actor}: ${text}` : text).toLowerCase();
  for (const [re, kind] of KEYWORDS) {
    if (re.test(lower)) return { kind, explicit: false, markerSpans: spans };
  }
  return { kind: undefined, explicit: false, markerSpans: spans };
}

/** `Incident declared`, `declares a SEV-2`, `IC declares an incident` (but not `declares the incident resolved`). */
const DECLARED = /\b(?:incident|sev[- ]?\d|outage)\b[^.;]{0,20}\bdeclared\b|\bdeclar(?:e|es|ed|ing)\b[^.;]{0,20}\b(?:an? |the )?(?:incident|sev[- ]?\d|outage|major incident)\b(?![^.;]{0,30}\b(?:resolved|over|closed|ended)\b)/i;

/** Whether an event's text declares the incident (the `declared` start point). */
export function isDeclaration(text: string): boolean {
  return DECLARED.test(text);
}
