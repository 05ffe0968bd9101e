/**
 * Reads a Markdown postmortem into the {@link Postmortem} model: one walk over the top-level
 * blocks of the mdast tree, each block handed to the reader of the section kind it is in.
 */
import type { Root, RootContent } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { computeMetrics } from '../metrics';
import type { ContributingFactor, Frontmatter, Postmortem, Problem, Section, SectionKind, StatedMetric } from '../model';
import { LineIndex, stripBom } from '../text';
import type { ActionsDraft } from './actions';
import { actionPlace, createActionsDraft, finishActions, readActionBlock, readActionHeading } from './actions';
import type { ParseContext } from './context';
import { createContext, currentKind, spanOf } from './context';
import { documentZoneStatement, zonesByTimes } from './timeline/zones';
import { readFactors } from './factors';
import { frontmatterZone, readFrontmatter } from './frontmatter';
import { readStatedMetrics } from './metrics';
import { closeSections, openSection } from './sections';
import type { TimelineDraft } from './timeline';
import { continuedKind, finishTimeline, proseZone, readTimelineBlock, readTimelineHeading } from './timeline';
import { dateInHeading } from './timeline/dates';
import type { WhyLines } from './whys';
import { collectWhyLines, readWhyChains } from './whys';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown into its syntax tree (unified + remark-parse + remark-gfm + remark-frontmatter). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Options that change how a document is read. */
export interface ParseOptions {
  /** Parses the Markdown instead of a whole-document parse (the editor passes its incremental parser). */
  parser?: { parse(text: string): Root };
}

/** What the section readers gather during the walk, before the model is assembled. */
interface Draft {
  frontmatter: Frontmatter | undefined;
  sections: Section[];
  firstH1: string | undefined;
  timeline: TimelineDraft;
  statedMetrics: StatedMetric[];
  whys: WhyLines;
  factors: ContributingFactor[];
  actions: ActionsDraft;
}

type SectionReader = (ctx: ParseContext, node: RootContent, draft: Draft) => void;

/**
 * The reader of the blocks of each section kind; sections of other kinds only hold stated metrics.
 * Action items are read apart (see `readActionBlock`): in every subsection of an action-items section
 * (`### Detection` under `## Action items` lists detection work), and by their labels in lessons learned.
 */
const SECTION_READERS: Partial<Record<SectionKind, SectionReader>> = {
  timeline: (ctx, node, draft) => readTimelineBlock(ctx, node, draft.timeline),
  'root-cause': (ctx, node, draft) => collectWhyLines(ctx, node, draft.whys),
  'contributing-factors': (ctx, node, draft) => {
    readFactors(ctx, node, draft.factors);
    collectWhyLines(ctx, node, draft.whys);
  },
};

/**
 * Reads a Markdown postmortem into the {@link Postmortem} model. Never throws on bad input: what
 * cannot be read is reported in `problems` with its position.
 */
export function parsePostmortem(input: string, options: ParseOptions = {}): Postmortem {
  const text = stripBom(input);
  const index = new LineIndex(text);
  const problems: Problem[] = [];
  const binary = text.slice(0, 8192).search(/[\u0000-\u0008\u000e-\u001a]/);
  if (binary >= 0) {
    const pos = index.position(binary);
    problems.push({
      code: 'binary-content',
      message: 'The file contains control characters and does not look like a Markdown text file',
      range: { start: pos, end: { line: pos.line, column: pos.column + 1 } },
    });
  }
  const tree = options.parser ? options.parser.parse(text) : parseMarkdown(text);
  const ctx = createContext(text, index, problems);
  const draft: Draft = {
    frontmatter: undefined, sections: [], firstH1: undefined, timeline: { section: undefined, events: [] },
    statedMetrics: [], whys: { lines: [], blocks: 0 }, factors: [], actions: createActionsDraft(tree),
  };
  for (const node of tree.children) {
    if (node.type === 'yaml') draft.frontmatter = readFrontmatter(ctx, node) ?? draft.frontmatter;
    else if (node.type === 'heading') {
      const opened = openSection(ctx, draft.sections, node);
      if (!opened) continue;
      const { section, parentKind } = opened;
      if (node.depth === 1 && draft.firstH1 === undefined) {
        draft.firstH1 = section.title;
        if (!ctx.dates.incident) {
          const d = dateInHeading(section.title, ctx.dates.order);
          if (d) ctx.dates.incident = ctx.dates.current = d;
        }
      }
      readTimelineHeading(ctx, node, section, parentKind, draft.timeline);
      readActionHeading(ctx, node, section, draft.actions);
    } else {
      readStatedMetrics(ctx, node, draft.statedMetrics);
      const kind = currentKind(ctx) ?? continuedKind(draft.timeline);
      if (kind) SECTION_READERS[kind]?.(ctx, node, draft);
      const place = actionPlace(ctx);
      if (place) readActionBlock(ctx, node, draft.actions, place);
      if (kind !== 'timeline' && (node.type === 'paragraph' || node.type === 'list')) readProse(ctx, node, draft);
    }
  }
  closeSections(ctx, 0, text.length);
  return assemble(ctx, draft);
}

/** Sections whose first full date is the incident's; action items name deadlines, not it. */
const PROSE_DATE_KINDS: ReadonlySet<SectionKind> = new Set(['summary', 'impact', 'detection']);

/**
 * What the prose outside the timeline tells about its times: `All times PDT.` under the title states
 * the zone of the whole document; a zone written next to a time (`beginning from UTC 05:13`) is a
 * hint at it; and before the timeline, a document with no date in its frontmatter or title takes
 * the first full date its summary names (`On May 9th 2021 at 6:48AM PDT, …`).
 */
function readProse(ctx: ParseContext, node: RootContent, draft: Draft): void {
  const s = spanOf(ctx, node);
  if (!s) return;
  if (node.type === 'paragraph') ctx.zones.document ??= documentZoneStatement(s.text, ctx.dates.incident);
  if (ctx.zones.prose.length < 20) ctx.zones.prose.push(...zonesByTimes(s.text, ctx.dates.incident));
  const kind = currentKind(ctx);
  if (!ctx.dates.incident && !draft.timeline.section && draft.frontmatter?.data?.date === undefined && (!kind || PROSE_DATE_KINDS.has(kind))) {
    const d = dateInHeading(s.text.slice(0, 600), ctx.dates.order);
    if (d) ctx.dates.incident = ctx.dates.current ??= d;
  }
}

/** Builds the model from what the walk gathered: resolves the timeline and computes metrics. */
function assemble(ctx: ParseContext, draft: Draft): Postmortem {
  const data = draft.frontmatter?.data;
  const fmZone = frontmatterZone(ctx, draft.frontmatter);
  const actionItems = finishActions(draft.actions);
  const events = finishTimeline(ctx, draft.timeline, draft.frontmatter, actionItems.map((i) => i.owner.value), fmZone);
  const title = data && typeof data.title === 'string' ? data.title : draft.firstH1;
  return {
    lineCount: ctx.index.lineCount,
    frontmatter: draft.frontmatter,
    title,
    date: ctx.dates.incident,
    sections: draft.sections,
    timeline: {
      section: draft.timeline.section,
      events,
      zone: ctx.zones.table ?? ctx.zones.heading ?? ctx.zones.section ?? ctx.zones.document ?? fmZone ?? proseZone(ctx.zones.prose),
    },
    statedMetrics: draft.statedMetrics,
    computedMetrics: computeMetrics(events),
    whyChains: readWhyChains(draft.whys.lines, ctx.index),
    contributingFactors: draft.factors,
    actionItems,
    actionTables: draft.actions.tables,
    problems: ctx.problems,
  };
}
