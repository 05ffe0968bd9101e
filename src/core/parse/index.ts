/**
 * Reads a Markdown postmortem into the {@link Postmortem} model: one walk over the top-level
 * blocks of the mdast tree, each block handed to the reader of the section kind it is in.
 */
import type { Root, RootContent } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import remarkParse from 'remark-parse';
import type { Data, Processor } from 'unified';
import { unified } from 'unified';
import { computeMetrics } from '../metrics';
import type { ContributingFactor, FieldSection, Frontmatter, Postmortem, Problem, Section, SectionKind, StatedMetric, StatedStart } from '../model';
import { LineIndex, stripBom } from '../text';
import type { ActionsDraft } from './actions';
import { actionPlace, createActionsDraft, finishActions, readActionBlock, readActionHeading, readActionLeadIn } from './actions';
import type { ParseContext } from './context';
import { blockContent, moreContent } from './content';
import { createContext, currentKind, currentKindSection, spanOf } from './context';
import type { AnnouncedCauses } from './factors';
import { causesInSubsections, readCauseFactors, readFactors, readGotThrough, readWentWrong } from './factors';
import { readFieldSections, readIntro } from './fields';
import { documentZoneStatement, zonesByTimes } from './timeline/zones';
import { frontmatterZone, readFrontmatter } from './frontmatter';
import { readStatedMetrics, readStatedStartIn } from './metrics';
import { closeSections, noteContent, openSection } from './sections';
import type { TimelineDraft } from './timeline';
import { continuedKind, finishTimeline, proseZone, readTimelineBlock, readTimelineHeading } from './timeline';
import { dateInHeading } from './timeline/dates';
import type { WhyLines } from './whys';
import { collectWhyLines, readWhyChains } from './whys';

/**
 * A unified plugin that adds syntax to the parse only: the micromark extension (tokenizing) and the
 * mdast-util-from-markdown extension (building the tree), on the `data` keys remark-parse hands to
 * `fromMarkdown`. remark-gfm and remark-frontmatter do the same but also register the serializing
 * side (mdast-util-to-markdown and the GFM and frontmatter serializers: 24 KB of the web bundle),
 * which we never use: we only parse.
 */
function parseSyntax(micromark: NonNullable<Data['micromarkExtensions']>[number], mdast: NonNullable<Data['fromMarkdownExtensions']>[number]) {
  return function (this: Processor): undefined {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(micromark);
    (data.fromMarkdownExtensions ??= []).push(mdast);
  };
}

/** GitHub Flavored Markdown (tables, task lists, strikethrough, autolink literals, footnotes), as remark-gfm parses it. */
const parseGfm = parseSyntax(gfm(), gfmFromMarkdown());
/** YAML frontmatter as a `yaml` node, as remark-frontmatter with `['yaml']` parses it. */
const parseFrontmatter = parseSyntax(frontmatter(['yaml']), frontmatterFromMarkdown(['yaml']));

/** The Markdown parser: the same trees as remark-parse + remark-gfm + remark-frontmatter (a unit test compares them). */
const processor = unified().use(remarkParse).use(parseGfm).use(parseFrontmatter);

/** Parses Markdown into its syntax tree (unified + remark-parse, with GFM and YAML frontmatter). */
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
  statedStart: StatedStart | undefined;
  whys: WhyLines;
  factors: ContributingFactor[];
  /** Root-cause sections that announce several causes (`three compounding factors:`). */
  causes: AnnouncedCauses;
  fields: FieldSection[];
  headings: number;
  actions: ActionsDraft;
}

type SectionReader = (ctx: ParseContext, node: RootContent, draft: Draft) => void;

const whys: SectionReader = (ctx, node, draft) => collectWhyLines(ctx, node, draft.whys);
const causes: SectionReader = (ctx, node, draft) => readCauseFactors(ctx, node, draft.causes, draft.factors);

/**
 * The readers of the blocks of each section kind; sections of other kinds only hold stated metrics.
 * Action items are read apart (see `readActionBlock`): in every subsection of an action-items section
 * (`### Detection` under `## Action items` lists detection work), and by their labels in lessons learned.
 */
const SECTION_READERS: Partial<Record<SectionKind, readonly SectionReader[]>> = {
  timeline: [(ctx, node, draft) => readTimelineBlock(ctx, node, draft.timeline)],
  'root-cause': [whys, causes],
  'contributing-factors': [(ctx, node, draft) => readFactors(ctx, node, draft.factors), whys],
  'what-went-wrong': [(ctx, node, draft) => readWentWrong(ctx, node, draft.factors)],
};

/**
 * Hands a block to the readers of every kind its section names, each reader once: a section that
 * is both root cause and contributing factors reads its lists as factors, its lines as whys.
 */
function readBlock(ctx: ParseContext, node: RootContent, draft: Draft, kinds: readonly SectionKind[]): void {
  const readers = new Set(kinds.flatMap((k) => SECTION_READERS[k] ?? []));
  if (kinds.includes('contributing-factors')) readers.delete(causes);
  for (const read of readers) read(ctx, node, draft);
}

/** The kinds the blocks here are read as: the innermost recognised section's, else a timeline that goes on under date headings. */
function kindsHere(ctx: ParseContext, draft: Draft): SectionKind[] {
  const section = currentKindSection(ctx);
  if (section?.kind) return [section.kind, ...(section.also ?? [])];
  const continued = continuedKind(draft.timeline);
  return continued ? [continued] : [];
}

/** Sections whose blocks are not read for sentences on how the cause got through: entries, and factors already. */
const NO_PROSE_FACTORS: ReadonlySet<SectionKind> = new Set(['timeline', 'action-items', 'what-went-wrong', 'contributing-factors']);

/**
 * What a block tells about the sections around it: whether they hold text or only template text,
 * labels that stand for sections (`**Impact**: …`), the intro under the title, and sentences that
 * say how the cause got through (contributing factors outside a factors section).
 */
function readSectionParts(ctx: ParseContext, node: RootContent, next: RootContent | undefined, kinds: readonly SectionKind[], draft: Draft): void {
  const content = blockContent(ctx, node);
  noteContent(ctx, content);
  // Under date headings at the timeline's own level (`## Timeline`, `## May 12`), the blocks are the timeline's.
  const timeline = draft.timeline.section;
  if (!currentKindSection(ctx) && kinds[0] === 'timeline' && timeline) timeline.content = moreContent(timeline.content, content);
  readFieldSections(ctx, node, next, { within: kinds[0] }, draft.fields, draft.factors);
  if (atIntro(draft)) readIntro(ctx, node, draft.fields);
  if (!kinds.some((k) => NO_PROSE_FACTORS.has(k))) readGotThrough(ctx, node, kinds.includes('root-cause'), draft.factors);
}

/** Whether the walk is under the title (or before any heading), where paragraphs are the document's intro. */
function atIntro(draft: Draft): boolean {
  return draft.headings === 0 || (draft.headings === 1 && draft.sections.length === 1 && draft.sections[0]!.depth === 1);
}

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
    statedMetrics: [], statedStart: undefined, whys: { lines: [], blocks: 0 }, factors: [], causes: new WeakSet(), fields: [], headings: 0, actions: createActionsDraft(tree),
  };
  const blocks = tree.children;
  for (let i = 0; i < blocks.length; i++) {
    const node = blocks[i]!;
    if (node.type === 'yaml') draft.frontmatter = readFrontmatter(ctx, node) ?? draft.frontmatter;
    else if (node.type === 'heading') {
      const opened = openSection(ctx, draft.sections, node, blocks, i + 1);
      if (!opened) continue;
      draft.headings++;
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
      const kinds = kindsHere(ctx, draft);
      if (!draft.statedStart && kinds[0] !== 'timeline') draft.statedStart = readStatedStartIn(ctx, node);
      readSectionParts(ctx, node, blocks[i + 1], kinds, draft);
      readBlock(ctx, node, draft, kinds);
      const place = actionPlace(ctx);
      if (place) readActionBlock(ctx, node, draft.actions, place);
      else if (kinds[0] !== 'timeline') readActionLeadIn(ctx, node, draft.actions);
      if (kinds[0] !== 'timeline' && (node.type === 'paragraph' || node.type === 'list')) readProse(ctx, node, draft);
    }
  }
  closeSections(ctx, 0, text.length);
  causesInSubsections(draft.sections, draft.factors);
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
    fieldSections: draft.fields,
    timeline: {
      section: draft.timeline.section,
      events,
      zone: ctx.zones.table ?? ctx.zones.heading ?? ctx.zones.section ?? ctx.zones.document ?? fmZone ?? proseZone(ctx.zones.prose),
    },
    statedMetrics: draft.statedMetrics,
    statedStart: draft.statedStart,
    computedMetrics: computeMetrics(events),
    whyChains: readWhyChains(draft.whys.lines, ctx.index),
    contributingFactors: draft.factors.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column),
    actionItems,
    actionTables: draft.actions.tables,
    problems: ctx.problems,
  };
}
