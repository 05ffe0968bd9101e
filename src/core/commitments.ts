/**
 * Follow-up work written as prose: "We are investigating ways to improve the resilience of our
 * infrastructure", "Further segmentation of internal hosts is also under way", "Lesson learned is to
 * ensure there is satisfactory testing". Real postmortems promise work in sentences as often as in
 * lists; these are the sentences, outside the timeline and the action items the parser reads, that
 * commit to work. Judging whether they can be checked is action-vague's business.
 *
 * Only the shapes that are commitments whatever the section are read: an intent in progress ("we are
 * investigating", "the team will continue to"), an intent to find out or to improve without bound
 * ("we will investigate", "we should enhance"), a promise that it will not happen again ("we will
 * ensure this does not recur"), work said to be pending ("is under way", "remains a priority", "are
 * to be"), a need stated ("indicates a need for"), advice given as the lesson ("Lesson learned is
 * to…"), and an imperative under a label that makes it an item ("Action point: …"). The commitment
 * may open a later clause ("This shouldn't happen, and we will continue to improve X") and a sentence
 * may start at the end of a wrapped line. A plain "we will <do X>" or "we should <do X>" is left
 * alone: measured on real postmortems, in lessons and principles it is as often commentary on a list
 * of items elsewhere as an item of its own, and a false alarm costs more than a miss.
 */
import type { Postmortem, Range } from './model';
import { allSections } from './sections';
import type { LineIndex } from './text';
import { blankNonProse, fenceTracker } from './text';
import { GERUNDS } from './vague';

export interface Commitment {
  /** The sentence, Markdown emphasis removed. */
  text: string;
  /** Where the sentence starts and ends (one line: a wrapped sentence ends on its first line). */
  range: Range;
  /** What is asked, as an imperative: "We are investigating ways to X" → "investigate ways to X". */
  request: string;
}

/** Who commits: "we", "our team", "the platform team" (case as written mid-sentence; the first letter may be a capital). */
const SUBJECT = String.raw`(?:[Ww]e|[Oo]ur (?:[\w-]+ ){0,2}(?:team|contributors|engineers|developers)|[Tt]he (?:[\w-]+ ){0,2}team)`;
/**
 * What the subject is doing or will do: work in progress, continuing effort, an intent to find out
 * ("will investigate", "plan to revisit"), or an unbounded improvement ("will harden").
 */
const FUTURE_VERB = String.raw`(?:(?:remain|are|stay|is) committed to|(?:are|is) (?:still |currently |always |constantly )?(?:investigating|exploring|looking into|looking at|looking for|evaluating|considering|implementing|adding|introducing|putting in place)|(?:are|is) (?:still |currently )?in the process of|will continue to|are going to continue to|(?:will|should|must|need to|are going to|plan to|intend to)(?: also| further| first)?(?= (?:improve|enhance|strengthen|harden|strive|find ways|look for ways|investigate|explore|consider|look into|revisit|re-evaluate|reevaluate|rethink|figure out|continue|work on|work with)\b| (?:ensure|make sure) (?:that )?(?:this|it|such|similar|these|the same)\b| (?:prevent|avoid) (?:this|such|similar|these|it|the same)\b)|will be(?= (?:working|focusing|looking)\b))`;
/** The same without its subject, for a clause that shares the sentence's subject: "…, and will continue to improve X". */
export const SHARED_FUTURE = new RegExp(String.raw`(?:,? and|;|, but) (?:${SUBJECT} )?(?:also |still |further )?(${FUTURE_VERB}) `);
/** Where a clause with a subject of its own may begin: "…, but the vendor…", "…; the team…", "…, while…". */
const CLAUSE_JOIN = /[;,]\s*(?:but|and|so|yet|while|whereas|although|though)?\s+|\s(?:but|while|whereas|although|though|because)\s/;
/** A clause that names its own subject: ", and we will…". */
export const OWN_SUBJECT = new RegExp(String.raw`^(?:,? and|;|, but) ${SUBJECT} `);
/** A sentence that opens with the writer's side: "We…", "The platform team…". */
export const OPENS_WITH_SUBJECT = new RegExp(String.raw`^${SUBJECT} `);
/** An opening that sets the commitment in time or order: "Going forward", "Lastly", "In addition to X,". */
const OPENING = /^(?:going forward|moving forward|in the future|in the coming (?:days|weeks|months)|lastly|also|additionally|next|finally|hence|therefore|thus|as such|to that end|as a result|in addition to [^,]{1,60}),? /i;
/** "We will…", "the Chia team is going to…", "We are investigating ways to…". */
export const FUTURE = new RegExp(String.raw`^${SUBJECT} (?:also |still |further )?${FUTURE_VERB} `);
/** "…indicates a need for more robust rollback procedures": what is needed is asked. */
const NEED = /\b(?:indicates|underscores|highlights|shows|demonstrates|reinforces|suggests) (?:the |a )?(?:clear |strong )?need (?:for|to) /i;
/** Work said to be pending: "…is also under way", "…remains a priority", "Production release phases are to be more spread out". */
const PENDING = /\b(?:should|will|must|needs? to) be (?:further |significantly )?(?:improved|enhanced|strengthened|hardened|revisited|reconsidered)\b|\bimprovements (?:will|are going to|are to) be (?:made|deployed|rolled out|implemented|introduced)\b|\b(?:is|are) (?:also |now |still )?(?:under ?way|in progress|planned|being planned|on the roadmap)\b|\bremains? a (?:top |high )?priority\b|\b(?:is|are) to be (?!expected|found)\w+|\b(?:changes|work|improvements) (?:are |is )?(?:coming|planned)\b/i;
/** "Lesson learned is to ensure…", "It's a good idea to…". */
const ADVICE = /^(?:(?:the )?lessons? learned (?:is|was|are) to|the lesson (?:is|was) to|it(?:'s| is|’s) a good idea to|the ideal (?:pattern|solution|approach|setup) would be)\b/i;
/** Labels that introduce an item: "Action point:", "TODO:", "Action planned:". */
const ITEM_LABEL = /^(?:action (?:point|item|planned|required)|todo|to do|next step|follow[- ]?up|proposal|recommendation)s?\s*[:\u2014-]\s*/i;
/** Labels that say the work is done. */
const DONE_LABEL = /^(?:done|fixed|resolved|completed|action taken|mitigated)\s*[:\u2014-]/i;
/** Sentences that tell what happened or what is, not what will be done. */
const REPORT = /\b(?:was|were|had|did|has been|have been|went|came|took|became|happened|caused)\b/i;

const SECOND_PERSON = /\b(?:you|your|yours)\b/i;
const ABOUT_THE_DOCUMENT = /\b(?:this|the following) (?:post|document|report|write-?up|post-?mortem|section|page)\b|\bthe steps (?:taken|we took)\b|\bbelow\b/i;

/** Contractions read in full: "We'll continue to", "we're still in the process of". */
function inFull(text: string): string {
  return text.replace(/\b([Ww]e)['\u2019]ll\b/g, '$1 will').replace(/\b([Ww]e)['\u2019]re\b/g, '$1 are');
}

/** What a commitment matched in `text` asks, as an imperative: "we are investigating ways to X" → "investigate ways to X". */
function requestAfter(text: string, m: RegExpExecArray): string {
  // "…will continue to improve, our alerting": the verb's object past the aside's comma.
  const after = text.slice(m.index + m[0].length).replace(/^([a-z-]+),/, '$1');
  const gerund = Object.keys(GERUNDS).find((g) => m[0].endsWith(` ${g} `));
  return gerund ? `${GERUNDS[gerund]} ${after}` : after;
}

/** The request of a commitment, as an imperative. */
function asRequest(body: string): string {
  const advice = ADVICE.exec(body);
  if (advice) return body.slice(advice[0].length).replace(/^ (?:to )?/, '');
  const need = NEED.exec(body);
  if (need) return body.slice(need.index + need[0].length);
  const rest = body.replace(OPENING, '');
  const m = FUTURE.exec(rest) ?? sharedFuture(rest);
  return m ? requestAfter(rest, m) : body;
}

/**
 * The request of an item written as a commitment in a later clause ("Lastly we have already improved,
 * and will continue to improve, our alerting"), or undefined when the item is not written so.
 */
export function laterClauseRequest(text: string): string | undefined {
  const plain = inFull(text.replace(/[*_~]/g, '')).replace(OPENING, '');
  // Only an item written as the writers' sentence: "Add a timeout…, and we will monitor the errors" asks to add a timeout.
  if (FUTURE.test(plain) || !OPENS_WITH_SUBJECT.test(plain)) return undefined;
  const m = sharedFuture(plain);
  return m ? requestAfter(plain, m) : undefined;
}

/** A commitment in a later clause of a sentence whose subject commits: "This shouldn't happen, and we will continue to improve X". */
function sharedFuture(body: string): RegExpExecArray | null {
  const m = SHARED_FUTURE.exec(body);
  if (!m) return null;
  if (OWN_SUBJECT.test(m[0])) return m;
  // Without its own subject, the clause shares the subject of the clause before it, which must be the
  // writers: "We rolled back, but the vendor API was flaky and should improve" is about the vendor.
  const clauses = body.slice(0, m.index).split(CLAUSE_JOIN);
  return OPENS_WITH_SUBJECT.test(clauses[clauses.length - 1]!.trimStart()) ? m : null;
}

const SENTENCE_END = /[.!?](?=\s+["“(*_]*[A-Z])/g;
const LIST_MARKER = /^(\s*)(?:[-*+]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s+)?/;

/**
 * A sentence that starts near the end of a wrapped line ("…its line. We\nshould enhance our
 * logging…") read with the lines that continue it, up to its end (at most three lines).
 */
function withContinuation(text: string, lines: LineIndex, line: number, last: boolean): string {
  if (!last || /[.!?:]["”)*_]*\s*$/.test(text)) return text;
  let out = text;
  for (let l = line + 1; l <= Math.min(lines.lineCount, line + 3); l++) {
    const next = lines.lineText(l);
    if (next.length > 2000 || next.trim() === '' || /^\s{0,3}(?:#|>|\||```|~~~)/.test(next) || LIST_MARKER.test(next)) break;
    const stop = /[.!?](?=\s|$)/.exec(next);
    out += ` ${stop ? next.slice(0, stop.index + 1) : next}`;
    if (stop) break;
  }
  return out;
}

/** Commitments to follow-up work written as sentences outside the action items the parser reads. */
export function proseCommitments(postmortem: Postmortem, lines: LineIndex): Commitment[] {
  const covered = new Set<number>();
  for (const item of postmortem.actionItems) for (let l = item.range.start.line; l <= item.range.end.line; l++) covered.add(l);
  // Timelines (the one the parser reads, and any other section headed as one) report, they do not promise.
  for (const s of allSections(postmortem.sections)) if (s.kind === 'timeline') for (let l = s.range.start.line; l <= s.range.end.line; l++) covered.add(l);
  const timeline = postmortem.timeline.section?.range;
  if (timeline) for (let l = timeline.start.line; l <= timeline.end.line; l++) covered.add(l);
  if (postmortem.frontmatter) for (let l = postmortem.frontmatter.range.start.line; l <= postmortem.frontmatter.range.end.line; l++) covered.add(l);
  const out: Commitment[] = [];
  const inCode = fenceTracker();
  for (let l = 1; l <= lines.lineCount; l++) {
    const raw = lines.lineText(l);
    if (inCode(raw) || covered.has(l) || raw.length > 2000 || /^\s{0,3}(?:#|>|\|)/.test(raw) || raw.trim() === '') continue;
    const prose = blankNonProse(raw);
    const marker = LIST_MARKER.exec(prose);
    // A wrapped line of a paragraph or list item starts no sentence of its own unless one ends on it.
    const before = l > 1 ? lines.lineText(l - 1) : '';
    const continues = !marker && before.trim() !== '' && !/^\s{0,3}(?:#|\|)/.test(before) && !/[.!?:]["”)*_]*\s*$/.test(before);
    let starts = continues ? [] : [marker ? marker[0].length : prose.length - prose.trimStart().length];
    for (const m of prose.matchAll(SENTENCE_END)) {
      const at = m.index + 1 + (/^\s+/.exec(prose.slice(m.index + 1))?.[0].length ?? 0);
      if (!/^(?:e\.g|i\.e|etc|vs|approx)$/i.test(/(\w+)$/.exec(prose.slice(0, m.index))?.[1] ?? '')) starts.push(at);
    }
    starts = starts.filter((s) => s < prose.length);
    for (const [i, start] of starts.entries()) {
      const end = starts[i + 1] ?? prose.length;
      // Sentences are found in the prose (code spans blanked, columns kept) and judged as written:
      // a code span is what makes "Evaluate the `limit` setting" concrete.
      if (prose.slice(start, end).trim() === '') continue;
      const sentence = withContinuation(raw.slice(start, end), lines, l, i === starts.length - 1).replace(/[*_~]/g, '').replace(/\s+/g, ' ').trim();
      if (DONE_LABEL.test(sentence)) continue;
      const labelled = ITEM_LABEL.exec(sentence);
      const body = labelled ? sentence.slice(labelled[0].length) : sentence;
      if (body.split(' ').length < 3) continue;
      // Template guidance ("Provide … how you will …") and the document announcing itself are not work.
      if (SECOND_PERSON.test(body) || ABOUT_THE_DOCUMENT.test(body)) continue;
      const plain = inFull(body);
      const opened = plain.replace(OPENING, '');
      const future = FUTURE.test(opened) || sharedFuture(opened) !== null || NEED.test(plain) || PENDING.test(plain) || ADVICE.test(plain);
      // Other sentences are items only under a label that says so ("Recommendation: …"): in lessons
      // and principles, "Over-provision" and "Give partners warning" are advice, not items.
      if (!future && (labelled === null || REPORT.test(body.split(/[,;:]/)[0]!))) continue;
      out.push({ text: body, request: future ? asRequest(plain) : body, range: { start: { line: l, column: start + 1 }, end: { line: l, column: end + 1 } } });
    }
  }
  return out;
}
