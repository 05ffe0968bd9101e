/**
 * The timeline section: block readers by mdast node type, date and zone headings, and resolving
 * the raw events once the whole document (and so every known name) has been read.
 */
import type { RootContent } from 'mdast';
import type { Frontmatter, Section, SectionKind, TimeZone, TimelineEvent } from '../../model';
import { gatherPeople, ACTOR_NAMES } from '../../vocabulary/people';
import type { ParseContext } from '../context';
import { dateInHeading } from './dates';
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
}

type NodeOf<T extends RootContent['type']> = Extract<RootContent, { type: T }>;
type BlockReader<T extends RootContent['type']> = (ctx: ParseContext, node: NodeOf<T>, out: RawEvent[]) => void;

/** The reader of each kind of block a timeline is written in; other blocks hold no events. */
const READERS: { [T in RootContent['type']]?: BlockReader<T> } = {
  list: readTimelineList,
  table: readTimelineTable,
  paragraph: readTimelineParagraph,
};

/** Reads the events of one block of the timeline section. */
export function readTimelineBlock(ctx: ParseContext, node: RootContent, draft: TimelineDraft): void {
  const read = READERS[node.type] as BlockReader<RootContent['type']> | undefined;
  read?.(ctx, node as never, draft.events);
}

/**
 * Notes a heading: the first timeline heading may state the zone (`## Timeline (UTC)`); an
 * unrecognised heading inside the timeline may set the date (`### 2025-06-14`).
 */
export function readTimelineHeading(ctx: ParseContext, section: Section, parentKind: SectionKind | undefined, draft: TimelineDraft): void {
  if (section.kind === 'timeline' && !draft.section) {
    draft.section = section;
    ctx.zones.heading = zoneInText(section.title, 'heading', ctx.dates.incident);
  } else if (!section.kind && parentKind === 'timeline') {
    const d = dateInHeading(section.title);
    if (d) ctx.dates.current = d;
  }
}

/**
 * Resolves the events once the document is read: actors are recognised among the people the
 * frontmatter, the action items and the timeline name.
 */
export function finishTimeline(
  ctx: ParseContext, draft: TimelineDraft, frontmatter: Frontmatter | undefined, owners: Iterable<string | undefined>, frontmatterZone: TimeZone | undefined,
): TimelineEvent[] {
  const knownActors = new Set(gatherPeople({
    frontmatter: frontmatter?.data,
    owners,
    actors: draft.events.map((e) => ({ actor: e.actor, text: e.lead.text })),
  }, ACTOR_NAMES));
  return resolveEvents(draft.events, {
    index: ctx.index,
    headingZone: ctx.zones.heading,
    sectionZone: ctx.zones.section,
    frontmatterZone,
    incidentDate: ctx.dates.incident,
    knownActors,
  });
}
