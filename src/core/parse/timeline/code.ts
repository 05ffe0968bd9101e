/**
 * Timelines written in a code block: lines `21:48 text` between the fences (or indented). Read only when
 * the block sits in the timeline section itself, most of its lines start with a time, and the
 * section has no events written any other way (a log excerpt beside a list is not the timeline).
 */
import type { Code } from 'mdast';
import type { Span } from '../../text';
import { spanLines, trimSpan } from '../../text';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { dateLine } from './dates';
import type { TimelineDraft, TimelineReader } from './index';
import type { RawTime } from './leading-time';
import { readLeadingTime } from './leading-time';
import { withDayShift } from './list';
import { pushEvent } from './raw';

/** Info strings of a fence that may hold a timeline: none, or plain text. */
const PLAIN_LANGS = new Set(['', 'text', 'txt', 'plain', 'plaintext', 'none', 'log', 'md', 'markdown']);

/** A code block kept until the section is read, with the date in force where it was written. */
export interface CodeCandidate {
  lines: Span[];
  date: string | undefined;
}

/** The lines between the fences of a fenced code block, or all lines of an indented one. */
function innerLines(ctx: ParseContext, node: Code): Span[] {
  const s = spanOf(ctx, node);
  if (!s) return [];
  const lines = spanLines(s);
  const first = lines[0]!.text.trimStart();
  if (!first.startsWith('```') && !first.startsWith('~~~')) return lines;
  const fence = first.slice(0, 3);
  const last = lines.length > 1 ? lines[lines.length - 1]!.text.trim() : '';
  return lines.slice(1, lines.length > 1 && last.startsWith(fence) ? -1 : undefined);
}

export const codeTimeline: TimelineReader = {
  shape: 'a fenced code block of lines that start with a time, when the section has nothing else',
  types: ['code'],
  read(ctx, node, draft) {
    const code = node as Code;
    if (!PLAIN_LANGS.has((code.lang ?? '').toLowerCase())) return false;
    const lines = innerLines(ctx, code).map(trimSpan).filter((l) => l.text !== '');
    const timed = lines.filter((l) => readLeadingTime(l, ctx.dates.current) !== undefined).length;
    if (timed < 2 || timed * 2 <= lines.length) return false;
    (draft.codeBlocks ??= []).push({ lines, date: ctx.dates.current });
    return true;
  },
};

/**
 * Reads lines where each line that starts with a time starts an event and the lines after it
 * continue it; a date line before the first event sets the date (code blocks, quoted chats).
 */
export function readTimedLines(ctx: ParseContext, draft: TimelineDraft, lines: readonly Span[], source: string): void {
  let current: { lead: Span; time: RawTime; extra: Span[]; start: number; end: number } | undefined;
  const flush = () => {
    if (!current) return;
    pushEvent(ctx, draft.events, { time: current.time, lead: current.lead, extra: current.extra, whole: { text: ctx.text.slice(current.start, current.end), offset: current.start }, source });
    current = undefined;
  };
  for (const line of lines) {
    const lead = withDayShift(ctx, readLeadingTime(line, ctx.dates.current));
    if (lead) {
      flush();
      current = { lead: lead.rest, time: lead.time, extra: [], start: line.offset, end: line.offset + line.text.length };
    } else if (current) {
      current.extra.push(line);
      current.end = line.offset + line.text.length;
    } else {
      const d = dateLine(line, ctx.dates.current ?? ctx.dates.incident, ctx.dates.order);
      if (d) ctx.dates.current = d;
    }
  }
  flush();
}

/** Reads the code blocks kept as timelines, when nothing else in the section was an event. */
export function readCodeTimelines(ctx: ParseContext, draft: TimelineDraft): void {
  if (draft.events.length > 0 || !draft.codeBlocks) return;
  for (const block of draft.codeBlocks) {
    ctx.dates.current = block.date;
    readTimedLines(ctx, draft, block.lines, 'code');
  }
}
