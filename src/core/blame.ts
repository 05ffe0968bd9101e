/**
 * Finds blame and counterfactual judgement of people in a sentence. Phrases that judge whoever did
 * something (carelessly, negligent, "human error", "X's fault") always count; phrases that are
 * ordinary about systems ("failed to", "ignored", "should have") count only with a person as their
 * subject: a known name, an @handle, a capitalised name, or a role such as "the engineer".
 */

export interface BlameHit {
  /** Offsets of the phrase in the text. */
  start: number;
  end: number;
  phrase: string;
  /** The systemic question to ask instead. */
  suggestion: string;
}

const ALWAYS: Array<[RegExp, string]> = [
  [/\b(?:careless(?:ly)?|sloppy|sloppily|negligen(?:t|tly|ce)|reckless(?:ly)?|lazy|lazily|incompetent(?:ly)?|irresponsibl[ey]|stupid(?:ly)?|dumb)\b/i, 'What made the safe path harder than the risky one?'],
  [/\bfat[- ]finger(?:ed|ing|s)?\b/i, 'Which guardrail or confirmation step would have caught the typo?'],
  [/\b(?:did ?n[o']t|never) bother(?:ed)? to\b/i, 'What made this step easy to skip?'],
  [/\bhuman error\b|\boperator error\b|\buser error\b|\bpilot error\b/i, '"Human error" is where the analysis starts: what in the system made the error possible and hard to notice?'],
  [/(?:\b[\p{L}@][\p{L}._-]{0,40}'s|\b[Hh]is|\b[Hh]er|\b[Tt]heir) fault\b/u, 'Ask which conditions led to the decision, not whose fault it was.'],
  [/\bfault of\b|\bto blame\b|\bblame[sd]? (?:on|for)\b|\bscrewed up\b|\bmessed up\b|\bdropped the ball\b/iu, 'Ask which conditions led to the decision, not whose fault it was.'],
  [/\bif only\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\b(?:rubber[- ]stamp(?:ed|s|ing)?|botch(?:ed|es)?|asleep at the wheel|without thinking|inexcusabl[ey]|unforgivabl[ey]|known better|(?:did ?n[o']t|does ?n[o']t|never) care[sd]?|(?:was ?n[o']t|were ?n[o']t|not) paying attention|lack of (?:attention|care|diligence)|(?:did ?n[o']t|does ?n[o']t) know what (?:they|he|she) (?:was|were) doing|(?:not|was ?n[o']t|were ?n[o']t) competent)\b/i, 'Ask what made the careful path slow or unclear at that moment.'],
  [/\b[\p{L}@][\p{L}._-]{0,40}'s (?:mistake|error|blunder|oversight|negligence|carelessness|screw-?up|slip)\b/u, 'Name the condition that made the mistake possible, not the person who made it.'],
  [/\b(?:nobody|no one|no-one) (?:bothered|cared)\b/i, 'What made this step easy to skip?'],
];

const WITH_PERSON: Array<[RegExp, string]> = [
  [/\b(?:forgot|forgets|forgotten) to\b|\bforgot\b/i, 'What would have reminded them, or made the step automatic?'],
  [/\bfail(?:ed|s)? to\b/i, 'What made this hard to do at the time (tooling, load, missing information)?'],
  [/\b(?:ignored|ignores|ignoring|disregarded|neglected|overlooked)\b/i, 'Why did the signal not stand out among the others?'],
  [/\b(?:should|could|would|ought to)(?: not| never|n't)? (?:have|'ve)\b|\bshould'?ve\b|\bcould'?ve\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\bif (?:\S+ ){0,3}had(?: just| only)? (?:[\w-]+ed|bothered|read|done|run|known|waited|checked|followed|looked|tested)\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\b(?:rushed|misconfigured|mistyped|typo'?d|broke|pushed (?:a |the )?broken)\b/i, 'What let the change through without a check?'],
  [/\bbothered to\b/i, 'What made this step easy to skip?'],
  [/\b(?:mistakenly|wrongly|carelessly|blindly|accidentally)\b/i, 'What made the wrong action look right at the time?'],
  [/\b(?:didn't|did not|never) (?:check|test|read|look|verify|notice|follow)\b/i, 'What would have made the check part of the normal path?'],
];

const ROLES = /\b(?:engineer|developer|dev|operator|admin|administrator|on-?call(?: engineer| person)?|sre|intern|contractor|someone|somebody|he|she|person|reviewer|author|manager|(?:team |tech |support )?lead|oncaller|employee|deployer|dba|commander|ic|whoever|responder|analyst|staff|approver)\b/i;

/** Capitalised words that begin sentences or name things rather than people. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'We', 'Our', 'They', 'There', 'Then', 'When', 'While', 'After', 'Before',
  'Because', 'Since', 'If', 'As', 'At', 'In', 'On', 'By', 'For', 'From', 'To', 'No', 'Nobody', 'Root', 'Cause', 'Error', 'Errors',
  'Monitoring', 'Alert', 'Alerts', 'Deploy', 'Deploys', 'Service', 'System', 'Database', 'Cache', 'Migration', 'Job', 'Jobs', 'Script',
  'Config', 'Configuration', 'Load', 'Traffic', 'Requests', 'Users', 'Customers', 'Team', 'Teams', 'Engineering', 'Staging',
  'Production', 'Kubernetes', 'Redis', 'Kafka', 'Postgres', 'PagerDuty', 'Terraform', 'Nginx', 'Also', 'However', 'Unfortunately',
  'Timeline', 'Summary', 'Impact', 'Why', 'What', 'How', 'Who', 'Which', 'Each', 'Every', 'All', 'Some', 'Most', 'One', 'Two',
  'Release', 'Pipeline', 'Page', 'Pager', 'Health', 'Checks', 'Check', 'Cron', 'DNS', 'CDN', 'API', 'Node', 'Pod', 'Pods', 'Cluster',
]);

/** Whether `word` stands in `text` with no letter right before or after it. */
function containsWord(text: string, word: string): boolean {
  const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    if (!isLetter(text[at - 1]) && !isLetter(text[at + word.length])) return true;
  }
  return false;
}

/** Whether the words before a phrase (its clause) name a person as the subject. */
function hasPersonSubject(clause: string, people: ReadonlySet<string>): boolean {
  if (/(?:^|\s)@[\w.-]+/.test(clause)) return true;
  if (ROLES.test(clause)) return true;
  for (const name of people) {
    if (name.length >= 2 && containsWord(clause, name)) return true;
  }
  const words = clause.match(/\p{Lu}\p{Ll}+/gu) ?? [];
  return words.some((w) => !NOT_NAMES.has(w));
}

/**
 * Words without which no pattern above can match: one cheap test lets most lines skip the rest.
 * Every pattern must contain one of these (the blame tests would fail otherwise).
 */
const TRIGGERS = /careless|sloppy|sloppily|negligen|reckless|lazy|lazily|incompetent|irresponsib|stupid|dumb|finger|bother|error|fault|blame|screw|mess|ball|if only|rubber|botch|asleep|thinking|inexcusab|unforgivab|better|care|attention|diligence|doing|competent|mistake|blunder|oversight|slip|forgot|fail|ignor|disregard|neglect|overlook|should|could|would|ought|wrongly|blindly|accidentally|check|test|read|look|verify|notice|follow|had|rushed|misconfigured|mistyped|typo|broke|pushed/i;

/** Blame phrases in a text, each with the question to ask instead. */
export function findBlame(text: string, people: ReadonlySet<string> = new Set()): BlameHit[] {
  const hits: BlameHit[] = [];
  if (text.length > 5000 || !TRIGGERS.test(text)) return hits;
  for (const [re, suggestion] of ALWAYS) {
    const m = re.exec(text);
    if (m) hits.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], suggestion });
  }
  for (const [re, suggestion] of WITH_PERSON) {
    const m = re.exec(text);
    if (!m) continue;
    // The clause before the phrase: back to the last sentence or clause break, at most 8 words.
    const before = text.slice(0, m.index).split(/[.;:!?](?=\s|$)|[\u2014\u2013]|,\s(?:but|and|so|because)\s|\bbecause\b/).pop() ?? '';
    // The subject of `if Rosa had waited` is inside the phrase itself.
    const clause = `${before.split(/\s+/).slice(-8).join(' ')} ${m[0].startsWith('if') || m[0].startsWith('If') ? m[0] : ''}`.trim();
    if (/^\s*we\b|\bwe\s*$/i.test(clause.trim()) || /\bwe\b/i.test(clause.split(/\s+/).slice(-2).join(' '))) continue;
    if (hasPersonSubject(clause, people)) hits.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], suggestion });
  }
  return hits.sort((a, b) => a.start - b.start).filter((h, i, all) => i === 0 || h.start >= all[i - 1]!.end);
}
