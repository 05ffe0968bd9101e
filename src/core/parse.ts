import type { Heading, List, ListItem, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { LineCounter, parseDocument } from 'yaml';
import { readActionListItem, readActionRow, readActionTableHeader } from './actions';
import type {
  ActionItem, ActionTable, ContributingFactor, Frontmatter, Postmortem, Problem, Section, StatedMetric, TimeZone,
} from './model';
import { sectionKindOf } from './sections';
import { splitRow } from './table';
import type { Span } from './text';
import { LineIndex, plainInline, spanLines, stripBom, trimSpan } from './text';
import { parseDate, parseZone } from './time';
import type { RawEvent } from './timeline';
import { computeMetrics, dateInHeading, metricOfLabel, readLeadingTime, readStatedMetric, resolveEvents, zoneInText } from './timeline';
import type { WhyLine } from './whys';
import { readWhyChains } from './whys';
import { parseDuration } from './time';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Parses Markdown into its syntax tree (unified + remark-parse + remark-gfm + remark-frontmatter). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}

/** Options that change how a document is read. */
export interface ParseOptions {
  /** Zone for timeline times when the document names none (for example from settings). */
  defaultTimeZone?: string;
  /** Parses the Markdown instead of a whole-document parse (the editor passes its incremental parser). */
  parser?: { parse(text: string): Root };
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
  const reader = new DocumentReader(text, index, problems, options);
  return reader.read(tree);
}

function span(text: string, node: Nodes): Span | undefined {
  const p = node.position;
  if (!p || p.start.offset === undefined || p.end.offset === undefined) return undefined;
  return { text: text.slice(p.start.offset, p.end.offset), offset: p.start.offset };
}

/** Walks the syntax tree once and hands each block to the reader of the section it belongs to. */
class DocumentReader {
  private readonly roots: Section[] = [];
  private readonly stack: Section[] = [];
  private frontmatter: Frontmatter | undefined;
  private readonly rawEvents: RawEvent[] = [];
  private dateContext: string | undefined;
  private headingZone: TimeZone | undefined;
  private tableZone: TimeZone | undefined;
  private sectionZone: TimeZone | undefined;
  private timelineSection: Section | undefined;
  private readonly statedMetrics: StatedMetric[] = [];
  private readonly whyLines: WhyLine[] = [];
  private block = 0;
  private readonly factors: ContributingFactor[] = [];
  private readonly actionItems: ActionItem[] = [];
  private readonly actionTables: ActionTable[] = [];
  private firstH1: string | undefined;
  private incidentDate: string | undefined;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly problems: Problem[],
    private readonly options: ParseOptions,
  ) {}

  read(tree: Root): Postmortem {
    for (const node of tree.children) {
      if (node.type === 'yaml') this.readFrontmatter(node.value, node);
      else if (node.type === 'heading') this.openSection(node);
      else this.readBlock(node);
    }
    this.closeSections(0, this.text.length);
    const data = this.frontmatter?.data;
    const fmZoneRaw = data && pick(data, ['timezone', 'time_zone', 'timeZone', 'tz']);
    let frontmatterZone: TimeZone | undefined;
    if (typeof fmZoneRaw === 'string') {
      frontmatterZone = parseZone(fmZoneRaw, 'frontmatter', this.incidentDate);
      if (!frontmatterZone && this.frontmatter) {
        this.problems.push({
          code: 'unknown-time-zone',
          message: `Unknown time zone "${fmZoneRaw}" in frontmatter: use UTC, an offset such as +02:00, or an IANA name such as Europe/Berlin`,
          range: this.frontmatter.range,
        });
      }
    }
    frontmatterZone ??= this.options.defaultTimeZone ? parseZone(this.options.defaultTimeZone, 'default', this.incidentDate) : undefined;
    const knownActors = this.knownActors();
    const events = resolveEvents(this.rawEvents, {
      index: this.index,
      headingZone: this.headingZone,
      sectionZone: this.sectionZone,
      frontmatterZone,
      incidentDate: this.incidentDate,
      knownActors,
    });
    const title = data && typeof data.title === 'string' ? data.title : this.firstH1;
    return {
      lineCount: this.index.lineCount,
      frontmatter: this.frontmatter,
      title,
      date: this.incidentDate,
      sections: this.roots,
      timeline: {
        section: this.timelineSection,
        events,
        zone: this.tableZone ?? this.headingZone ?? this.sectionZone ?? frontmatterZone,
      },
      statedMetrics: this.statedMetrics,
      computedMetrics: computeMetrics(events),
      whyChains: readWhyChains(this.whyLines, this.index),
      contributingFactors: this.factors,
      actionItems: this.actionItems,
      actionTables: this.actionTables,
      problems: this.problems,
    };
  }

  private readFrontmatter(value: string, node: Nodes): void {
    const s = span(this.text, node);
    if (!s) return;
    const range = this.index.range(s.offset, s.offset + s.text.length);
    // The YAML starts on the line after the opening fence.
    const yamlStart = this.index.lineStart(range.start.line + 1);
    const lineCounter = new LineCounter();
    const doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: false });
    let data: Record<string, unknown> | undefined;
    if (doc.errors.length > 0) {
      for (const err of doc.errors.slice(0, 5)) {
        // An error at the very end (an unclosed quote) points at the last character instead.
        const a = Math.min(err.pos[0], Math.max(0, value.trimEnd().length - 1));
        const b = Math.max(err.pos[1], a + 1);
        this.problems.push({
          code: 'yaml-syntax',
          message: `Frontmatter YAML: ${err.message.split('\n')[0]}`,
          range: this.index.range(yamlStart + a, yamlStart + Math.min(b, value.length)),
        });
      }
    } else {
      let js: unknown;
      try {
        js = doc.toJS({ maxAliasCount: 100 });
      } catch (e) {
        this.problems.push({ code: 'yaml-syntax', message: `Frontmatter YAML: ${(e as Error).message}`, range });
      }
      if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
      else if (js !== undefined && js !== null) {
        this.problems.push({ code: 'yaml-not-mapping', message: 'Frontmatter must be a YAML mapping of keys to values (title: …, date: …)', range });
      }
    }
    this.frontmatter = { range, raw: value, data };
    if (data) {
      const date = pick(data, ['date', 'incident_date', 'incidentDate', 'started', 'start', 'started_at']);
      const text = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' ? date.trim().slice(0, 10) : undefined;
      this.incidentDate = text ? parseDate(text) : undefined;
      this.dateContext = this.incidentDate;
    }
  }

  private openSection(node: Heading): void {
    const s = span(this.text, node);
    if (!s) return;
    const headingText = plainInline(headingContent(s.text));
    this.closeSections(node.depth, s.offset);
    const headingRange = this.index.range(s.offset, s.offset + s.text.trimEnd().length);
    const parentKind = this.currentKind();
    const kind = sectionKindOf(headingText);
    const section: Section = { title: headingText, depth: node.depth, kind, headingRange, range: headingRange, children: [] };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(section);
    else this.roots.push(section);
    this.stack.push(section);
    if (node.depth === 1 && this.firstH1 === undefined) {
      this.firstH1 = headingText;
      if (!this.incidentDate) {
        const d = dateInHeading(headingText);
        if (d) this.incidentDate = this.dateContext = d;
      }
    }
    this.block++;
    if (kind === 'timeline' && !this.timelineSection) {
      this.timelineSection = section;
      this.headingZone = zoneInText(headingText, 'heading', this.incidentDate);
    } else if (!kind && parentKind === 'timeline') {
      // Date sub-headings of the timeline: `### 2025-06-14`.
      const d = dateInHeading(headingText);
      if (d) this.dateContext = d;
    }
  }

  private closeSections(depth: number, offset: number): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1]!.depth >= depth) {
      const section = this.stack.pop()!;
      let end = offset;
      while (end > 0 && /\s/.test(this.text[end - 1]!)) end--;
      section.range = { start: section.headingRange.start, end: this.index.position(Math.max(end, this.index.offset(section.headingRange.end))) };
    }
  }

  /** The kind of the innermost recognised section around the current position. */
  private currentKind(): Section['kind'] {
    return this.currentKindSection()?.kind;
  }

  private currentKindSection(): Section | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.kind) return this.stack[i];
    }
    return undefined;
  }

  private readBlock(node: RootContent): void {
    this.block++;
    const kind = this.currentKind();
    this.readStatedMetrics(node);
    switch (kind) {
      case 'timeline':
        this.readTimelineBlock(node);
        break;
      case 'root-cause':
        this.readWhyBlock(node);
        break;
      case 'contributing-factors':
        if (node.type === 'list') {
          for (const item of node.children) {
            const s = span(this.text, item);
            const content = item.children[0] ? span(this.text, item.children[0]) : undefined;
            if (s && content) {
              this.factors.push({ text: plainInline(content.text), range: this.index.range(content.offset, s.offset + s.text.trimEnd().length) });
            }
          }
        }
        this.readWhyBlock(node);
        break;
      case 'action-items':
        if (node.type === 'table') this.readActionTable(node);
        else if (node.type === 'list') this.readActionList(node);
        break;
      default:
        break;
    }
  }

  private readStatedMetrics(node: RootContent): void {
    if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') {
      for (const p of paragraphs(node)) {
        const s = span(this.text, p);
        if (!s) continue;
        for (const line of spanLines(s)) {
          const metric = readStatedMetric(line, this.index);
          if (metric) this.statedMetrics.push(metric);
        }
      }
    } else if (node.type === 'table') {
      // A metrics table: `| Time to detect | 2 minutes |`.
      for (const row of node.children.slice(1)) {
        const s = span(this.text, row);
        if (!s) continue;
        const cells = splitRow(s);
        if (cells.length < 2) continue;
        const metric = metricOfLabel(cells[0]!.text.replace(/:$/, ''));
        const value = cells[1]!;
        if (!metric) continue;
        const end = s.offset + s.text.trimEnd().length;
        this.statedMetrics.push({
          metric,
          label: plainInline(cells[0]!.text),
          text: plainInline(value.text),
          minutes: parseDuration(value.text.replace(/^(?:\*\*|__)/, ''))?.minutes,
          range: this.index.range(s.offset, end),
          valueRange: this.index.range(value.offset, value.offset + value.text.length),
        });
      }
    }
  }

  // ---- timeline -------------------------------------------------------------------------------

  private readTimelineBlock(node: RootContent): void {
    if (node.type === 'list') this.readTimelineList(node);
    else if (node.type === 'table') this.readTimelineTable(node);
    else if (node.type === 'paragraph') this.readTimelineParagraph(node);
  }

  private readTimelineList(list: List): void {
    for (const item of list.children) this.readTimelineItem(item);
  }

  private readTimelineItem(item: ListItem): void {
    const first = item.children[0];
    const s = first && first.type === 'paragraph' ? span(this.text, first) : undefined;
    const nested = item.children.filter((c): c is List => c.type === 'list');
    if (!s) {
      for (const l of nested) this.readTimelineList(l);
      return;
    }
    const lines = spanLines(s);
    const lead = readLeadingTime(lines[0]!, this.dateContext);
    const nestedTimed = nested.some((l) => l.children.some((c) => {
      const p = c.children[0];
      const ps = p && p.type === 'paragraph' ? span(this.text, p) : undefined;
      return ps !== undefined && readLeadingTime(spanLines(ps)[0]!, this.dateContext) !== undefined;
    }));
    if (!lead && nestedTimed) {
      // A grouping item (`- June 14` or `- Day 2`) whose children are the events.
      const d = dateInHeading(lines[0]!.text) ?? parseDate(plainInline(lines[0]!.text).replace(/[:`]/g, ''));
      if (d) this.dateContext = d;
      for (const l of nested) this.readTimelineList(l);
      return;
    }
    if (!lead && lines.length === 1 && this.readDateLine(lines[0]!)) return;
    const itemSpan = span(this.text, item)!;
    const extra: Span[] = [...lines.slice(1)];
    for (const child of item.children.slice(1)) {
      for (const p of paragraphs(child)) {
        const ps = span(this.text, p);
        if (ps) extra.push(...spanLines(ps));
      }
    }
    this.pushEvent(lead?.time, lead?.rest ?? lines[0]!, extra, itemSpan, 'list', undefined, undefined);
  }

  /** A line that is only a date (`2025-06-14`) sets the date for what follows. */
  private readDateLine(line: Span): boolean {
    const plain = plainInline(line.text).replace(/[`:]/g, '').trim();
    const d = parseDate(plain) ?? (plain.length < 40 ? dateInHeading(plain) : undefined);
    if (d) this.dateContext = d;
    return d !== undefined;
  }

  private readTimelineParagraph(p: Paragraph): void {
    const s = span(this.text, p);
    if (!s) return;
    let current: { lead: Span; time: ReturnType<typeof readLeadingTime>; extra: Span[]; start: number; end: number } | undefined;
    const flush = () => {
      if (!current) return;
      this.pushEvent(current.time?.time, current.lead, current.extra, { text: this.text.slice(current.start, current.end), offset: current.start }, 'paragraph', undefined, undefined);
      current = undefined;
    };
    for (const line of spanLines(s)) {
      const t = trimSpan(line);
      if (t.text === '') continue;
      const lead = readLeadingTime(line, this.dateContext);
      if (lead) {
        flush();
        current = { lead: lead.rest, time: lead, extra: [], start: t.offset, end: t.offset + t.text.length };
        continue;
      }
      if (current) {
        current.extra.push(line);
        current.end = t.offset + t.text.length;
        continue;
      }
      if (this.readDateLine(line)) continue;
      this.sectionZone ??= zoneInText(line.text, 'section-text', this.incidentDate);
    }
    flush();
  }

  private readTimelineTable(table: Table): void {
    const [header, ...rows] = table.children;
    const hs = header && span(this.text, header);
    if (!hs) return;
    const headers = splitRow(hs).map((c) => c.text.trim());
    const norm = headers.map((h) => plainInline(h).toLowerCase().replace(/\([^()]{0,200}\)/g, '').replace(/[^a-z ]/g, '').trim());
    const find = (words: string[]) => norm.findIndex((h) => words.includes(h));
    let timeCol = find(['time', 'timestamp', 'when', 'time utc', 'datetime', 'date time', 'date and time', 'clock']);
    const dateCol = find(['date', 'day']);
    const actorCol = find(['actor', 'who', 'by', 'source', 'owner', 'person', 'team', 'responder', 'role']);
    let eventCol = find(['event', 'events', 'description', 'what', 'what happened', 'action', 'activity', 'details', 'detail', 'notes', 'note', 'summary', 'message', 'entry']);
    if (timeCol < 0) timeCol = dateCol >= 0 && dateCol !== 0 ? 0 : dateCol >= 0 ? -1 : 0;
    if (eventCol < 0) eventCol = headers.length - 1;
    let tableZone: TimeZone | undefined;
    for (const h of [timeCol, dateCol]) {
      if (h >= 0 && headers[h]) tableZone ??= zoneInText(headers[h]!, 'table-header', this.incidentDate);
    }
    this.tableZone ??= tableZone;
    for (const row of rows) {
      const rs = span(this.text, row);
      if (!rs) continue;
      const cells = splitRow(rs);
      if (dateCol >= 0 && cells[dateCol]) {
        const d = parseDate(plainInline(cells[dateCol]!.text).replace(/`/g, ''));
        if (d) this.dateContext = d;
      }
      const timeCell = timeCol >= 0 ? cells[timeCol] : undefined;
      const lead = timeCell && timeCell.text.trim() !== '' ? readLeadingTime(timeCell, this.dateContext) : undefined;
      // Times in a time cell may be written with a date; a time cell with text after the time keeps it.
      const eventCell = trimSpan(cells[eventCol] ?? { text: '', offset: rs.offset + rs.text.length });
      const actorCell = actorCol >= 0 ? cells[actorCol] : undefined;
      const actor = actorCell && actorCell.text.trim() !== '' ? plainInline(actorCell.text.replace(/\\\|/g, '|')) : undefined;
      this.pushEvent(lead?.time, eventCell, [], trimSpan(rs), 'table', tableZone, actor);
    }
  }

  private pushEvent(
    time: RawEvent['raw'], lead: Span, extra: Span[], whole: Span, source: RawEvent['source'],
    tableZone: TimeZone | undefined, actor: string | undefined,
  ): void {
    if (time?.date) this.dateContext = time.date;
    const trimmed = trimSpan(whole);
    const range = this.index.range(trimmed.offset, trimmed.offset + trimmed.text.length);
    this.rawEvents.push({
      range,
      line: range.start.line,
      raw: time,
      dateContext: this.dateContext,
      tableZone,
      textSpans: extra.map(trimSpan).filter((x) => x.text !== ''),
      actor,
      lead: trimSpan(lead),
      source,
    });
  }

  // ---- root cause -----------------------------------------------------------------------------

  private readWhyBlock(node: RootContent): void {
    const section = this.currentKindSection();
    const visit = (n: Nodes) => {
      if (n.type === 'paragraph') {
        const s = span(this.text, n);
        if (!s) return;
        this.block++;
        for (const line of spanLines(s)) this.whyLines.push({ span: line, block: this.block, section });
        return;
      }
      if ('children' in n && n.type !== 'table') {
        for (const c of n.children as Nodes[]) visit(c);
      }
    };
    visit(node);
  }

  // ---- action items ---------------------------------------------------------------------------

  private readActionTable(table: Table): void {
    const [header, ...rows] = table.children;
    const hs = header && span(this.text, header);
    const ts = span(this.text, table);
    if (!hs || !ts) return;
    const headers = splitRow(hs).map((c) => plainInline(c.text));
    const columns = readActionTableHeader(headers);
    this.actionTables.push({ range: this.index.range(ts.offset, ts.offset + ts.text.trimEnd().length), columns, headers });
    for (const row of rows) {
      const rs = span(this.text, row);
      if (!rs) continue;
      const item = readActionRow(rs, columns, this.index);
      // A row with no text at all is spacing, not an item.
      if (splitRow(rs).every((c) => c.text.trim() === '')) continue;
      this.actionItems.push(item);
    }
  }

  private readActionList(list: List): void {
    for (const item of list.children) {
      const first = item.children[0];
      const nested = item.children.filter((c): c is List => c.type === 'list');
      const s = first && first.type === 'paragraph' ? span(this.text, first) : undefined;
      // `- P1 items:` with a nested list is a group heading, not an action.
      const isGroup = s !== undefined && nested.length > 0 && /:\s*$/.test(s.text.split(/\r\n|\r|\n/, 1)[0]!);
      if (s && !isGroup && s.text.trim() !== '') this.actionItems.push(readActionListItem(s, item.checked, this.index));
      for (const l of nested) this.readActionList(l);
    }
  }

  private knownActors(): Set<string> {
    const names = new Set<string>();
    const add = (v: unknown) => {
      if (typeof v === 'string') {
        for (const part of v.split(/[,;]/)) {
          const cut = part.search(/[(<]/);
          const n = (cut >= 0 ? part.slice(0, cut) : part).replace(/^@/, '').trim();
          if (n.length >= 2 && n.length <= 40) names.add(n);
        }
      } else if (Array.isArray(v)) v.forEach(add);
      else if (v && typeof v === 'object' && 'name' in v) add((v as { name: unknown }).name);
    };
    const data = this.frontmatter?.data;
    if (data) {
      for (const key of ['authors', 'author', 'owner', 'owners', 'commander', 'incident_commander', 'ic', 'responders', 'participants', 'on_call', 'oncall']) {
        add(data[key]);
      }
    }
    for (const item of this.actionItems) if (item.owner.value) add(item.owner.value);
    for (const e of this.rawEvents) {
      if (e.actor) add(e.actor);
      // A person named in brackets (`on-call engineer (Alice)`) is an actor of other events too.
      for (const m of e.lead.text.matchAll(/\((\p{Lu}\p{Ll}{1,20})\)/gu)) add(m[1]);
    }
    return names;
  }
}

function pick(data: Record<string, unknown>, keys: string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
}

/** Heading text without its `#` markers or a closing `#` sequence. */
function headingContent(raw: string): string {
  const line = raw.split(/\r\n|\r|\n/)[0]!;
  if (/^\s{0,3}#/.test(line)) {
    const content = line.replace(/^\s{0,3}#{1,6}/, '').trim();
    // A closing sequence of #s after a space is not part of the heading.
    let end = content.length;
    while (end > 0 && content[end - 1] === '#') end--;
    return end < content.length && (end === 0 || content[end - 1] === ' ' || content[end - 1] === '\t') ? content.slice(0, end).trim() : content;
  }
  // Setext heading: the text is everything before the underline.
  return raw.split(/\r\n|\r|\n/).slice(0, -1).join(' ');
}

/** Every paragraph inside a block, in order, not descending into tables or code. */
function paragraphs(node: Nodes): Paragraph[] {
  const out: Paragraph[] = [];
  const visit = (n: Nodes) => {
    if (n.type === 'paragraph') out.push(n);
    else if ('children' in n && n.type !== 'table') for (const c of n.children as Nodes[]) visit(c);
  };
  visit(node);
  return out;
}
