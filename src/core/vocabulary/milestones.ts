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
  impact: ['impact', 'impact start', 'impact begins', 'outage begins', 'outage start', 'incident begins', 'incident start', 'begin', 'begins', 'start of outage', 'start of incident', 'start of impact'],
  detected: ['detect', 'detected', 'detection', 'alert', 'alerted', 'paged'],
  acknowledged: ['ack', 'acked', 'acknowledge', 'acknowledged'],
  mitigated: ['mitigate', 'mitigated', 'mitigation', 'outage mitigated', 'impact end', 'impact ends', 'recovered', 'recovery'],
  resolved: ['resolve', 'resolved', 'resolution', 'outage ends', 'outage ended', 'incident ends', 'incident resolved', 'closed', 'end', 'all clear', 'end of outage', 'end of incident', 'end of impact'],
};

const MARKER_KIND = new Map<string, MilestoneKind>();
for (const kind of MILESTONE_KINDS) {
  for (const word of MILESTONE_MARKERS[kind]) if (!MARKER_KIND.has(word)) MARKER_KIND.set(word, kind);
}

/** The milestone an explicit marker word names (`detected`, `Outage begins`), ASCII case ignored. */
export function explicitMarker(word: string): MilestoneKind | undefined {
  return MARKER_KIND.get(word.trim().replace(/[A-Z]/g, (c) => c.toLowerCase()));
}

/**
 * Explicit markers: `[detected]`, `(mitigated)` at the end, a bold all-caps phrase such as
 * `**OUTAGE BEGINS**`, or an all-caps phrase in angle brackets, as written or escaped
 * (`<END OF OUTAGE>`, `&lt;START OF OUTAGE&gt;`, `\<END OF OUTAGE>`).
 */
const BRACKET_MARKER = /\[([A-Za-z][A-Za-z ]{1,24})\]|(?:\*\*|__)([A-Z][A-Z ]{2,30}[A-Z])(?:\*\*|__)|(?:<|&lt;)([A-Z][A-Z ]{2,30}[A-Z])(?:>|&gt;)/g;

/**
 * How wordings become milestones. A milestone is what the sentence says happened to the incident,
 * not any occurrence of a keyword, so each wording (a cue) is weighed in its sentence:
 *
 * - Negation or purpose before it cancels any cue: "no alert fired", "adds monitoring to detect
 *   failures", "to roll back".
 * - An action (a mitigation or a resolution) must be said to have taken effect. Intent, an attempt
 *   or a start before it ("creates a PR to roll back", "proposes a rollback", "decides to",
 *   "attempted to restart", "started the process of reverting"), a start or a pending state right
 *   after it ("revert begins", "rollback PR opened") or a failure later in the sentence ("rollback
 *   fails", "restarts the hub but it failed") cancel it. Past and present tense count ("rolls back",
 *   "rolled back", "manually rolls back prow"), and so does merging or deploying the rollback
 *   ("merges the rollback PR"): that is the rollback taking effect. "Begins rolling back" does not.
 * - A detection is an alert or page (an alert fires, someone is paged), a report of the problem (a
 *   customer or user reports it, "reported by", the first reports, a ticket comes in), or a
 *   detection verb (detects, notices, spots, discovers, observes, realises) in a sentence that names
 *   a problem: errors, failures, an outage, an issue, a stall, latency, an anomaly, something down or
 *   not working. A monitoring system that states a problem ("Monitoring: error rate rises") is a
 *   detection too. So a system's routine detection of something that is not a problem ("the config
 *   checker detects drift", "the load balancer detects the new pods as healthy") is not one, and
 *   neither is a status page update.
 * - "Back to normal" is resolution (normal service is back); a measurement "back to baseline" is
 *   mitigation (the impact has ended, the incident may still be open).
 *
 * A false milestone costs more than a missed one (it moves every metric), so cues are narrow; an
 * author can always mark an event explicitly with `[mitigated]`.
 */
interface Cue {
  /** The wording, matched in one lowercased sentence; global, so every occurrence is weighed. */
  re: RegExp;
  /** The sentence must also say one of these, e.g. name a problem for a detection verb. */
  needs?: readonly RegExp[];
  /** An action: it counts only when the sentence says it took effect. */
  action?: boolean;
}

/** A problem the incident is about, for detection verbs and reports that need one. */
const PROBLEM = /\b(?:errors?|erroring|fail(?:s|ed|ing|ures?)?(?! ?over\b)|outages?|downtime|down|issues?|problems?|stall(?:s|ed|ing)?|stuck|hang(?:s|ing)?|hung|frozen|latency|slow(?:ness|down|er)?|timeouts?|timing out|timed out|anomal\w{0,10}|spikes?|spiked|spiking|dips?|dropp(?:ed|ing)|drops? in|degrad\w{0,10}|broken|block(?:s|ed|ing)|crash\w{0,20}|unavailable|unreachable|unresponsive|unhealthy|oom\w{0,10}|out of memory|no space|disk (?:is )?full|full disk|missing|exhaust\w{0,10}|leak\w{0,10}|lag|backlog|wrong|amiss|vulnerab\w{0,10}|compromis\w{0,5}|exploit\w{0,5}|injection|breach\w{0,5}|unauthori[sz]ed|5\d\ds|5xxs?|http 5\d\d|5\d\d (?:errors?|responses?|status(?:es)?|codes?))\b|\bsomething (?:\S{1,20} )?(?:up|off)\b|\bnot (?:working|responding|loading|moving|synced|syncing|progressing|processed|processing|reachable|accessible|available|starting|running|launching|updating|being \w{1,20})\b|\b(?:cannot|can't|can not|could not|couldn't|unable to) (?:access|reach|connect|log ?in|load|start|launch|open|use|sign in)\b|\bhas(?:n't| not) (?:moved|progressed|updated|changed)\b/;

/** Who reports a problem from outside the team, for a ticket that needs a reporter. */
const REPORTER = /\b(?:customers?|users?|user's|clients?|partners?|support)\b/;

/** Cues of each milestone kind. */
const CUES: Readonly<Record<MilestoneKind, readonly Cue[]>> = {
  resolved: [
    { re: /\b(?:incident|outage|issue|problem|sev ?\d)\b(?: \S{1,40}){0,4}? (?:resolved|closed|ended|ends|(?:is|was) over)\b/g, action: true },
    { re: /\b(?:declar|mark|consider)\w{0,5}(?: \S{1,40}){0,3}? (?:resolved|closed)\b/g, action: true },
    { re: /^resolved\b/g, action: true },
    { re: /\ball[- ]clear\b/g, action: true },
    { re: /\bclos(?:e|es|ed) (?:out )?(?:the |this )?(?:incident|outage)\b/g, action: true },
    { re: /\bfully (?:resolved|recovered|restored)\b/g, action: true },
    { re: /\b(?:back|returns?|returned) to normal\b/g, action: true },
    { re: /\bresolv(?:e|es|ed) (?:the |this )?(?:\S{1,40} )?(?:incident|outage|issue)\b/g, action: true },
    { re: /\bresolution (?:is |was |has been )?(?:confirmed|complete|completed|declared|reached)\b/g, action: true },
    { re: /\b(?:outage|incident|downtime) (?:\S{1,20} )?to an end\b/g, action: true },
    // "Status page is set to resolved", "ticket moved to closed".
    { re: /\b(?:set|changed|moved|updated|switched)(?: \S{1,40}){0,2}? (?:to|as) (?:resolved|closed)\b/g, action: true },
    { re: /\ball (?:systems|services)\b(?: \S{1,40}){0,2}? (?:operational|healthy|nominal|green)\b/g, action: true },
    { re: /\b(?:verified|confirmed) (?:as |to be )?(?:fixed|resolved)\b/g, action: true },
  ],
  mitigated: [
    { re: /\broll(?:s|ed)?(?: (?!out\b)\S{1,40}){0,3}? back\b/g, action: true },
    { re: /\b(?:rollback|roll-back|revert)s?\b(?: \S{1,40}){0,2}? (?:is |was |has been |gets |got )?(?:complete|completed|done|finished|succeeded|succeeds|successful|deployed|applied|merged|live|in place|took effect|takes effect)\b/g, action: true },
    { re: /\b(?:merg|deploy|appl|ship|push|execut|perform|complet|finish)\w{0,5} (?:the |a |an |our )?(?:\S{1,40} )?(?:rollback|roll-back|revert)\b/g, action: true },
    { re: /\brevert(?:s|ed)?\b(?! (?:pr|pull request|mr)s?\b)/g, action: true },
    { re: /\bfail(?:s|ed)? ?over\b|\bfailover\b/g, action: true },
    { re: /\b(?:fix|fixes|hotfix|hot-fix|hot fix|patch|patches)\b(?: \S{1,40}){0,3}? (?:is |was |has been |gets |got )?(?:deployed|applied|rolled out|shipped|released|live|in place)\b/g, action: true },
    { re: /\b(?:deploy(?:s|ed)?|ship(?:s|ped)?|roll(?:s|ed)? out|appl(?:y|ies|ied)|push(?:es|ed)?) (?:the |a |an |our )?(?:\S{1,40} )?(?:fix|fixed|hotfix|hot fix|patch)\b/g, action: true },
    { re: /\bmitigat(?:es|ed)\b|\bmitigation (?:is |was |has been )?(?:applied|deployed|in place|complete|completed|live)\b/g, action: true },
    // "Released v1.10.8 containing the fix", "Fix lands".
    { re: /\breleas(?:e|es|ed)\b(?: \S{1,40}){0,3}? (?:containing|with|including|that contains|which contains) (?:the |a )?(?:fix|hotfix|patch)\b/g, action: true },
    { re: /\b(?:fix|hotfix|patch)(?:es)? (?:lands|landed)\b/g, action: true },
    { re: /\bimpact (?:ends|ended|is over|was over)\b/g, action: true },
    { re: /\brestor(?:es|ed)\b/g, action: true },
    { re: /\brecover(?:s|ed)\b|\brecovery (?:is |was )?(?:complete|completed)\b/g, action: true },
    { re: /\b(?:back|returns?|returned) to baseline\b/g, action: true },
    { re: /\bscal(?:es|ed) (?:\S{1,40} ){0,3}?(?:up|out)\b|\bscal(?:es|ed) (?:\S{1,40} ){0,2}?(?:from \d+ )?to \d/g, action: true },
    // Someone restarts something; a thing that restarts by itself ("node 3 restarts and drops its keys") is not a mitigation.
    { re: /\brestart(?:s|ed) (?!and\b|itself\b|unexpectedly\b|again\b|repeatedly\b|on its own\b|in a loop\b|due\b|because\b|after\b|when\b|by\b|loop)(?=[a-z@])|\b(?:is|was|were|are|been|gets?|got) restarted\b/g, action: true },
    { re: /\bdisabl(?:es|ed) (?:the )?(?:\S{1,40} )?(?:feature|flag|job|cron)\b/g, action: true },
    { re: /\b(?:drain(?:s|ed)|block(?:s|ed)|shift(?:s|ed)|reroute(?:s|d)) (?:the |all )?(?:\S{1,40} )?traffic\b|\btraffic (?:is |was )?(?:drained|blocked|shifted|rerouted)\b/g, action: true },
  ],
  acknowledged: [
    // "acknowledges that they would like to…" is an admission, not an acknowledgement.
    { re: /\backnowledg(?:e|es|ed)\b(?! that\b)|\back(?:s|ed|'d)\b/g },
  ],
  detected: [
    { re: /\b(?:alerts?|alarms?|alerting|monitors?)\b(?: \S{1,40}){0,3}? (?:fire|fires|fired|firing|go off|goes off|went off|trigger|triggers|triggered|trips|tripped|sounds|sounded)\b/g },
    { re: /\b(?:fires|fired|raises|raised|triggers|triggered|sends|sent|receives|received|gets|got|issues|issued)(?: \S{1,40}){0,3}? (?:alerts?|alarms?)\b/g },
    // Responders answering alerts say the alerts fired.
    { re: /\brespond(?:s|ed|ing)? to (?:the |an? )?(?:\S{1,40} )?(?:alerts?|alarms?|pages?)\b/g },
    { re: /\bpaged\b|\bpages (?:the |an? |our )?(?:on-?call|oncall|primary|secondary|engineers?|sre|team|responders?|incident commander|security|support|ops|operations)\b|\b(?:alerts?|alarms?|alerting|alertmanager|pagerduty|opsgenie|monitoring)(?: \S{1,40}){0,2}? pages\b/g },
    { re: /\balert(?:s|ed|ing) (?:the |an? |our )?(?:on-?call|oncall|primary|secondary|engineers?|sre|team|us|responders?|ops|operators?)\b|\b(?:is|was|were|are|been|gets?|got) alerted\b/g },
    { re: /\b(?:customers?|users?|clients?|partners?|merchants?|tenants?)\b(?: \S{1,40}){0,2}? (?:report|reports|reported|reporting|complain\w{0,4}|contact(?:s|ed)?|reach(?:es|ed)? out|open(?:s|ed)? (?:a |an )?(?:support )?ticket)\b/g },
    { re: /\breported by\b|^(?:the )?(?:first|initial) reports?$/g },
    // "Automated warning from AWS that the load balancer cannot scale".
    { re: /\b(?:automated|automatic) (?:warning|alert|alarm|notification|email)s?\b/g },
    // A security report: "submitted a bounty report", "a bugcrowd report detailing the compromise".
    { re: /\b(?:bug ?bounty|bounty|bugcrowd|hackerone|security|vulnerability|disclosure) (?:\S{1,40} )?reports?\b/g },
    // "First reports of users seeing errors", but not "admins post an initial report to the blog".
    { re: /\b(?:first|initial|incoming|another|early|earliest|multiple|several|more|new) (?:\S{1,40} )?reports?\b/g, needs: [PROBLEM, REPORTER] },
    { re: /\b(?<!incident |post-?mortem |status |final |detailed |written |rca |cause )report(?:s|ed|ing)?\b/g, needs: [PROBLEM] },
    { re: /\b(?:support )?tickets?\b(?: \S{1,40}){0,4}? (?:is |was |gets |got )?(?:opened|filed|raised|submitted|received|comes in|came in|arrives|arrived)\b(?! with\b)/g, needs: [PROBLEM, REPORTER] },
    { re: /\b(?:detect(?:s|ed)?|notic(?:e|es|ed|ing)|spot(?:s|ted)|discover(?:s|ed)|observ(?:e|es|ed)|reali[sz](?:e|es|ed))\b/g, needs: [PROBLEM] },
    // A monitoring system, as the actor or the subject, that states a problem.
    { re: /^(?:the |an? |our )?(?:monitoring|monitors?|alerting|alertmanager|pagerduty|opsgenie|datadog|grafana|prometheus|nagios|pingdom|sentry|cloudwatch|uptime (?:check|robot|monitor)s?|synthetics?|health ?checks?)\b/g, needs: [PROBLEM] },
  ],
  impact: [
    { re: /\b(?:errors?|error rates?|error ratio|5xxs?|5\d\ds|failures|timeouts|exceptions)\b(?: \S{1,40}){0,3}? (?:begin|begins|began|start|starts|started|appear|appears|appeared|spike|spikes|spiked|rise|rises|rose|climb|climbs|climbed|jump|jumps|jumped|increase|increases|increased|surge|surges|surged)\b/g },
    { re: /\b(?:begin|begins|began|start|starts|started)(?: to)? (?:fail|failing|error|erroring|time out|timing out|throw|throwing|reject|rejecting|crash|crashing|hang|hanging|stall|stalling|degrad\w{0,5}|flap\w{0,5}|return(?:ing)? (?:\S{1,20} )?(?:errors?|5\d\ds?|5xxs?|timeouts?|failures?))\b/g },
    { re: /\blatency\b(?: \S{1,40}){0,3}? (?:rises|rose|risen|spikes|spiked|increases|increased|climbs|climbed|jumps|jumped|grows|grew|degrades|degraded|doubles|doubled)\b/g },
    { re: /\b(?:outage|impact|degradation|disruption|downtime|incident)s? (?:begins|began|starts|started)\b/g },
    { re: /\b(?:users?|customers?|clients?|students|visitors)\b(?: \S{1,40}){0,2}? (?:are unable|were unable|unable|cannot|can't|can not|could not|couldn't|lose|lost|begin to see|start to see|start seeing|begin seeing)\b/g },
    { re: /\b(?:goes|went|is|are|was|were) (?:hard |completely |fully )?down\b(?! (?:to|by|from)\b| \d)|\b(?:goes|went) (?:offline|dark)\b|\b(?:becomes?|became|is|are|was|were|goes|went) (?:completely |fully )?(?:unavailable|unreachable|unresponsive)\b/g },
  ],
  trigger: [
    { re: /\bdeploy(?:ed|s|ment)? (?:of|to)\b|\breaches production\b|\brolled out\b|\brollout of\b|\b(?:config(?:uration)?|dns|schema) change\b|\bchange (?:is )?(?:applied|pushed|merged)\b|\bmigration (?:runs|ran|starts|started|begins)\b|\bpushed to production\b|\bis released\b|\bcertificate expire[sd]\b/g },
  ],
};

/** The order kinds are tried in: an event that says several things marks the latest stage it reaches. */
const PRECEDENCE: readonly MilestoneKind[] = ['resolved', 'mitigated', 'acknowledged', 'detected', 'impact', 'trigger'];

/** Where a clause ends: the cue's modality does not reach past these. */
const CLAUSE_BREAK = /[,;:()\u2014\u2013]| - | and | but | then | while | so /g;
/** Negation before a cue: "no alert fired", "did not roll back". */
const NEGATED = /\b(?:not|never|no|nobody|nothing|without|nor)\b|n't\b/;
/** Purpose right before a cue: "to roll back", "in order to restore". */
const PURPOSE = /\bto (?:[a-z]{1,20}ly )?$/;
/** A sentence that opens by denying: "No alerting configured for 429s, requiring customer reports". */
const DENIED = /^(?:no|none|never|without)\b/;
/**
 * Intent, an attempt, a start or a condition before an action: it has not happened yet. An
 * unintended action ("a pipeline unexpectedly reverts the changes") is part of the problem, not its
 * mitigation.
 */
const NOT_YET = /\b(?:attempt\w{0,3}|tr(?:y|ies|ied|ying)|decid\w{1,3}|plan(?:s|ned|ning)?|propos\w{1,3}|suggest\w{0,3}|consider\w{0,3}|discuss\w{0,3}|want\w{0,2}|would|will|shall|going to|about to|prepar\w{1,3}|draft\w{0,3}|initiat\w{1,3}|begin\w{0,4}|began|start(?:s|ed|ing)?|kick(?:s|ed)? off|ready to|need(?:s|ed)? to|should|must|could|may|might|almost|nearly|partially|await\w{0,3}|waiting|wait(?:s|ed)? for|ask(?:s|ed)?|request\w{0,3}|why|whether|if|once|until)\b|\b(?:creat|open|submit|rais|fil)\w{0,3} (?:a |an |the )?(?:pr|pull request|merge request|mr|change|patch|diff|ticket)\b|\b(?:unexpectedly|ungracefully|accidentally|inadvertently|mistakenly|erroneously|unintentionally)\b/;
/** Inside an action's own words: "is not resolved", "a fix is being deployed", "to be closed". */
const NOT_DONE = /\b(?:not|never|being|to be)\b|n't\b/;
/** Right after an action, in its clause: it is only starting or waiting ("revert begins", "rollback PR opened"). */
const PENDING = /\b(?:begins?|began|starts?|started|initiated|in progress|underway|pending|planned|proposed|requested|prepared|drafted|opened|created|submitted|up for review|queued|scheduled|blocked)\b/;
/** Later in an action's sentence: it did not work ("rollback fails", "…but it failed", "errors persist"). */
const FAILED = /\bfail(?:s|ed)?(?= *(?:$|[.,;:!)]|(?:to|with|because|due|again|too|as|and|but|on)\b))|\bunsuccessful\w{0,2}|\bdid(?: not|n't) (?:work|help|fix|resolve|succeed|complete|recover|improve|take effect|have (?:the|any) (?:intended )?effect|make a difference|change anything)|\b(?:does|do)(?: not|n't) (?:work|help|fix|seem to (?:help|work|fix))|\bno (?:effect|improvement)\b|\bwithout (?:effect|success|improvement)\b|\bto no avail\b|\bin vain\b|\bnot having the intended effect\b|\b(?:still|keeps?|kept) (?:\S{1,20} )?(?:fail\w{0,3}|crash\w{0,3}|error\w{0,3}|down|broken|unavailable|timing out|returning)\b|\bpersist(?:s|ed)?\b/;

const SOFT_WRAP = /(?<=[\p{L}\p{N},])[ \t]*\n[ \t]*(?=\p{Ll})/gu;
const SENTENCE_END = /[.!?;]+(?:\s+|$)|\s\|\s/;
const URL = /\bhttps?:\/\/\S{1,2000}/g;

/** The sentences of an event's text, lowercased, without Markdown, links or code marks. */
function sentences(text: string): string[] {
  return text
    // A line that goes on in lowercase continues the sentence above (a soft-wrapped paragraph).
    .replace(SOFT_WRAP, ' ')
    .split('\n')
    .flatMap((part) => plainInline(part).replace(URL, 'link').replace(/`/g, '').replace(/\u2019/g, "'").toLowerCase().split(SENTENCE_END))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where the clause that holds `index` starts. */
function clauseStart(sentence: string, index: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence)) && m.index < index) start = m.index + m[0].length;
  return start;
}

/** The rest of the clause after `index`. */
function clauseRest(sentence: string, index: number): string {
  CLAUSE_BREAK.lastIndex = index;
  const m = CLAUSE_BREAK.exec(sentence);
  return sentence.slice(index, m ? m.index : undefined);
}

/** Whether a sentence says what a cue says: some occurrence of it that nothing around cancels. */
function says(sentence: string, cue: Cue): boolean {
  if (DENIED.test(sentence) || (cue.needs && !cue.needs.some((re) => re.test(sentence)))) return false;
  for (const m of sentence.matchAll(cue.re)) {
    const before = sentence.slice(clauseStart(sentence, m.index), m.index);
    if (NEGATED.test(before) || PURPOSE.test(before)) continue;
    if (cue.action) {
      const end = m.index + m[0].length;
      if (NOT_YET.test(before) || NOT_DONE.test(m[0]) || PENDING.test(clauseRest(sentence, end)) || FAILED.test(sentence.slice(end))) continue;
    }
    return true;
  }
  return false;
}

/** The milestone the wording of an event implies, by {@link CUES}. */
function impliedKind(text: string): MilestoneKind | undefined {
  const parts = sentences(text);
  return PRECEDENCE.find((kind) => CUES[kind].some((cue) => parts.some((s) => says(s, cue))));
}

/** The milestones a timeline is expected to show, which {@link couldMark} answers for. */
export type ExpectedMilestone = 'detected' | 'mitigated' | 'resolved';

/**
 * Wordings that could name a milestone without saying it plainly enough to time a metric from:
 * "Automated message about timeouts", "Maintenance window enabled", "Prow is once again merging at
 * its usual rate". Read with the same care as {@link CUES} (negation cancels any; intent and
 * failure cancel an action), but broad: they only decide whether to tell an author that a
 * milestone is missing, never what a metric measures. A state of the service ("back online",
 * "succeeds") is not an action, so "once again" or "appear to be" before it does not cancel it.
 */
const CANDIDATES: Readonly<Record<ExpectedMilestone, readonly Cue[]>> = {
  detected: [
    { re: /\b(?:report\w{0,3}|alert\w{0,3}|alarm\w{0,3}|warn\w{0,4}|pag(?:e|es|ed|ing)|ping(?:s|ed)?|notif\w{1,8}|notic\w{1,3}|detect\w{0,4}|spott\w{0,3}|discover\w{0,3}|observ\w{1,3}|identif\w{1,6}|flag(?:s|ged)|reali[sz]\w{1,3}|monitor\w{0,4}|uptime|health ?checks?|complain\w{0,4}|escalat\w{1,4}|tickets?|acknowledg\w{1,3}|investigat\w{1,5}|diagnos\w{1,5}|messages? (?:about|on|in|from)|first (?:\S{1,20} )?(?:sign|instance|indication|occurrence|report|user)s?)\b/g },
    { re: /\b(?:incident|outage|sev[- ]?\d)\b(?: \S{1,20}){0,2}? (?:declared|opened|raised|created|called)\b|\bdeclar\w{1,3} (?:an? |the )?(?:incident|outage|sev)/g },
  ],
  mitigated: [
    { re: /\b(?:re-?deploy\w{0,3}|deploy\w{0,3}|releas\w{1,3}|ship(?:s|ped)|publish\w{0,3}|merg\w{1,3}|fix\w{0,3}|patch\w{0,3}|hot-?fix\w{0,3}|revert\w{0,3}|roll\w{0,3} back|rollback|restart\w{0,3}|reboot\w{0,3}|restor\w{1,3}|recover\w{0,3}|mitigat\w{1,5}|remediat\w{1,5}|workaround|work around|fail\w{0,3} ?over|scal(?:e|es|ed|ing)|increas\w{1,3}|rais(?:e|es|ed)|bump\w{0,3}|disabl\w{1,3}|enabl\w{1,3}|turn\w{0,3} (?:off|on)|stop\w{0,4}|halt\w{0,3}|paus\w{1,3}|block\w{0,3}|kill\w{0,3}|delet\w{1,3}|remov\w{1,3}|cordon\w{0,3}|migrat\w{1,4}|replac\w{1,3}|resiz\w{1,3}|upgrad\w{1,3}|downgrad\w{1,3}|pinn\w{1,3}|pins?|clear\w{0,3}|purg\w{1,3}|flush\w{0,3}|rotat\w{1,3}|revok\w{1,3}|suspend\w{0,3}|isolat\w{1,3}|firewall\w{0,3}|shut\w{0,4} down|t(?:ake|akes|ook|aken) down|appl(?:y|ies|ied)|maintenance|freez\w{1,3}|froze|throttl\w{1,3}|rate[- ]?limit\w{0,3}|ban(?:s|ned)?|evict\w{0,3}|terminat\w{1,3}|reconfigur\w{1,3}|switch\w{0,4}|promot\w{1,3}|grant\w{0,3}|re-?ran|re-?run\w{0,3}|resync\w{0,3}|re-?index\w{0,3}|backfill\w{0,3}|re-?queue\w{0,3}|requeue\w{0,3}|cherry-?pick\w{0,3}|hardening)\b/g, action: true },
  ],
  resolved: [
    { re: /\b(?:resolv\w{1,3}|resolution|restor\w{1,3}|recover\w{0,3}|normal|operational|functional|healthy|stable|stabili[sz]\w{1,3}|online|back up|up again|working|works|succe\w{1,6}|clear(?:s|ed)?|closed?|end(?:s|ed)?|over|complete[ds]?|completion|finish\w{0,3}|(?:is|was|are|were|been|now) fixed|verified|confirm\w{0,3}|mined|caught up|catch(?:es)? up|usual|as expected|uneventful|smoothly|empty|no (?:more|further|longer)|all (?:systems|services))\b/g },
  ],
};

/**
 * Whether an event's wording could be the milestone, read broadly ({@link CANDIDATES}) or as it is
 * classified ({@link CUES}). For deciding whether a milestone is missing, not for metrics.
 */
export function couldMark(text: string, kind: ExpectedMilestone): boolean {
  const parts = sentences(text);
  return [...CUES[kind], ...CANDIDATES[kind]].some((cue) => parts.some((s) => says(s, cue)));
}

/**
 * The milestone an event marks: an explicit marker wins over wording. The actor counts as part of
 * the text, so `Monitoring: error rate rises` reads as a detection. `markerSpans` are the bracketed
 * markers to cut from the displayed text.
 */
export function classifyEvent(text: string, actor?: string): { kind: MilestoneKind | undefined; explicit: boolean; markerSpans: Array<[number, number]> } {
  const spans: Array<[number, number]> = [];
  let explicit: MilestoneKind | undefined;
  BRACKET_MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BRACKET_MARKER.exec(text))) {
    const kind = explicitMarker(m[1] ?? m[2] ?? m[3]!);
    if (kind) {
      explicit ??= kind;
      if (m[1] !== undefined) spans.push([m.index, m.index + m[0].length]);
    }
  }
  if (explicit) return { kind: explicit, explicit: true, markerSpans: spans };
  return { kind: impliedKind(actor ? `${actor}: ${text}` : text), explicit: false, markerSpans: spans };
}

/** `Incident declared`, `declares a SEV-2`, `IC declares an incident` (but not `declares the incident resolved`). */
const DECLARED = /\b(?:incident|sev[- ]?\d|outage)\b[^.;]{0,20}\bdeclared\b|\bdeclar(?:e|es|ed|ing)\b[^.;]{0,20}\b(?:an? |the )?(?:incident|sev[- ]?\d|outage|major incident)\b(?![^.;]{0,30}\b(?:resolved|over|closed|ended)\b)/i;

/** Whether an event's text declares the incident (the `declared` start point). */
export function isDeclaration(text: string): boolean {
  return DECLARED.test(text);
}
