/**
 * Status vocabulary: the words, headings and sentences that say an action item is done or dropped.
 */
import type { ActionState } from '../model';
import { plainInline } from '../text';

const DONE_WORDS = /^(?:done|complete|completed|closed|fixed|resolved|shipped|merged|finished|implemented|deployed)\b|^[\u2705\u2714\u2611]|^\[x\]/i;
/** Decided against or given up: `Won't do`, `wontfix`, `Dropped`, `FAILED` (an attempt abandoned). */
const DROPPED_WORDS = /^(?:won'?t do|won\u2019t do|will not do|won'?t fix|won\u2019t fix|wontfix|wont fix|dropped|cancell?ed|abandoned|obsolete|rejected|declined|not doing|not planned|failed|superseded|discarded)\b|^\u274c/i;

/** Whether a status or deadline cell says the item is done (`Done (hotfix)`, `✅`, `Completed 2025-04-02`). */
export function isDoneMarker(text: string): boolean {
  return DONE_WORDS.test(plainInline(text).replace(/[`*_~]/g, '').trim());
}

/** Whether a status cell says the item was dropped (`Won't do`, `Cancelled`, `**FAILED**`). */
export function isDroppedMarker(text: string): boolean {
  return DROPPED_WORDS.test(plainInline(text).replace(/[`*_~]/g, '').trim());
}

/** The state a status, deadline or ticket cell states, or undefined when it states none. */
export function stateOfMarker(text: string): ActionState | undefined {
  if (text.trim() === '') return undefined;
  if (isDroppedMarker(text)) return 'dropped';
  if (isDoneMarker(text)) return 'done';
  return undefined;
}

/** A heading or lead-in that says its items are done: `Completed`, `Done during the incident`, `Actions taken`. */
const DONE_HEADING = /\b(?:completed|complete|done|finished|taken|resolved|already (?:in place|implemented|fixed))\b/i;
/** …unless it also says some are not: `Completed or in progress`, `To be done`, `Not done`. */
const NOT_ALL_DONE = /\b(?:in progress|ongoing|planned|pending|open|remaining|todo|to do|to be|not|next|future|proposed|recommended|or|will|needs?|before|after|until|once|when|being|what|how|why)\b|\?/i;
const DROPPED_HEADING = /\b(?:won'?t do|won\u2019t do|will not do|won'?t fix|wontfix|dropped|rejected|declined|cancell?ed|not doing|abandoned|discarded|out of scope)\b/i;

/**
 * The state a heading or a lead-in line gives the items under it: `### Completed`, `Immediate actions
 * (completed)`, `Done during the incident`, `Completed:`, `**Actions taken:**`, `### Won't do`.
 * Undefined when it gives none (`Short-term (completed or in progress)`, `Next steps`).
 */
export function stateOfHeading(title: string): ActionState | undefined {
  const t = plainInline(title).replace(/[`*_~]/g, ' ');
  if (DROPPED_HEADING.test(t)) return 'dropped';
  // `What is being done about this?` asks; it does not report.
  if (DONE_HEADING.test(t) && !NOT_ALL_DONE.test(t)) return 'done';
  return undefined;
}

/**
 * Verbs whose past tense at the start of an item says the work is done (`Removed legacy access`,
 * `Added a log metric`): they are rarely read as adjectives in a planned item.
 */
const STRONG_PAST = new Set([
  'added', 'removed', 'fixed', 'deployed', 'enabled', 'disabled', 'created', 'migrated', 'moved', 'implemented', 'completed',
  'finalized', 'finalised', 'enforced', 'engaged', 'established', 'published', 'released', 'merged', 'shipped', 'replaced',
  'switched', 'introduced', 'wrote', 'built', 'ran', 'rolled', 'reverted', 'restarted', 'repeated', 'applied', 'coordinated',
  'rotated', 'upgraded', 'downgraded', 'patched', 'extended', 'doubled', 'halted', 'paused', 'resumed', 'refunded', 'notified',
  'informed', 'contacted', 'revoked', 'restored', 'deleted', 'changed', 'configured', 'installed', 'uninstalled', 'raised',
  'lowered', 'filed', 'opened', 'closed', 'sent', 'posted', 'announced', 'redeployed', 'rebuilt', 'reenabled', 're-enabled',
  'disallowed', 'blocked', 'banned', 'purged', 'flushed', 'drained', 'cordoned', 'recovered', 'reprocessed', 'backfilled',
]);
/**
 * Past participles that also read as adjectives in planned items (`Improved monitoring`,
 * `Automated rollback`): a done statement only when every item of the list reads as one.
 */
const WEAK_PAST = new Set([
  'improved', 'increased', 'decreased', 'reduced', 'updated', 'documented', 'automated', 'adjusted', 'expanded', 'tuned',
  'scaled', 'isolated', 'hardened', 'separated', 'tested', 'verified', 'validated', 'audited', 'reviewed', 'identified',
  'pinned', 'locked', 'tightened', 'simplified', 'standardized', 'standardised', 'centralized', 'centralised', 'enhanced',
  'refined', 'optimized', 'optimised', 'investigated', 'analyzed', 'analysed', 'confirmed', 'cleaned',
]);
/** Irregular participles after `was`/`were`/`has been`. */
const IRREGULAR_PARTICIPLES = new Set(['built', 'done', 'paid', 'set', 'shut', 'put', 'run', 'written', 'taken', 'made', 'sent', 'given', 'brought', 'rolled']);
/** First words that make the sentence a request about something passive (`Investigate why X was disabled`). */
const NOT_A_SUBJECT = new Set([
  'investigate', 'ensure', 'check', 'verify', 'make', 'add', 'find', 'understand', 'determine', 'figure', 'document', 'explain',
  'confirm', 'review', 'discuss', 'consider', 'evaluate', 'decide', 'why', 'whether', 'if', 'how', 'when', 'what', 'track',
  'monitor', 'alert', 'test', 'audit', 'look', 'see', 'find', 'identify', 'detect', 'prevent', 'avoid', 'fix', 'update', 'write',
]);

/**
 * Verbs that start a request (`Evaluate a pull-through cache`): a paragraph that starts with one in
 * an action-items section without a list is an action.
 */
const IMPERATIVES = new Set([
  'add', 'evaluate', 'investigate', 'implement', 'create', 'update', 'document', 'review', 'ensure', 'improve', 'migrate',
  'remove', 'enable', 'disable', 'automate', 'monitor', 'alert', 'test', 'introduce', 'define', 'establish', 'build', 'write',
  'rotate', 'pin', 'audit', 'fix', 'upgrade', 'replace', 'move', 'consider', 'explore', 'reduce', 'increase', 'deploy',
  'configure', 'schedule', 'set', 'run', 'switch', 'split', 'limit', 'require', 'use', 'adopt', 'publish', 'train', 'hire',
  'assess', 'revisit', 'rework', 'refactor', 'rewrite', 'harden', 'backfill', 'restore', 'verify', 'validate', 'track',
  'minimize', 'minimise', 'maximize', 'maximise', 'warm', 'pre-warm', 'cap', 'bound', 'shard', 'page', 'notify', 'tag',
]);

/** Whether a sentence starts with a request: `Evaluate use of a cache`, `Add alerting on X`. */
export function startsWithImperative(text: string): boolean {
  const first = words(text)[0];
  return first !== undefined && IMPERATIVES.has(first);
}

/** Words of a plain sentence, lowercase, without punctuation. */
function words(text: string): string[] {
  return text.toLowerCase().replace(/[^\p{L}\p{N}'\s-]+/gu, ' ').split(/\s+/).filter((w) => w !== '');
}

/** How an item's text reads: a completed statement (strong or weak past tense, or a passive report), or neither. */
export function completedStatement(text: string): 'strong' | 'weak' | undefined {
  const w = words(text);
  let i = 0;
  // `We added…`, `We have added…`, `We've added…`, `Temporarily doubled…`.
  if (w[i] === 'we' || w[i] === 'team' || w[i] === 'i') i++;
  if (w[i] === 'have' || w[i] === 'had' || w[i] === "we've") i++;
  if (w[0] === "we've") i = 1;
  if (w[i] !== undefined && /ly$/.test(w[i]!) && w[i]!.length > 4 && w[i + 1] !== undefined) i++;
  const first = w[i];
  if (first === undefined || w.length < i + 2) return undefined;
  // `Affected LPs have been identified and will be contacted`: what is still to come keeps it open.
  for (let j = 1; j < w.length - 1; j++) if ((w[j] === 'and' || w[j] === 'but') && (w[j + 1] === 'will' || w[j + 1] === "we'll")) return undefined;
  if (STRONG_PAST.has(first)) return 'strong';
  if (WEAK_PAST.has(first)) return 'weak';
  // `Stuck transactions were accelerated`, `The demotion mechanism has been patched`, `Users got paid`.
  // …unless the first word is a request (`Investigate why X was disabled`); `Fix was applied` is a subject.
  const aux = /^(?:was|were|has|have|got)$/;
  if (NOT_A_SUBJECT.has(w[0]!) && !aux.test(w[1] ?? '')) return undefined;
  // `Script updated to handle pagination`: a headline that reports the change, subject first.
  for (let j = 1; j <= 3 && j < w.length; j++) {
    const p = w[j]!;
    if (!(STRONG_PAST.has(p) || WEAK_PAST.has(p))) continue;
    const next = w[j + 1];
    if (next === undefined || /^(?:to|for|in|on|with|so|and|across|everywhere|via)$/.test(next)) return 'strong';
    break;
  }
  for (let j = 1; j <= 7 && j < w.length - 1; j++) {
    const aux = w[j]!;
    const next = w[j + 1] === 'been' ? w[j + 2] : w[j + 1];
    if (next === undefined) break;
    const participle = /ed$/.test(next) || IRREGULAR_PARTICIPLES.has(next);
    if ((aux === 'was' || aux === 'were' || aux === 'got') && participle && w[j + 1] !== 'been') return 'strong';
    if ((aux === 'has' || aux === 'have') && w[j + 1] === 'been' && participle) return 'strong';
    // A modal or a clause boundary ends the subject: `Rotate secrets that were exposed` is a request.
    if (/^(?:should|will|would|must|can|could|may|might|to|need|needs|that|which|who|whom|whose|when|where|if|because|since|so|until|unless|while|after|before|once)$/.test(aux)) break;
  }
  return undefined;
}
