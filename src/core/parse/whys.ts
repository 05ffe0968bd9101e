/** Reads Five Whys chains from the lines of root-cause and contributing-factors sections. */
import type { Nodes, Paragraph, RootContent } from 'mdast';
import type { Range, Section, WhyChain, WhyStep } from '../model';
import type { LineIndex, Span } from '../text';
import { plainInline, sliceSpan, spanLines, trimSpan } from '../text';
import type { ParseContext } from './context';
import { currentKindSection, spanOf } from './context';

/** A source line of a root-cause section, with the block it belongs to. */
export interface WhyLine {
  span: Span;
  /** Lines of one paragraph share a block number. */
  block: number;
  /** How many list items the paragraph is nested in (0 outside lists). */
  depth: number;
  section: Section | undefined;
}

/** Lines collected for {@link readWhyChains}, and the number of paragraphs seen. */
export interface WhyLines {
  lines: WhyLine[];
  blocks: number;
}

/** Every paragraph inside a block with its list depth, in order, not descending into tables. */
function nestedParagraphs(node: Nodes, depth: number, out: Array<{ p: Paragraph; depth: number }>): void {
  if (node.type === 'table') return;
  if (node.type === 'paragraph') {
    out.push({ p: node, depth });
    return;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) nestedParagraphs(child, node.type === 'listItem' ? depth + 1 : depth, out);
}

/** Collects the lines of every paragraph in a block (not in tables), each paragraph its own block number. */
export function collectWhyLines(ctx: ParseContext, node: RootContent, out: WhyLines): void {
  const section = currentKindSection(ctx);
  const found: Array<{ p: Paragraph; depth: number }> = [];
  nestedParagraphs(node, 0, found);
  for (const { p, depth } of found) {
    const s = spanOf(ctx, p);
    if (!s) continue;
    out.blocks++;
    for (const line of spanLines(s)) out.lines.push({ span: line, block: out.blocks, section, depth });
  }
}

const LEAD = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:(?:\*\*|__)?(?:Q|Q\d{1,2}|Question)(?:\*\*|__)?\s*[:.]\s*)?/i;
const BOLD_WHY = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\*\*|__)(Why(?:\s*#?\d{1,2})?\s*[?:.]?)(?:\*\*|__)\s*[:\u2014\u2013-]?\s*/i;
const WHY_NUMBER = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(Why\s*#?\d{1,2}\s*[:.])\s*/i;
const QUESTION = /^(?:\*\*|__)?why\b/i;
const ANSWER = /^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+)?(?:\u2192|->|=>|\u21d2|\u27f6|(?:\*\*|__)?(?:A|A\d{1,2}|Answer)(?:\*\*|__)?\s*[:.](?:\*\*|__)?|(?=because\b))\s*/i;

/**
 * Reads Five Whys chains: `Why …?` followed by `→ answer`, `-> answer`, `Because …` or `A: …`;
 * numbered whys with the answer on the same line; bold `**Why?**` prefixes whose question is
 * implied; nested lists, where the answer and the next why sit in items under the why they answer.
 * A chain ends at a heading, or at a paragraph that is neither a why nor an answer.
 */
export function readWhyChains(lines: readonly WhyLine[], index: LineIndex): WhyChain[] {
  const chains: WhyChain[] = [];
  let steps: WhyStep[] = [];
  let section: Section | undefined;
  let lastBlock = -1;
  let lastWasAnswer = false;
  // The list depth of the why being answered: a paragraph nested deeper belongs to it.
  let whyDepth = 0;
  const rangeOf = (s: Span): Range => index.range(s.offset, s.offset + s.text.length);
  const close = () => {
    if (steps.length > 0) {
      chains.push({ section, steps, range: { start: steps[0]!.range.start, end: steps[steps.length - 1]!.range.end } });
    }
    steps = [];
    lastWasAnswer = false;
  };
  for (const { span, block, section: lineSection, depth } of lines) {
    if (lineSection !== section) {
      close();
      section = lineSection;
    }
    const line = trimSpan(span);
    if (line.text === '') continue;
    const current = steps[steps.length - 1];
    const bold = BOLD_WHY.exec(line.text) ?? WHY_NUMBER.exec(line.text);
    const lead = LEAD.exec(line.text)![0].length;
    const body = sliceSpan(line, lead);
    if (bold && !/\?\s*$/.test(line.text.slice(bold[0].length)) && !QUESTION.test(line.text.slice(bold[0].length))) {
      const answer = trimSpan(sliceSpan(line, bold[0].length));
      steps.push({
        question: undefined,
        answer: answer.text === '' ? undefined : plainInline(answer.text),
        range: rangeOf(line),
        questionRange: undefined,
        answerRange: answer.text === '' ? undefined : rangeOf(answer),
      });
      lastWasAnswer = answer.text !== '';
      lastBlock = block;
      whyDepth = depth;
      continue;
    }
    const questionBody = bold ? trimSpan(sliceSpan(line, bold[0].length)) : body;
    if (QUESTION.test(questionBody.text) && questionBody.text.includes('?')) {
      const q = questionBody.text.indexOf('?') + 1;
      const question = sliceSpan(questionBody, 0, q);
      const after = questionBody.text.slice(q).replace(/^\s*(?:\*\*|__)?\s*(?:\u2192|->|=>|\u21d2|[\u2014\u2013:-])?\s*/, '');
      const answer = after.trim() === '' ? undefined : trimSpan(sliceSpan(questionBody, questionBody.text.length - after.length));
      steps.push({
        question: plainInline(question.text),
        answer: answer ? plainInline(answer.text) : undefined,
        range: rangeOf(line),
        questionRange: rangeOf(question),
        answerRange: answer ? rangeOf(answer) : undefined,
      });
      lastWasAnswer = answer !== undefined;
      lastBlock = block;
      whyDepth = depth;
      continue;
    }
    const answerLead = ANSWER.exec(line.text);
    const isArrowAnswer = answerLead !== null && answerLead[0].trim() !== '' || /^\s*because\b/i.test(line.text);
    const nested = depth > whyDepth;
    if (current && (isArrowAnswer || (!lastWasAnswer && current.answer === undefined && (block === lastBlock || nested)))) {
      const answer = trimSpan(sliceSpan(line, answerLead ? answerLead[0].length : 0));
      if (current.answer === undefined) {
        current.answer = plainInline(answer.text);
        current.answerRange = rangeOf(answer);
      } else {
        current.answer = `${current.answer} ${plainInline(answer.text)}`;
        current.answerRange = { start: current.answerRange!.start, end: rangeOf(answer).end };
      }
      current.range = { start: current.range.start, end: rangeOf(line).end };
      lastWasAnswer = true;
      lastBlock = block;
      continue;
    }
    if (current && lastWasAnswer && (block === lastBlock || nested)) {
      // A wrapped answer line in the same paragraph, or more of the answer in an item under the why.
      current.answer = `${current.answer ?? ''} ${plainInline(line.text)}`.trim();
      current.answerRange = { start: current.answerRange?.start ?? rangeOf(line).start, end: rangeOf(line).end };
      current.range = { start: current.range.start, end: rangeOf(line).end };
      continue;
    }
    close();
    lastBlock = block;
  }
  close();
  return chains;
}
