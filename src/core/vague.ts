/**
 * Scores how unverifiable an action item's text is. Each signal adds weight; a text is vague at
 * {@link VAGUE_THRESHOLD} or above. Signals: a leading vague verb, no concrete object, no measurable
 * bound, very short text, hedges. A concrete verb or object pulls the score down, so "Review all 14
 * cron jobs in infra/cron.yaml" passes while "Review processes" does not.
 */

const VAGUE_LEADS = [
  'improve', 'enhance', 'better', 'investigate', 'look into', 'look at', 'review', 'revisit', 'consider', 'explore',
  'think about', 'ensure', 'make sure', 'be more careful', 'be careful', 'monitor', 'follow up', 'follow-up', 'optimize', 'optimise',
  'increase awareness', 'raise awareness', 'communicate', 'train', 'educate', 'discuss', 'evaluate', 'assess', 'understand',
  'try to', 'maybe', 'figure out', 'work on', 'strengthen', 'harden', 'make', 'keep an eye', 'be more', 'pay attention',
  'continue', 'double-check', 'double check', 'check', 'research', 'analyze', 'analyse', 'clarify', 'reduce', 'increase', 'avoid', 'prevent',
  'share', 'address', 'clean up', 'cleanup', 'refactor', 'speed up', 'tighten', 'handle', 'get', 'sync with', 'talk to', 'talk with',
  'possibly', 'perhaps', 'align', 'coordinate', 'socialize', 'socialise', 'rethink', 're-evaluate', 'reevaluate', 'tbd', 'todo', 'find a way', 'come up with',
  'minimize', 'minimise', 'maximize', 'maximise', 'expand', 'evolve', 'something about', 'define and implement',
  'do more', 'do better', 'do a better job', 'be better', 'strive to', 'work with', 'working', 'focusing on',
];

/** Leads that name an activity, not an outcome: vague unless a number or bound says when it is done. */
const OPEN_ENDED_LEADS = new Set([
  'investigate', 'look into', 'look at', 'consider', 'explore', 'think about', 'keep an eye', 'make sure', 'figure out', 'sync with',
  'talk to', 'talk with', 'research', 'work on', 'try to', 'maybe', 'possibly', 'perhaps', 'tbd', 'todo', 'follow up', 'follow-up',
  'tighten', 'be more careful', 'be careful', 'be more', 'train', 'educate', 'revisit', 'do more', 'do better', 'do a better job', 'be better',
  'strive to', 'work with', 'working', 'focusing on',
]);

/**
 * Leads that ask for thinking, not for a change: an item made of one of them delivers nothing
 * checkable. "Evaluate <named tools>" is not among them: it names what is compared, and the guide
 * itself writes "Evaluate query analysis tools for CI pipeline" as an action item.
 */
const INTENTS = new Set([
  'investigate', 'look into', 'look at', 'consider', 'explore', 'think about', 'figure out', 'research', 'discuss',
  're-evaluate', 'reevaluate', 'rethink', 'revisit', 'something about', 'understand', 'find a way', 'come up with',
]);

/** A deliverable joined to an intent: "… and attach a heap profile", "… and file a ticket for each cause". */
const DELIVERS = /\band (?:then )?(?:attach|present|file|record|write|publish|document|add|fix|open|create|implement|report|submit|deliver|post)\b/;

/** A decision or a finding asked for instead of a change: "Check how to optimize…", "Decide whether…" (not "Document how to…": a how-to is a deliverable). */
const HOW_INTENT = /^(check|decide|determine|define|review|discuss|understand|figure out|find out|work out) (?:how|whether|if|what|which)\b/;

/** A scope written before the verb: "For every resource deployed, ", "In the future, ", "As part of the upgrade, ". */
const SCOPE_BEFORE_VERB = /^(?:for|in|on|when|after|before|during|once|as part of|going forward|moving forward|in the future)\b[^,]{0,80}, /i;
/** An owner written before a lowercase verb: "ICL check…", "@dana investigate…". */
const OWNER_BEFORE_VERB = /^(?:@[\w.-]+|[A-Z]{2,6}):? (?=[a-z])/;

const CONCRETE_LEADS = [
  'add', 'remove', 'delete', 'set', 'enable', 'disable', 'write', 'create', 'migrate', 'rotate', 'upgrade', 'downgrade', 'pin',
  'configure', 'implement', 'replace', 'rename', 'split', 'automate', 'fix', 'patch', 'deploy', 'roll out', 'block', 'limit', 'cap',
  'alert', 'page', 'backfill', 'move', 'merge', 'revert', 'schedule', 'publish', 'build', 'introduce', 'require', 'raise', 'lower',
  'bump', 'document', 'link', 'tag', 'restrict', 'switch', 'turn on', 'turn off', 'install', 'drop', 'extend', 'shorten', 'seed',
  'run', 'record', 'archive', 'decommission', 'retire', 'expire', 'renew', 'whitelist', 'allowlist', 'denylist', 'label', 'route', 'gate',
];

/**
 * `Ensure`/`Make sure` followed by a state of a named thing ("user pods are in a separate pool",
 * "alerting is in place for the claims backend"): the state is the check, so the lead is not vague.
 */
const ENSURED_STATE = /^(?:ensure|make sure) (?:that )?(?:the |all |every |each |our |its |their )?[\w@./`-]+(?: [\w@./`-]+){0,4}? (?:is|are|has|have|gets|get|runs|run|uses|use|points|point|stays|stay|lives|live|sits|sit|goes through|go through|fails|fail|pages|page|alerts|alert|expires|expire)\b/;

/** Leads that name who the work is done with; the verb after "to" says what is delivered. */
const THROUGH_OTHERS = new Set(['work with', 'sync with', 'talk to', 'talk with', 'coordinate', 'align']);

/** "Make a Datadog monitor for…", "make an alert on…": making a named kind of deliverable is creating it ("make a plan to test" is not). */
const MAKES_DELIVERABLE = /^make (?:a|an) (?:(?!to\b)[\w-]+ ){0,3}?(?:monitor|alert|dashboard|test|script|check|runbook|playbook|job|canary|rule|hook|page|template|checklist)s?\b/;

/** Leads that ask for a check, which a trigger turns into a process step. */
const CHECK_LEADS = new Set(['check', 'double-check', 'double check', 'review', 'ensure', 'make sure']);
/** When a step happens: "before switching nameservers", "after every deploy", "whenever a certificate is renewed". */
const STEP_TRIGGER = /\b(?:before|after|whenever|prior to|each time|every time) (?:[a-z]+ing|any|every|each|a|an)\b/;

/** A clause inside an action that names the state it must reach. */
const ENSURE_CLAUSE = /\b(?:to make sure|to ensure|so that) /;

/** Where the change ends and its reason begins. */
const PURPOSE = /,? (?:so that|so|in order to|to allow|to enable|to ensure|to prevent|to avoid|to reduce|to help|because) /i;

/** States of people's minds, which no one can check: "aware of", "knows about", "understands". */
const STATE_OF_MIND = /\b(?:aware|awareness|knows?|knew|understands?|understood|familiar|comfortable|careful|confident|informed|remembers?|mindful)\b/;

const HEDGES = /\b(?:something about|maybe|perhaps|possibly|at some point|in the (?:near|not too distant|coming) future|eventually|someday|when we have time|if time permits|try to|attempt to|somehow|as needed|where possible|if possible|when possible|as appropriate|going forward|in the future|again|generally|overall|properly|appropriately|etc|long-term|widely|tbd)\b/i;

/** Goals that sound like outcomes but cannot be checked: "more robust", "better visibility", "less error-prone". */
const ABSTRACT = /\bright (?:people|person|team|teams|place|time|way)\b|\b(?:appropriate|satisfactory|sufficient|adequate)\b|\b(?:more|further|better|less|fewer|faster|safer|smoother|cleaner|robust(?:ness)?|resilien(?:t|ce)|reliab(?:le|ility)|stab(?:le|ility)|visibility|awareness|culture|process(?:es)?|best practices?|toil|tech(?:nical)? debt|edge cases?|flakiness|flaky|performance|error-prone|issues?|problems?|things|stuff|learnings|knowledge|communication|ownership|hygiene|quality|strateg(?:y|ies)|approaches|(?:an?|the|our) approach|options|ways|bottlenecks|improvements|solutions?|patterns?|mature|modern|proactive)\b/i;

/** Names of tools and platforms that make an action concrete. */
const TOOLS = /\b(?:pagerduty|opsgenie|grafana|prometheus|datadog|sentry|terraform|helm|kubernetes|k8s|kubectl|argo(?:cd)?|jenkins|github|gitlab|circleci|buildkite|kafka|redis|postgres(?:ql)?|mysql|mongodb|elasticsearch|cassandra|dynamodb|s3|ec2|rds|lambda|cloudflare|nginx|envoy|istio|consul|vault|statuspage|slack|jira|linear|runbook|dashboard|playbook|alertmanager|cloudwatch|pgbouncer|sqs|sns|bigquery|airflow|spark|docker|ci|cd|cdn|dns|tls|ssl|cron|crontab|launchdarkly|feature flag)\b/i;

/** A concrete object: a code span, a path or dotted name, a hyphenated or snake_case identifier, a ticket, a URL, CamelCase, an acronym. */
const CONCRETE_OBJECT = /`[^`]+`|\b[\w-]+(?:\/[\w.-]+){2,}|\b[\w-]+\/[\w-]*[._\d][\w./-]*|\b\w+\.\w+(?:\.\w+)*\b|\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b|\b[A-Z][A-Z0-9]{1,9}-\d+\b|https?:\/\/|\b[a-z]+[A-Z]\w*\b|\b[A-Z][a-z]+[A-Z]\w*\b|\b[A-Z]{2,6}s?\b/;

/** A measurable bound: a number, a percentage, a duration, a version, a threshold word with a value. */
const MEASURABLE = /\d|(?<!\b(?:this|that|the|which|any|no) )\bone\b|\bunder(?! ?way)\b|\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|all|every|everyone|everybody|each|none|no longer|before|after|within|below|above|at most|at least|per)\b/i;

export const VAGUE_THRESHOLD = 3;

/** Objects that say there will be more of something without saying which: "missing alerts", "proactive alerts", "further checks". */
const UNSPECIFIED_OBJECT = /^\S+ (?:(?:the|our|any|some|new|several|various|further) )?(?:safeguards|measures|improvements|changes|steps|mechanisms|controls|protections)\b|^\S+ (?:(?:the|our|any|some) )?(?:missing|additional|further|proper|better|more|proactive|extra|relevant|necessary|appropriate|needed) (?:alerts?|alerting|checks?|tests?|testing|monitoring|metrics|docs|documentation|logging|safeguards?|guardrails?|processes|process|tooling|automation)\b/;

const COMMON_HYPHENATED = /\b(?:follow-ups?|on-call|re-evaluate|long-term|short-term|end-to-end|up-to-date|well-known|so-called|high-level|low-level|real-time|in-depth|one-off|self-service|day-to-day|co-ordinate|re-run|post-mortems?|write-ups?|check-ins?|sign-offs?|roll-outs?)\b/gi;

export interface VagueScore {
  score: number;
  vague: boolean;
  /** The signals that added or removed weight, for the message. */
  reasons: string[];
  /** A leading vague verb, if any. */
  lead: string | undefined;
}

/** What is known about an action item beyond its text. */
export interface VagueContext {
  /**
   * The item links a ticket or issue. Kept for callers; a ticket no longer lowers the score: it
   * supports a concrete item but does not rescue text that names nothing ("Alerting follow-up: #2291").
   */
  ticket?: boolean;
}

/** Link syntax a list item's text can start with once its link is taken out: `[ ]:`, `( )`, `—`. */
const LEFTOVER_LEAD = /^(?:\[\s*\]|\(\s*\)|[:,;\u2014\u2013-]|\s)+/;

/**
 * The request inside a commitment or a labelled item: "We will expand the checks" → "expand the
 * checks", "Going forward the team is going to rebuild …" → "rebuild …", "Deployment strategy
 * evolution: Re-evaluate rollout …" → "Re-evaluate rollout …". The verb phrase is what is judged.
 */
/** The writer's side as a subject: "we", "our team", "the platform team", "ops team". */
const WRITERS = String.raw`(?:we|the [\w-]+(?: [\w-]+)? team|[\w-]+ team|our team)`;
export const COMMITMENT = new RegExp(String.raw`^(?:(?:going forward|in the future|lastly|also|additionally|next),? )?(?:(?:${WRITERS}|they)(?: will| are going to| is going to| need to| should| must| plan to| want to| would like to| intend to)(?: also| continue to| further)? )`, 'i');
const HEADLINE = /^((?:[\w/&'-]+ ){0,5}[\w/&'-]+): (?=\S)/;

/** Work in progress said of the writer's side, as the imperative it asks for: "we are implementing X" → "implement X". */
export const GERUNDS: Readonly<Record<string, string>> = {
  investigating: 'investigate', exploring: 'explore', 'looking into': 'look into', 'looking at': 'look at', 'looking for': 'look for',
  evaluating: 'evaluate', considering: 'consider', implementing: 'implement', adding: 'add', introducing: 'introduce',
  'putting in place': 'put in place', improving: 'improve', reviewing: 'review', 'working on': 'work on',
};
export const IN_PROGRESS = new RegExp(String.raw`^(?:${WRITERS}(?: are| is|'re|\u2019re) (?:also |still |currently |now |actively )?)(${Object.keys(GERUNDS).join('|')}) `, 'i');

function request(text: string): string {
  const headline = HEADLINE.exec(text);
  // A headline that names a mechanism ("Connection limiting: Prevent unbounded connections") is part of
  // the request; one that names only an aim ("Deployment strategy evolution: Re-evaluate …") is not.
  const body = headline && ABSTRACT.test(headline[1]!) ? text.slice(headline[0].length) : text;
  const progress = IN_PROGRESS.exec(body);
  if (progress) return `${GERUNDS[progress[1]!.toLowerCase()]} ${body.slice(progress[0].length)}`;
  return body.replace(COMMITMENT, '');
}

export function scoreVagueness(raw: string, _context: VagueContext = {}): VagueScore {
  // The whole item is read for what it names; the request in it for what it asks.
  const text = raw.replace(/[*_~]/g, '').replace(/\s+/g, ' ').trim().replace(LEFTOVER_LEAD, '');
  const asked = request(text);
  const askedText = /^make (?:it|this) (?:a |an )?(?:hard |strict )?(?:requirement|rule|policy|precondition)\b/i.test(asked) ? text : asked;
  const lower = askedText.toLowerCase();
  const words = lower.split(/\s+/).filter(Boolean);
  const reasons: string[] = [];
  let score = 0;
  // The verb is looked for past what may stand before it: a scope ("For every resource deployed,
  // consider…"), an owner ("ICL check how to…"), or a first verb it is joined to ("Document and think
  // about…": an intent joined to a deliverable-less verb is still an intent).
  const verbAt = askedText.replace(SCOPE_BEFORE_VERB, '').replace(OWNER_BEFORE_VERB, '').toLowerCase();
  const joined = /^[a-z-]+ and (.*)$/.exec(verbAt);
  const startsWith = (t: string, v: string) => t === v || t.startsWith(`${v} `);
  const howIntent = HOW_INTENT.exec(verbAt);
  const found = VAGUE_LEADS.find((v) => startsWith(verbAt, v)) ?? (joined ? [...OPEN_ENDED_LEADS].find((v) => startsWith(joined[1]!, v)) : undefined) ?? howIntent?.[1];
  // "Ensure X is Y", or "Revisit X to make sure Y has Z": the state named is the check that it is done.
  const checked = ENSURE_CLAUSE.exec(lower);
  const state = checked ? `ensure ${lower.slice(checked.index + checked[0].length)}` : verbAt;
  // "Make sure it is documented": a pronoun names no thing whose state could be checked.
  const pronounState = /^(?:ensure|make sure) (?:that )?(?:it|this|everything|things|they|we|there) /.test(state);
  const ensuredState = found !== undefined && !pronounState && ENSURED_STATE.test(state) && !STATE_OF_MIND.test(state) && !ABSTRACT.test(state);
  // "Investigate and fix <defect>", "Evaluate A vs B and present a written recommendation": a later
  // verb that delivers something is what the item asks for.
  const delivers = found === undefined ? null : DELIVERS.exec(verbAt.slice(found.length));
  const joinedLead = found !== undefined && CONCRETE_LEADS.some((v) => verbAt.startsWith(`${found} and ${v} `));
  // What the joined verb delivers: "… and implement measures to prevent similar incidents" names nothing.
  const delivered = joinedLead ? verbAt.slice(found!.length + 5) : delivers ? verbAt.slice(found!.length + delivers.index).replace(/^ ?and (?:then )?/, '') : '';
  const deliversNothing = delivered !== '' && UNSPECIFIED_OBJECT.test(delivered);
  // "Work with the DBA team to add an index on …": the verb after "to" is what is delivered.
  const throughOthers = found !== undefined && THROUGH_OTHERS.has(found) && CONCRETE_LEADS.some((v) => verbAt.includes(` to ${v} `));
  const andDeliver = found !== undefined && !deliversNothing && (joinedLead || delivers !== null || throughOthers);
  const lead = ensuredState || andDeliver || MAKES_DELIVERABLE.test(verbAt) ? undefined : found;
  if (lead) {
    score += 2;
    reasons.push(`asks to "${lead}"`);
  }
  const concreteLead = andDeliver || CONCRETE_LEADS.some((v) => lower === v || lower.startsWith(`${v} `)) || MAKES_DELIVERABLE.test(lower);
  // A concrete verb over an unspecified object ("Implement proactive alerts", "Add missing alerts") earns no credit.
  const unspecified = UNSPECIFIED_OBJECT.test(lower.split(PURPOSE)[0]!) && !MEASURABLE.test(lower);
  if (concreteLead && !unspecified) score -= 1.5;
  if (unspecified) {
    score += 1;
    reasons.push('asks for more of something without saying which');
  }
  // Hyphenated words of ordinary English ("follow-up", "on-call") are not identifiers.
  const concrete = CONCRETE_OBJECT.test(text.replace(COMMON_HYPHENATED, ' ')) || TOOLS.test(text);
  // A linked ticket does not count as naming something: it does not rescue text that names nothing
  // ("Alerting follow-up: #2291").
  if (!concrete) {
    score += 1.5;
    reasons.push('names no concrete service, file, table, setting or tool');
  } else score -= 1;
  const measurable = MEASURABLE.test(text);
  // A check with its trigger is a process step: "Check every subdomain … before switching nameservers".
  if (lead && CHECK_LEADS.has(lead) && STEP_TRIGGER.test(lower)) {
    score -= 1.5;
    reasons.splice(reasons.indexOf(`asks to "${lead}"`), 1);
  }
  if (lead && OPEN_ENDED_LEADS.has(lead) && !measurable) score += 1;
  // An intent with nothing delivered ("Consider ways to…", "Discuss how to know…", "Investigate
  // options…") is vague whatever it names: on real postmortems, reviewers call such an item vague, or
  // borderline when it names a component, and never actionable.
  if (lead && (INTENTS.has(lead) || howIntent !== null) && score < VAGUE_THRESHOLD) {
    score = VAGUE_THRESHOLD;
    reasons[reasons.indexOf(`asks to "${lead}"`)] = `asks to "${lead}" without saying what will be delivered`;
  }
  if (!measurable) {
    score += 1;
    reasons.push('has no measurable bound (a number, threshold, version or count)');
  }
  if (words.length <= 3) {
    score += 1;
    reasons.push('is very short');
  }
  const hedge = HEDGES.exec(text);
  if (hedge) {
    score += 1;
    reasons.push(`hedges with "${hedge[0]}"`);
  }
  const mind = STATE_OF_MIND.exec(lower);
  if (mind && !measurable) {
    score += 1;
    reasons.push(`aims at what people know or feel ("${mind[0]}"), which no one can check`);
  }
  // A purpose clause ("…, so they do not…", "… to allow proper governance") says why, not what: its goals are not the change's.
  const abstract = ABSTRACT.exec(text.split(PURPOSE)[0]!);
  if (abstract && !measurable) {
    score += 1;
    reasons.push(`aims at "${abstract[0]}" without saying how much`);
  }
  return { score, vague: score >= VAGUE_THRESHOLD, reasons, lead };
}
