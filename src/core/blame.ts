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
  [/\b(?:careless(?:ly)?|sloppy|sloppily|negligen(?:t|tly|ce)|reckless(?:ly)?|incompetent(?:ly)?|irresponsibl[ey]|stupid(?:ly)?|dumb)\b/i, 'What made the safe path harder than the risky one?'],
  [/\bfat[- ]finger(?:ed|ing|s)?\b/i, 'Which guardrail or confirmation step would have caught the typo?'],
  [/\b(?:did ?n[o']t|never) bother(?:ed)? to\b/i, 'What made this step easy to skip?'],
  [/\bhuman errors?\b|\b(?:operator|user|pilot) error\b/i, '"Human error" is where the analysis starts: what in the system made the error possible and hard to notice?'],
  [/(?:\b[\p{L}@][\p{L}._-]{0,40}'s|\b[Hh]is|\b[Hh]er|\b[Tt]heir) fault\b/u, 'Ask which conditions led to the decision, not whose fault it was.'],
  [/\bfault of\b|\bto blame\b|\bblame[sd]? (?:on|for)\b|\bscrewed up\b|\bmessed up\b|\bdropped the ball\b/iu, 'Ask which conditions led to the decision, not whose fault it was.'],
  [/\bif only\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\b(?:inexperienced|greedy|clueless|naive|incompetent|lazy|careless|reckless|negligent|sloppy|arrogant) (?:management|managers?|engineers?|team|teams|developers?|devs|operators?|staff|people|investors|vcs|admins?|reviewers?|leadership|founders?)\b/i, 'Describe what the situation asked of people and what they had, not what kind of people they are.'],
  [/\b(?:rubber[- ]stamp(?:ed|s|ing)?|botch(?:ed|es)?|asleep at the wheel|without thinking|inexcusabl[ey]|unforgivabl[ey]|known better|(?:did ?n[o']t|does ?n[o']t|never) care[sd]?|(?:was ?n[o']t|were ?n[o']t|not) paying attention|lack of (?:attention|care|diligence)|(?:did ?n[o']t|does ?n[o']t) know what (?:they|he|she) (?:was|were) doing|(?:not|was ?n[o']t|were ?n[o']t) competent)\b/i, 'Ask what made the careful path slow or unclear at that moment.'],
  [/\b[\p{L}@][\p{L}._-]{0,40}'s (?:mistake|error|blunder|oversight|negligence|carelessness|screw-?up|slip)\b/u, 'Name the condition that made the mistake possible, not the person who made it.'],
  [/\b(?:nobody|no one|no-one) (?:bothered|cared)\b/i, 'What made this step easy to skip?'],
  // Nouns that judge the care taken, whoever it is said of ("Root causes: haste", "an act of laziness").
  [/\b(?:haste|laziness|complacency|carelessness|sloppiness)\b/i, 'What made speed or the shortcut feel right at that moment?'],
  // Words said only of people, the writer's own self included ("I was smug about it").
  [/\b(?:smug(?:ly|ness)?|cocky)\b/i, 'Describe what made the result look finished at the time, and what check would have shown otherwise.'],
  // Hindsight on how the work was done ("The migration could have been handled much better").
  [/\b(?:could|should)(?: have|'ve) been (?:handled|managed|done|run|executed|planned|communicated) (?:(?:much|far|a lot|way|a bit|significantly) )?better\b/i, 'Name what the plan lacked, not how well the people handled it.'],
];

/**
 * Phrases that are ordinary about systems ("the export failed to finish", "misconfigured limits",
 * "requests would have queued") and judge only when a person is their agent. A pattern with a
 * capture group holds its own subject (`if Rosa had waited`, `had the SRE read the alert`).
 */
const WITH_PERSON: Array<[RegExp, string]> = [
  // "forgot to" / "forgotten to" judge whoever is the agent, "we" too (JUDGED_BY_ANYONE).
  [/\bforgets to\b|\bforgot\b(?! to\b)/i, 'What would have reminded them, or made the step automatic?'],
  [/\bfail(?:ed|s)? to\b/i, 'What made this hard to do at the time (tooling, load, missing information)?'],
  // Past acts and ongoing ones; the present "ignores" describes how software behaves ("Chrome ignores ids that do not exist").
  [/\b(?:ignored|ignoring|disregarded|neglected|overlooked)\b/i, 'Why did the signal not stand out among the others?'],
  [/\b(?:should|could|would|ought to)(?: not| never|n't)? (?:have|'ve)\b(?! been\b)|\bshould'?ve\b(?! been\b)|\bcould'?ve\b(?! been\b)/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\bif ((?:\S+ ){0,3}?)had(?: just| only)? (?:[\w-]+ed|bothered|read|done|run|known|waited|checked|followed|looked|tested)\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/(?:^|[.;:!?]\s+)had ((?:\S+ ){1,4}?)(?:not |never )?(?:[\w-]+ed|read|done|run|known|waited|been paying)\b/i, 'Describe what the system lacked, not what a person should have done.'],
  [/\b(?:rushed|misconfigured|mistyped|typo'?d|broke|pushed (?:a |the )?broken)\b/i, 'What let the change through without a check?'],
  [/\bbothered to\b/i, 'What made this step easy to skip?'],
  [/\b(?:mistakenly|wrongly|carelessly|blindly|accidentally)\b/i, 'What made the wrong action look right at the time?'],
  [/\b(?:didn't|did not|never) (?:check|test|read|look|verify|notice|follow|catch|spot|realise|realize)\b/i, 'What would have made the check part of the normal path?'],
  // Competence judged: "@sam did not use a reasonable procedure" ("the job did not follow the standard path" has no person).
  [/\b(?:did ?n[o']t|did not|never) (?:use|follow|apply|take|perform) (?:a |an |the )?(?:reasonable|proper|correct|sensible|safe|appropriate|due|best) (?:[\w-]+ )?(?:procedures?|process|precautions?|care|steps?|practices?)\b/i, 'What made the safe procedure hard to find or slow to follow at that moment?'],
  [/\bwithout being (?:thorough|careful|diligent)\b|\bwithout (?:double-)?checking\b/i, 'What made the careful path slow or unclear at that moment?'],
  [/\b(?:didn't|did not|never) (?:alert|tell|inform|warn|mention|escalate|communicate|call out|ask|wait|flag)\b/i, 'What would have made telling others part of the normal path?'],
  [/\b(?:was|were|is|are|am|been|being|too|so)(?= lazy\b) lazy\b|'m lazy\b/i, 'What made the safe path harder than the risky one?'],
];

/**
 * Judgements of how people thought or worked, which blame whoever is their agent — a person, a team
 * named, or "we" (a team judging its own thinking still judges people): "we dramatically
 * underestimated the traffic", "the platform team did not take the alerts seriously", "we could
 * have detected it before it went out". A system as the agent is not judged ("the estimate was low").
 */
const JUDGED_BY_ANYONE: Array<[RegExp, string]> = [
  [/\b(?:underestimated|overestimated|misjudged|misread|misunderstood)\b/i, 'Ask what the people knew at the time, and what would have shown them the risk.'],
  [/\b(?:hurriedly|hastily)\b/i, 'What made speed feel more important than the check at that moment?'],
  [/\bmade (?:a|an|one|the|two|several|some|many|a few|a couple of) (?:(?:critical|big|serious|fundamental|costly|honest|simple|major) )?(?:mistakes?|errors?|blunders?)\b(?! (?:handling|messages?|rates?|codes?|budgets?|pages?|logs?|paths?|reporting|states?))|\bdid (?:a|one|two|several|some|many|a few|a couple of) (?:(?:critical|big|serious|fundamental|costly|honest|simple|major) )?(?:mistakes?|blunders?)\b/i, 'Name the condition that made the mistake possible, not the people who made it.'],
  // Attention judged: "we missed that the patch was consensus-breaking" (not "we missed the SLO").
  [/\bmissed (?:that|the fact that)\b/i, 'Why did the signal not stand out among the others?'],
  // Overconfidence judged of people ("the detector was overconfident" has no agent).
  [/\boverconfiden(?:t|tly|ce)\b/i, 'Describe what made the result look finished at the time, and what check would have shown otherwise.'],
  // Care judged: "we ran the script, but forgot to update the mapping" ("the cache forgot the session" has no agent).
  [/\b(?:forgot|forgotten) to\b/i, 'What would have reminded them, or made the step automatic?'],
  [/\bdid (?:it|this|that|them) (?:all |completely |totally )?wrong(?:ly)?\b/i, 'What made the wrong way look right at the time, and what check would have shown it?'],
  [/\b(?:did ?n[o']t|did not|never) take (?:\S+ ){0,5}?seriously\b/i, 'Why did the signal not stand out among the others?'],
  // A counterfactual about one's own act (not about an outcome: "we could have lost data" is not a judgement).
  [/\b(?:should|could)(?: not| never|n't)? (?:have|'ve) (?:caught|detected|noticed|spotted|tested|checked|verified|used|chosen|picked|planned|prepared|waited|asked|reviewed|prevented|avoided|done|run|performed|considered|communicated|escalated|rolled back|reverted|load[- ]tested|known|thought|realised|realized|anticipated|followed|read|looked|split|staged|scheduled)\b/i, 'Describe what the system lacked, not what the people should have done.'],
];

/** Verdicts on a decision or on the care taken, whoever made it ("This was the wrong call", "a planning failure"). */
const VERDICTS: Array<[RegExp, string]> = [
  [/\b(?:this|that|it|which) was (?:(?:probably|clearly|obviously|arguably|in hindsight,?|also|simply|just) )?(?:a |the |an )?(?:(?:very|really|particularly) )?(?:wrong|bad|poor|dangerous|risky|misguided|hasty|questionable|naive|careless|costly|terrible|unwise) (?:call|decision|choice|move|idea|judg(?:e)?ment|assumption)\b/i, 'Describe what made the decision look right at the time.'],
  [/\b(?:planning|judg(?:e)?ment) (?:failure|error|mistake)\b/i, 'Name what the plan lacked (a load test, a review step), not the failure of the people who made it.'],
  [/\b(?:was not|were not|wasn't|weren't|was never) (?:a |the )?(?:good|wise|smart|great|right|correct) (?:call|decision|choice|idea|solution|move)\b/i, 'Describe what made the decision look right at the time.'],
  [/\b(?:inadvisable|ill-advised|ill-considered|misguided)\b/i, 'Describe what made the decision look right at the time.'],
  [/\bfalse sense of security\b|\boverly[- ]optimistic\b|\b(?:honest|simple|silly|stupid|big|massive|huge|costly) (?:oversight|mistake)\b/i, 'Describe what the process let through, not the attitude of the people.'],
  [/\b(?:was|were) rushed\b|\bhad (?:little|no) (?:oversight|review)\b/i, 'What made speed feel more important than review at that moment?'],
  [/\b(?:incorrect|wrong|false|mistaken|faulty|flawed|bad) assumptions?\b|\b(?:this|that|the|a|our) misunderstanding\b|\bmisconceptions?\b/i, 'Describe what made the belief reasonable at the time, and what would have corrected it.'],
  [/\bthe (?:person|engineer|developer|operator|dba|sre|admin|administrator|employee|contractor|intern|individual)s? (?:responsible|at fault|who (?:ran|pushed|made|deployed|typed|wrote|approved|merged|caused|broke|started|triggered|forgot|missed|changed|did))\b/i, 'Ask what the system allowed, not who did it.'],
  [/\bcame down to (?:a |an |the )?(?:human|someone|somebody|(?:an? )?(?:engineer|operator|developer|person)|(?:wrong|bad|mistyped|incorrect) (?:value|command|setting|config(?:uration)?))\b/i, 'Ask what let the wrong value through, not who typed it.'],
  [/\bshould (?:have|'ve) been (?:caught|noticed|spotted|found|flagged|questioned) (?:in|during|by) (?:the |a )?(?:code )?review/i, 'What would have made the problem visible in review?'],
  [/\bcould (?:have|'ve) been (?:avoided|prevented|caught|detected) (?:had|if) (?:we|they|the team|I)\b/i, 'Describe what the plan lacked, not what the people should have done.'],
  // An act people did not do, as the subject of what it would have spared ("Consulting the author before merging would have saved hours").
  [/(?:^|[.;:!?]\s+)(?!(?:during|nothing|something|anything|everything|according|including|regarding|following|string|thing|spring|morning|evening)\b)\p{Lu}?\p{Ll}+ing\b[^.;!?]{0,120}? (?:would|could|might) (?:have|'ve) (?:saved|spared|avoided|prevented|caught|shortened)\b/iu, 'Describe what the process lacked, not what the people should have done.'],
];

/** "Should have known": hindsight that judges whoever it is said of, with or without a named agent. */
const SHOULD_HAVE_KNOWN = /\b(?:should|ought to)(?: not| never|n't)? (?:have|'ve) known\b|\bshould'?ve known\b/i;

/** Nouns for people by what they do, lowercase. */
const ROLE_NOUNS = new Set([
  'engineer', 'engineers', 'developer', 'developers', 'dev', 'devs', 'operator', 'operators', 'admin', 'admins', 'administrator',
  'administrators', 'on-call', 'oncall', 'oncaller', 'oncallers', 'on-caller', 'sre', 'sres', 'intern', 'interns', 'contractor',
  'contractors', 'reviewer', 'reviewers', 'author', 'authors', 'manager', 'managers', 'lead', 'leads', 'employee', 'employees',
  'deployer', 'dba', 'dbas', 'commander', 'ic', 'responder', 'responders', 'analyst', 'analysts', 'approver', 'approvers', 'person',
  'people', 'maintainer', 'maintainers', 'captain', 'teammate', 'teammates', 'colleague', 'colleagues', 'coworker', 'coworkers',
  'staff', 'owner', 'owners', 'user', 'whoever', 'someone', 'somebody', 'he', 'she', 'him', 'i', 'nobody', 'anyone', 'anybody',
]);

/** Capitalised words that begin sentences or name things rather than people. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'We', 'Our', 'They', 'There', 'Then', 'When', 'While', 'After', 'Before',
  'Because', 'Since', 'If', 'As', 'At', 'In', 'On', 'By', 'For', 'From', 'To', 'No', 'Nobody', 'Root', 'Cause', 'Error', 'Errors',
  'Monitoring', 'Alert', 'Alerts', 'Deploy', 'Deploys', 'Service', 'System', 'Database', 'Cache', 'Migration', 'Job', 'Jobs', 'Script',
  'Config', 'Configuration', 'Load', 'Traffic', 'Requests', 'Users', 'Customers', 'Team', 'Teams', 'Engineering', 'Staging',
  'Production', 'Kubernetes', 'Redis', 'Kafka', 'Postgres', 'PagerDuty', 'Terraform', 'Nginx', 'Also', 'However', 'Unfortunately',
  'Timeline', 'Summary', 'Impact', 'Why', 'What', 'How', 'Who', 'Which', 'Each', 'Every', 'All', 'Some', 'Most', 'One', 'Two',
  'Release', 'Pipeline', 'Page', 'Pager', 'Health', 'Checks', 'Check', 'Cron', 'DNS', 'CDN', 'API', 'Node', 'Pod', 'Pods', 'Cluster',
  'Additionally', 'Otherwise', 'Instead', 'Meanwhile', 'Finally', 'First', 'Second', 'Later', 'Now', 'Here', 'Too', 'Many', 'Much',
  'Several', 'Both', 'Any', 'Its', 'Their', 'Such', 'Only', 'Even', 'Still', 'Yet', 'So', 'But', 'And', 'Or', 'Not', 'Had', 'Has',
  'Have', 'Was', 'Were', 'Is', 'Are', 'Be', 'Been', 'Do', 'Did', 'Does', 'Can', 'Could', 'Should', 'Would', 'Will', 'May', 'Might',
  'Must', 'Server', 'Servers', 'Container', 'Containers', 'Build', 'Builds', 'Test', 'Tests', 'Update', 'Updates', 'Upgrade', 'Change',
  'Changes', 'Request', 'Process', 'Application', 'App', 'Network', 'Storage', 'Disk', 'Queue', 'Worker', 'Workers', 'Backup', 'Backups',
  'Docker', 'Linux', 'GitHub', 'GitLab', 'Github', 'Gitlab', 'Slack', 'Google', 'Amazon', 'Azure', 'Cloudflare', 'Grafana', 'Prometheus',
  'Datadog', 'Sentry', 'Jenkins', 'Travis', 'Proxmox', 'Helm', 'Ansible', 'Puppet', 'Chef', 'Vault', 'Consul', 'Envoy', 'Istio',
]);

/** Words between an agent and what it did: adverbs, auxiliaries, negations. */
const FILLERS = new Set([
  'just', 'also', 'probably', 'clearly', 'obviously', 'simply', 'then', 'really', 'still', 'never', 'not', 'already', 'actually',
  'again', 'apparently', 'completely', 'entirely', 'repeatedly', 'somehow', 'frankly', 'certainly', 'definitely', 'likely', 'maybe',
  'perhaps', 'only', 'always', 'often', 'sometimes', 'have', 'has', 'had', 'was', 'were', 'is', 'are', 'been', 'be', 'being', 'did',
  'does', 'do', "didn't", "doesn't", "don't", "wasn't", "weren't", "isn't", "aren't", "hadn't", "hasn't", "haven't", 'may', 'might',
  'must', 'will', 'would', 'should', 'could', 'can', 'too', 'so', 'very', 'quite', 'himself', 'herself', 'themselves', 'myself',
]);

/** A word between an agent and what it did: an auxiliary, a negation, an adverb ("dramatically"). */
function isFiller(word: string): boolean {
  return FILLERS.has(word.toLowerCase()) || /^\p{L}{3,}ly,?$/u.test(word);
}

/** Words that open a noun phrase before its head. */
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'one', 'each', 'every', 'this', 'that', 'his', 'her', 'their', 'my', 'your', 'some', 'any', 'no']);

/** Words after the head of a noun phrase that begin its modifier: `the SRE on shift`, `the author of the PR`. */
const POST_MODIFIER = new Set(['on', 'of', 'in', 'at', 'from', 'for', 'with', 'who', 'whose', 'that', 'behind', 'during']);

/** Where a clause starts: the agent of a phrase is found after the last of these. */
const CLAUSE_BREAK = /[.;:!?](?=\s|$)|[,\u2014\u2013()"]|\s-\s|\b(?:because|since|when|whenever|while|although|though|so|but|and|or|if|unless|until|once|after|before|as|where|which)\b/gi;

/** Whether a capitalised word looks like a given name, not a sentence's first word or a product. */
function looksLikeName(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?:-\p{Ll}+)?$/u.test(word) || NOT_NAMES.has(word)) return false;
  // Plurals name things: "Crates failed to build", "Nodes ignored the taint".
  return !/(?:[^aeiou]s|es|ys)$/.test(word);
}

/** Whether a word names a person: an @handle, a role, a pronoun for a person, a name the document gives, or (if allowed) a capitalised name. */
function isPerson(word: string, people: ReadonlySet<string>, names: boolean): boolean {
  const w = word.replace(/^[*_"'(]+|[*_"',)]+$/g, '');
  if (/^@[\w.-]+$/.test(w)) return true;
  if (ROLE_NOUNS.has(w.toLowerCase())) return true;
  for (const name of people) {
    if (name.length >= 2 && name.split(/\s+/).some((part) => part.length >= 2 && part === w)) return true;
  }
  return names && looksLikeName(w);
}

/** Who does what a phrase says: a person, we (the team speaking), a team named, or something else. */
export type Agent = 'person' | 'we' | 'team' | undefined;

/** Head nouns of groups of people: "the platform team", "management", "leadership". */
const TEAM_NOUNS = new Set(['team', 'teams', 'management', 'leadership', 'squad', 'department']);

/**
 * The agent of a phrase, from the words of its clause before it: the word right before it (past
 * adverbs and auxiliaries, `Raj should have`, `@kim just`), or the head of the noun phrase that
 * opens the clause (`The SRE on shift should have`). "The export failed to", "Proxmox container
 * failed to", "many PRs would have" have no person as agent.
 */
export function agentBefore(written: string, people: ReadonlySet<string> = new Set()): Agent {
  // An aside in parentheses ("We added the mapping (team to email), but did it wrong") does not end the clause.
  const before = written.replace(/\([^()]{0,200}\)/g, ' ');
  const clauses: Array<{ text: string; breakAfter: string }> = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(before))) {
    clauses.push({ text: before.slice(start, m.index), breakAfter: m[0].toLowerCase() });
    start = m.index + m[0].length;
  }
  const clause = before.slice(start).split(/\s+/).filter(Boolean);
  const words = clause.slice(-8);
  const own = agentOf(words, people);
  if (own !== undefined) return own;
  // The person who opens the clause, past what they did first ("@rina reviewed the change without being thorough").
  if (!words.every(isFiller)) return subjectOf(clause, people) === 'person' ? 'person' : undefined;
  // A verb phrase joined by a comma, "and" or "but" to the clause before ("Hypha wasn't aware of the
  // patch, didn't test it") shares that clause's subject.
  for (let i = clauses.length - 1; i >= 0; i--) {
    if (![',', 'and', 'but'].includes(clauses[i]!.breakAfter)) return undefined;
    const ws = clauses[i]!.text.split(/\s+/).filter(Boolean);
    if (ws.length > 0) return subjectOf(ws, people);
  }
  return undefined;
}

/** The subject that opens a clause: "we", a team, or a person. */
function subjectOf(words: string[], people: ReadonlySet<string>): Agent {
  let i = 0;
  while (i < words.length && DETERMINERS.has(words[i]!.toLowerCase())) i++;
  const first = words[i];
  if (first === undefined) return undefined;
  if (/^(?:we|us)$/i.test(first)) return 'we';
  if (words.slice(i, i + 3).some((w) => TEAM_NOUNS.has(w.toLowerCase().replace(/[^a-z]/g, '')))) return 'team';
  // A person named, or a noun for people within the first words ("Other people saw…").
  if (words.slice(i, i + 3).some((w) => /^@[\w.-]+$/.test(w) || (ROLE_NOUNS.has(w.toLowerCase().replace(/[^a-z-]/g, '')) && !/^(?:he|she|him|i|user)$/i.test(w)))) return 'person';
  // A name that is the whole noun phrase, followed by its verb.
  const next = words[i + 1]?.toLowerCase() ?? '';
  return isPerson(first, people, true) && (FILLERS.has(next) || /(?:ed|n't)$/.test(next)) ? 'person' : undefined;
}

function agentOf(words: string[], people: ReadonlySet<string>): Agent {
  const isWe = (w: string | undefined) => w !== undefined && /^(?:we|us)$/i.test(w);
  let end = words.length;
  // Auxiliaries, negations and adverbs ("we dramatically underestimated") stand between an agent and its verb.
  while (end > 0 && isFiller(words[end - 1]!)) end--;
  const last = words[end - 1];
  if (last === undefined) return undefined;
  if (isWe(last)) return 'we';
  if (TEAM_NOUNS.has(last.toLowerCase().replace(/[^a-z]/g, ''))) return 'team';
  if (isPerson(last, people, true)) return 'person';
  // The head of the opening noun phrase: the word before a modifier (`on shift`, `of the PR`).
  let i = 0;
  while (i < end && DETERMINERS.has(words[i]!.toLowerCase())) i++;
  let head = i;
  while (head + 1 < end && !POST_MODIFIER.has(words[head + 1]!.toLowerCase()) && head - i < 2) head++;
  if (head + 1 < end && POST_MODIFIER.has(words[head + 1]!.toLowerCase()) && isPerson(words[head]!, people, false)) return 'person';
  return isWe(words[i]) && i === end - 1 ? 'we' : undefined;
}

/**
 * Words without which no pattern above can match: one cheap test lets most lines skip the rest.
 * Every pattern must contain one of these (the blame tests would fail otherwise).
 */
const TRIGGERS = /assumption|procedure|process|precaution|step|practice|smug|overconfiden|cocky|decision|choice|idea|solution|call|move|misconception|thorough|flag|saved|spared|shortened|haste|lazi|complacen|missed|catch|spot|reali|inexperienced|greedy|clueless|naive|arrogant|estimated|misjudg|misread|misunderst|hurried|hastil|serious|detected|noticed|spotted|verified|used|chosen|picked|planned|prepared|waited|asked|reviewed|prevented|avoided|done|run|performed|considered|communicated|escalated|rolled|reverted|thought|reali[sz]ed|anticipated|split|staged|scheduled|wrong|bad|poor|dangerous|risky|misguided|hasty|questionable|naive|costly|terrible|unwise|planning|judg|inadvisab|ill-|security|optimistic|rushed|responsible|engineer|developer|operator|person|came down|caught|alert|tell|inform|warn|mention|ask|wait|careless|sloppy|sloppily|negligen|reckless|lazy|lazily|incompetent|irresponsib|stupid|dumb|finger|bother|error|fault|blame|screw|mess|ball|if only|rubber|botch|asleep|thinking|inexcusab|unforgivab|better|care|attention|diligence|doing|competent|mistake|blunder|oversight|slip|forgot|fail|ignor|disregard|neglect|overlook|should|could|would|ought|wrongly|blindly|accidentally|check|test|read|look|verify|notice|follow|had|rushed|misconfigured|mistyped|typo|broke|pushed|known/i;

/** Blame phrases in a text, each with the question to ask instead. */
export function findBlame(written: string, people: ReadonlySet<string> = new Set()): BlameHit[] {
  // Typographic apostrophes read as plain ones (same length: offsets stay put).
  const text = written.replace(/[\u2018\u2019]/g, "'");
  const hits: BlameHit[] = [];
  if (text.length > 5000 || !TRIGGERS.test(text)) return hits;
  for (const [re, suggestion] of [...ALWAYS, ...VERDICTS]) {
    const m = re.exec(text);
    if (!m) continue;
    // A pattern anchored at a sentence start may begin with the previous sentence's stop.
    const skip = /^[.;:!?]?\s*/.exec(m[0])![0].length;
    hits.push({ start: m.index + skip, end: m.index + m[0].length, phrase: m[0].slice(skip), suggestion });
  }
  // Hindsight about knowledge judges whoever is meant, unless the team speaks of itself.
  const known = SHOULD_HAVE_KNOWN.exec(text);
  if (known && agentBefore(text.slice(0, known.index), people) !== 'we' && !/\b(?:it|this|that|which)\s*$/i.test(text.slice(0, known.index))) {
    hits.push({ start: known.index, end: known.index + known[0].length, phrase: known[0], suggestion: 'Ask what the person knew at the time, and what would have told them.' });
  }
  for (const [re, suggestion] of JUDGED_BY_ANYONE) {
    const m = re.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    // A clause that opens with the judgement has the writer's side as its subject ("- should have waited").
    const opens = /(?:^|[.;:!?]\s|\s[-\u2013\u2014]\s)\s*$/.test(before);
    if (agentBefore(before, people) === undefined && !(opens && /^(?:should|could)/i.test(m[0]))) continue;
    // A counterfactual that names the missing means ("could have detected this with a latency alert") is about the system.
    const rest = text.slice(m.index + m[0].length).split(/[.;!?](?:\s|$)/)[0] ?? '';
    if (/^(?:should|could)/i.test(m[0]) && /\b(?:with|by|through|using|via) (?:a|an|the|better|more|proper|automated|automatic)\b/i.test(rest)) continue;
    hits.push({ start: m.index, end: m.index + m[0].length, phrase: m[0], suggestion });
  }
  for (const [re, suggestion] of WITH_PERSON) {
    const m = re.exec(text);
    if (!m) continue;
    // A subject inside the phrase (`if Rosa had waited`), else the words of the clause before it.
    const agent = m[1] !== undefined ? agentOf(m[1].split(/\s+/).filter(Boolean), people) ?? agentBefore(m[1], people) : agentBefore(text.slice(0, m.index), people);
    // A person, or a team named ("the release team didn't test it"): the writer's own "we" owning a gap is not judged here.
    if (agent !== 'person' && agent !== 'team') continue;
    const at = m.index + m[0].length - m[0].trimStart().length;
    hits.push({ start: at, end: m.index + m[0].length, phrase: m[0].trim(), suggestion });
  }
  return hits.sort((a, b) => a.start - b.start).filter((h, i, all) => i === 0 || h.start >= all[i - 1]!.end);
}
