/**
 * The Postmortem model: what the parser reads out of a Markdown postmortem.
 *
 * Positions are 1-based lines and columns (columns count UTF-16 code units, as VS Code does).
 * A range's end is exclusive: it points just after the last character.
 */

export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** Something the parser could not read as intended; kept with its position instead of thrown. */
export interface Problem {
  code: 'yaml-syntax' | 'yaml-not-mapping' | 'binary-content' | 'unknown-time-zone' | 'ambiguous-time-zone' | 'ambiguous-date-order';
  message: string;
  range: Range;
}

export interface Frontmatter {
  /** The whole block including its `---` fences. */
  range: Range;
  /** The YAML text between the fences. */
  raw: string;
  /** The parsed mapping; undefined when the YAML is broken or not a mapping. */
  data: Record<string, unknown> | undefined;
}

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'root-cause'
  | 'trigger'
  | 'contributing-factors'
  | 'action-items'
  | 'lessons-learned'
  | 'leadup'
  | 'fault'
  | 'detection'
  | 'resolution'
  | 'what-went-well'
  | 'what-went-wrong'
  | 'where-we-got-lucky';

/**
 * What a section holds besides its heading: `text`; `placeholder`, only template text (`TBD`,
 * `<describe the impact>`, an italic instruction such as `_Summarize the issue_`); or `none`.
 */
export type SectionContent = 'text' | 'placeholder' | 'none';

export interface Section {
  /** Heading text without Markdown markers. */
  title: string;
  depth: number;
  /** Recognised kind from the heading's wording; undefined for other headings. */
  kind: SectionKind | undefined;
  /**
   * Further kinds the heading names (`Lessons learned and future improvements` is action items and
   * lessons learned; `kind` is the one its blocks are read as).
   */
  also?: SectionKind[];
  headingRange: Range;
  /** From the heading to the line before the next heading of the same or a higher level. */
  range: Range;
  /** What the section and its subsections hold; a subsection heading of no recognised kind is text. */
  content: SectionContent;
  children: Section[];
}

/**
 * A section written without a heading of its own: a label such as `**Impact**: …` or `- Summary: …`
 * (Google SRE's header fields, `**Root causes:**` before a list), or the paragraphs under the title
 * before any other heading, which say what happened when no summary heading does.
 */
export interface FieldSection {
  kind: SectionKind;
  form: 'label' | 'intro';
  /** The label without markup and colon (`Root Causes`); empty for an intro. */
  label: string;
  /** The label, or the intro's first line. */
  labelRange: Range;
  /** The label and its value, or the block after a label that has none on its line. */
  range: Range;
  content: SectionContent;
}

/** A UTC offset and where it was found. */
export interface TimeZone {
  /** As written: `UTC`, `PDT`, `+02:00`, `Europe/Berlin`, `ET`, `Lisbon time`. */
  name: string;
  /**
   * The offset. For a zone with `iana`, the offset at the incident date where the zone was read;
   * on an event's time, the offset at that event's own date and time.
   */
  offsetMinutes: number;
  /** The IANA zone of a name whose offset changes with daylight saving (`Europe/Berlin`, `ET`). */
  iana?: string;
  source: 'event' | 'table-header' | 'heading' | 'section-text' | 'document-text' | 'frontmatter' | 'default';
}

export type MilestoneKind = 'trigger' | 'impact' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved';

export interface EventTime {
  hour: number;
  minute: number;
  second: number;
  /** Incident date that applies (ISO `YYYY-MM-DD`), written on the event or inherited. */
  date: string | undefined;
  /** Whole days added because times went backwards across midnight. */
  dayOffset: number;
  zone: TimeZone | undefined;
  /**
   * Minutes on one axis shared by all events of the document: UTC epoch minutes when a date is
   * known, otherwise minutes from midnight of day 0 (UTC when a zone is known).
   */
  minutes: number;
  /** ISO 8601: a full date-time when a date is known, else a time of day (`14:23:00Z`). */
  iso: string;
  /** The timestamp as written. */
  range: Range;
}

/** Shapes of timeline entries the readers know; a new reader may add its own id. */
export type TimelineSource = 'list' | 'table' | 'paragraph' | 'heading' | 'code' | (string & {});

export interface TimelineEvent {
  /** First line of the event. */
  line: number;
  range: Range;
  time: EventTime | undefined;
  /**
   * The day (ISO `YYYY-MM-DD`) of an event written with a date and no time: a row of a table with a
   * Date column and no times, or a list item `- 2021-08-22: text`. Absent on timed events.
   */
  date?: string;
  /** Event text without the timestamp and separators, inline Markdown markers removed. */
  text: string;
  /** The same text with its inline Markdown (code, emphasis, links) as written, for display. */
  markdown?: string;
  actor: string | undefined;
  kind: MilestoneKind | undefined;
  /** Whether `kind` came from an explicit marker (`[detected]`, `OUTAGE BEGINS`) rather than keywords. */
  explicitKind: boolean;
  /**
   * The shape the event was written in: the id of the timeline reader that read it. Open, so a new
   * reader needs no change here.
   */
  source: TimelineSource;
}

export interface Timeline {
  section: Section | undefined;
  events: TimelineEvent[];
  /** The zone that applies to events that name none. */
  zone: TimeZone | undefined;
}

/** A start of the incident stated in a field: its day and local time of day, where it was written. */
export interface StatedStart {
  date: string;
  hour: number;
  minute: number;
  range: Range;
}

export type MetricName = 'timeToDetect' | 'timeToAcknowledge' | 'timeToMitigate' | 'timeToResolve' | 'totalDuration';

export interface StatedMetric {
  metric: MetricName;
  /** The label as written: `Time to detect`, `TTR`. */
  label: string;
  /** The value as written: `2 minutes (automated monitoring)`. */
  text: string;
  minutes: number | undefined;
  range: Range;
  valueRange: Range;
}

/**
 * Where a metric's clock starts: the first event, the trigger, the start of impact, the declaration
 * of the incident, or its detection (the alert or page, where time to acknowledge starts).
 */
export type StartPoint = 'first-event' | 'trigger' | 'impact' | 'declared' | 'detected';

export interface MilestoneRef {
  kind: MilestoneKind | 'first-event' | 'last-event' | 'impact-end' | 'declared';
  line: number;
  iso: string;
  minutes: number;
}

/** A metric measured between two named points: `from.kind` is its start point, `to.kind` its end. */
export interface ComputedMetric {
  minutes: number;
  from: MilestoneRef;
  to: MilestoneRef;
}

/** One defensible way to read the timeline: metrics measured from one start point. */
export interface MetricReading {
  start: StartPoint;
  from: MilestoneRef;
  metrics: Partial<Record<MetricName, ComputedMetric>>;
}

export interface ComputedMetrics {
  /**
   * The first event of each milestone kind, the declaration of the incident, and the end of impact
   * (the last mitigation before resolution).
   */
  milestones: Partial<Record<MilestoneKind | 'impact-end' | 'declared', MilestoneRef>>;
  /**
   * Each metric by its industry definition: from the most fitting start point the timeline has
   * (time to detect from the start of impact, time to acknowledge from the detection…), to its end.
   * What the panel and the CLI show.
   */
  metrics: Partial<Record<MetricName, ComputedMetric>>;
  /** Every defensible reading, one per start point: a stated figure may follow any of them. */
  readings: MetricReading[];
}

export interface WhyStep {
  /** The question, or undefined for a bare `**Why?**` prefix whose question is implied. */
  question: string | undefined;
  answer: string | undefined;
  range: Range;
  questionRange: Range | undefined;
  answerRange: Range | undefined;
}

export interface WhyChain {
  section: Section | undefined;
  steps: WhyStep[];
  range: Range;
}

export interface ContributingFactor {
  text: string;
  range: Range;
  /**
   * Where it is written: a contributing-factors section; one of several causes the root-cause
   * section gives (numbered, after `three compounding factors:`, in subsections, or joined by
   * `Furthermore, …`); a point under What went wrong; or a sentence elsewhere saying how the cause
   * got through (`no alert was configured, so nobody noticed`).
   */
  source: 'contributing-factors' | 'root-cause' | 'what-went-wrong' | 'prose';
}

/**
 * One field of an action item. `range` always tells where the field is or would go: the cell
 * content, the inline field, or an empty range where a value should be inserted.
 */
export interface Field<T = string> {
  /** Raw text as written (trimmed); empty when absent. */
  text: string;
  value: T | undefined;
  range: Range;
  /** `cell`: a table cell (possibly empty); `inline`: found in a list item; `missing`: no cell or no inline field. */
  origin: 'cell' | 'inline' | 'missing';
}

/** Where an action item stands: still to do, done, or decided against (`~~struck~~`, `Won't do`). */
export type ActionState = 'open' | 'done' | 'dropped';

/**
 * The shapes action items are written in: a table row, a list item, or a paragraph (`Action point: …`,
 * a paragraph after `**Action taken:**`, a `**TODO**` paragraph, a paragraph in a section with no list).
 */
export type ActionSource = 'table' | 'list' | 'paragraph';

export interface ActionItem {
  /** The item's own text: its first paragraph, table row or paragraph (without its detail). */
  range: Range;
  line: number;
  source: ActionSource;
  /** Plain text (no Markdown, no backticks or link syntax), with the inline fields taken out. */
  action: Field;
  priority: Field<number>;
  owner: Field;
  /** ISO `YYYY-MM-DD` when the deadline is a date. */
  deadline: Field;
  /** The status as written in a status cell or inline (`status: open`); `state` is what it means. */
  status: Field;
  /**
   * The tracker key or URL as `value` (`OPS-1024`, `#77`, `https://…/issues/9`), never a link's text;
   * undefined for `n/a`, `tbd` or `-` in a ticket cell.
   */
  ticket: Field;
  type: Field;
  /**
   * Open, done or dropped: from a status cell, a checked box, ✅, strike-through, a done word in the
   * text (`(done)`, `DONE:`, `_done in grafana_`), the heading or lead-in it is under
   * (`### Completed`, `Completed:`, `**Actions taken:**`), or a list of completed statements.
   */
  state: ActionState;
  /** Not open: done or dropped (`state !== 'open'`). Nothing is left to do, own or schedule. */
  done: boolean;
  /** Plain text of the item's detail: its sub-bullets and later paragraphs, in order. */
  details: string[];
  /** The whole item: its own text and its detail (nested lists, later paragraphs). */
  extent: Range;
  /**
   * The list an item written as a list item belongs to (the outermost list): items with the same
   * range are one list, which "Convert to an action-items table" rewrites.
   */
  list?: Range;
}

export interface ActionTable {
  range: Range;
  /** Column index of each recognised field. */
  columns: Partial<Record<'action' | 'priority' | 'owner' | 'deadline' | 'status' | 'ticket' | 'type', number>>;
  headers: string[];
}

export interface Postmortem {
  /** Number of lines in the document. */
  lineCount: number;
  frontmatter: Frontmatter | undefined;
  /** From frontmatter `title`, else the first level-1 heading. */
  title: string | undefined;
  /** Incident date (ISO) from frontmatter `date`, used for events that carry none. */
  date: string | undefined;
  /** Top-level sections; each holds its subsections. */
  sections: Section[];
  /** Sections written as labels or as the intro, in document order; not part of the heading tree. */
  fieldSections: FieldSection[];
  timeline: Timeline;
  statedMetrics: StatedMetric[];
  /**
   * When the document says the incident started, in a field of its summary (`Date/time: 2016-11-07
   * 21:30`, `Start: …`): local wall-clock time, zone as the timeline's. Absent when not stated.
   */
  statedStart?: StatedStart | undefined;
  computedMetrics: ComputedMetrics;
  whyChains: WhyChain[];
  contributingFactors: ContributingFactor[];
  actionItems: ActionItem[];
  actionTables: ActionTable[];
  problems: Problem[];
}
