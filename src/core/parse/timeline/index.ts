/**
 * The timeline section: block readers by mdast node type, date and zone headings, and resolving
 * the raw events once the whole document (and so every known name) has been read.
 */
import type { Heading, List, Paragraph, RootContent } from 'mdast';
import type { Frontmatter, Section, SectionKind, TimeZone, TimelineEvent } from '../../model';
import { gatherPeople, ACTOR_NAMES } from '../../vocabulary/people';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { plainInline, spanLines } from '../../text';
import { quotedTimeline } from './blockquote';
import type { CodeCandidate } from './code';
import { codeTimeline, readCodeTimelines } from './code';
import { dateInHeading, setDate, yearlessDate } from './dates';
import { headingEvents } from './headings';
import { readLeadingTime } from './leading-time';
import { readTimelineList } from './list';
import { readTimelineParagraph } from './paragraph';
import type { RawEvent } from './raw';
import { resolveEvents } from './resolve';
import { readTimelineTable } from './table';
import { zoneInText } from './zones';

/** What the timeline readers gather during the walk. */
export interface TimelineDraft {
  /** The first timeline section. */
  section: Section | undefined;
  events: RawEvent[];
  /**
   * A reader that takes what follows the heading it read (its body and deeper headings) until a
   * heading of its level or higher: one heading per event, with its body as the event's detail.
   */
  claim?: { depth: number; take: (ctx: ParseContext, node: RootContent) => void } | undefined;
  /** An event written as a time alone in a paragraph: the next paragraph holds its text. */
  pending?: RawEvent | undefined;
  /**
   * A date heading at the timeline heading's level right after it (`## Timeline`, `## June 3`,
   * `## June 4`): the timeline goes on under it, at this depth.
   */
  continued?: number | undefined;
  /** Whether the last heading at the timeline's level was the timeline or a date heading after it. */
  afterTimeline?: boolean;
  /** Code blocks that may be the timeline, read at the end if nothing else was (see code.ts). */
  codeBlocks?: CodeCandidate[];
  /** Whether the block before was a bold label (`**Root causes:**`). */
  labelled?: boolean;
}

/** The kind the blocks under the current heading are read as when no recognised section holds them. */
export function continuedKind(draft: TimelineDraft): SectionKind | undefined {
  return draft.continued !== undefined ? 'timeline' : undefined;
}

/**
 * A reader of one shape of timeline block. It is offered each block (and each heading inside the
 * timeline section) of a type it names, in registry order, and returns whether it took the block.
 */
export interface TimelineReader {
  /** What the reader recognises, for docs and tests. */
  shape: string;
  types: ReadonlyArray<RootContent['type']>;
  read(ctx: ParseContext, node: RootContent, draft: TimelineDraft): boolean;
}

/** Adapts a reader of one node type that always takes its block. */
function blockReader<T extends RootContent['type']>(shape: string, type: T, read: (ctx: ParseContext, node: Extract<RootContent, { type: T }>, out: RawEvent[]) => void): TimelineReader {
  return { shape, types: [type], read: (ctx, node, draft) => (read(ctx, node as Extract<RootContent, { type: T }>, draft.events), true) };
}

/**
 * The readers of every shape a timeline is written in, tried in this order. Adding a shape: its
 * module, one entry here, its fixture.
 */
export const TIMELINE_READERS: readonly TimelineReader[] = [
  headingEvents,
  blockReader('list items, one event each', 'list', readTimelineList),
  blockReader('table rows, one event each', 'table', readTimelineTable),
  codeTimeline,
  quotedTimeline,
  { shape: 'lines of a paragraph that start with a time; a time alone, its text below', types: ['paragraph'], read: (ctx, node, draft) => (readTimelineParagraph(ctx, node as Paragraph, draft), true) },
];

function offer(ctx: ParseContext, node: RootContent, draft: TimelineDraft): boolean {
  return TIMELINE_READERS.some((r) => r.types.includes(node.type) && r.read(ctx, node, draft));
}

/** Reads the events of one block of the timeline section. */
export function readTimelineBlock(ctx: ParseContext, node: RootContent, draft: TimelineDraft): void {
  if (node.type !== 'paragraph') draft.pending = undefined;
  if (draft.claim) {
    draft.claim.take(ctx, node);
    return;
  }
  const labelled = draft.labelled;
  draft.labelled = node.type === 'paragraph' && isLabel(ctx, node);
  // `**Root causes:**` and the list under it, inside the timeline: a note about the incident, not events.
  if (labelled && node.type === 'list' && !listHasTimes(ctx, node)) return;
  offer(ctx, node, draft);
}

/** A bold label alone in its paragraph (`**Root causes:**`, `**Notes**:`) that is not a date or time. */
const LABEL = /^(?:\*\*|__)[^*_\n]{1,60}?(?::(?:\*\*|__)|(?:\*\*|__):)\s*$/;
/** A lead-in that introduces the timeline itself (`Sequence of events:`): its list is the events. */
const TIMELINE_LEAD_IN = /\b(?:timeline|events?|sequence|chronolog\w*|times?|utc|gmt)\b/i;

/**
 * A bold label or a lead-in sentence ending with a colon, not about the timeline itself and
 * without a time: the untimed list after it is the detail of what came before, not events.
 */
function isLabel(ctx: ParseContext, p: Paragraph): boolean {
  const s = spanOf(ctx, p);
  if (!s || /\d/.test(s.text) || TIMELINE_LEAD_IN.test(s.text)) return false;
  // A sentence of three words or more that leads into a list (`The change lands with a test that:`).
  const lastLine = s.text.slice(s.text.lastIndexOf('\n') + 1).trim();
  const leadIn = lastLine.endsWith(':') && lastLine.split(/\s+/).length >= 3;
  return leadIn || LABEL.test(s.text);
}

/** Whether any item of a list starts with a time. */
function listHasTimes(ctx: ParseContext, list: List): boolean {
  return list.children.some((item) => {
    const first = item.children[0];
    const s = first?.type === 'paragraph' ? spanOf(ctx, first) : undefined;
    return s !== undefined && readLeadingTime(spanLines(s)[0]!, ctx.dates.current) !== undefined;
  });
}

/**
 * Notes a heading: the first timeline heading may state the zone (`## Timeline (UTC)`); a heading
 * inside the timeline is offered to the readers (an event written as a heading), and otherwise
 * may set the date (`### 2025-06-14`).
 */
export function readTimelineHeading(ctx: ParseContext, node: Heading, section: Section, parentKindAsOpened: SectionKind | undefined, draft: TimelineDraft): void {
  let parentKind = parentKindAsOpened;
  const top = draft.section?.depth;
  if (draft.continued !== undefined) {
    if (node.depth > draft.continued) parentKind ??= 'timeline';
    else draft.continued = undefined;
  }
  if (top !== undefined && node.depth <= top && section !== draft.section) {
    const d = !section.kind && node.depth === top && draft.afterTimeline ? headingDate(section.title, ctx) : undefined;
    draft.afterTimeline = d !== undefined;
    if (d) {
      draft.claim = undefined;
      draft.pending = undefined;
      draft.continued = node.depth;
      setDate(ctx, d);
      ctx.zones.local = zoneInText(section.title, 'heading', d) ?? ctx.zones.local;
      return;
    }
  }
  if (draft.claim && node.depth > draft.claim.depth && parentKind === 'timeline') {
    draft.claim.take(ctx, node);
    return;
  }
  draft.claim = undefined;
  draft.pending = undefined;
  if (section.kind === 'timeline' && !draft.section) {
    draft.section = section;
    draft.afterTimeline = true;
    // `## Timeline (all times PST) 07/27/2023 - 07/31/2023`: the timeline starts on the first date named.
    const starts = dateInHeading(section.title, ctx.dates.order);
    if (starts) {
      ctx.dates.incident ??= starts;
      setDate(ctx, starts);
    }
    ctx.zones.heading = zoneInText(section.title, 'heading', ctx.dates.incident);
    ctx.zones.local = undefined;
  } else if (section.kind === 'timeline') {
    // A later timeline (`## Follow-up timeline (times in BST)`) goes on with its own zone, if it states one.
    ctx.zones.local = zoneInText(section.title, 'heading', ctx.dates.current ?? ctx.dates.incident);
  } else if (!section.kind && parentKind === 'timeline') {
    if (offer(ctx, node, draft)) return;
    const d = headingDate(section.title, ctx);
    if (d) {
      setDate(ctx, d);
      // `#### 29-09-2021 (All times CEST)`: the zone of the events of that day.
      ctx.zones.local = zoneInText(section.title, 'heading', d) ?? ctx.zones.local;
    }
  }
}

/** The date a heading names, with or without its year (`### 2025-05-13`, `## June 3`, `### 15 May`). */
function headingDate(title: string, ctx: ParseContext): string | undefined {
  return dateInHeading(title, ctx.dates.order) ?? yearlessDate(plainInline(title).replace(/[`:]/g, ''), ctx.dates.current ?? ctx.dates.incident);
}

/** The zone the prose names next to its times, when it names exactly one (by offset). */
export function proseZone(zones: readonly TimeZone[]): TimeZone | undefined {
  const first = zones[0];
  return first && zones.every((z) => z.offsetMinutes === first.offsetMinutes) ? first : undefined;
}

/**
 * Resolves the events once the document is read: actors are recognised among the people the
 * frontmatter, the action items and the timeline name.
 */
export function finishTimeline(
  ctx: ParseContext, draft: TimelineDraft, frontmatter: Frontmatter | undefined, owners: Iterable<string | undefined>, frontmatterZone: TimeZone | undefined,
): TimelineEvent[] {
  readCodeTimelines(ctx, draft);
  const knownActors = new Set(gatherPeople({
    frontmatter: frontmatter?.data,
    owners,
    actors: draft.events.map((e) => ({ actor: e.actor, text: e.lead.text })),
  }, ACTOR_NAMES));
  const events = resolveEvents(draft.events, {
    index: ctx.index,
    headingZone: ctx.zones.heading,
    sectionZone: ctx.zones.section ?? ctx.zones.document,
    proseZone: proseZone(ctx.zones.prose),
    frontmatterZone,
    incidentDate: ctx.dates.incident,
    knownActors,
    problems: ctx.problems,
  });
  // Events written with a day and no time keep their day (resolving reads times only).
  draft.events.forEach((raw, i) => {
    const e = events[i];
    if (raw.day !== undefined && e && !e.time) e.date = raw.day;
  });
  return events;
}
