import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './parse';
import { splitRow } from './table';

/** A piece of the document that parses on its own exactly as it does inside the whole. */
export interface Chunk {
  text: string;
  /** Offset and 1-based line where the chunk starts in the document. */
  offset: number;
  line: number;
  /**
   * For a chunk that continues a long table: the table's header and delimiter rows, parsed in front
   * of the chunk so its rows read as rows; they are dropped again and the rows join the table.
   */
  tablePrefix?: string;
}

/** Rows of a long table per chunk: GFM tables cost much more per line than other Markdown. */
export const TABLE_ROWS_PER_CHUNK = 100;
const DELIMITER_ROW = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Splits Markdown at boundaries no block can cross: a heading at the start of a line (headings end
 * every paragraph, list, table and quote), and a line at the start of a line after a blank line
 * that is not a list marker (it cannot continue what came before). Never inside frontmatter, a
 * fenced code block or an HTML block, where such lines are content. Conservative: where unsure,
 * no split, which only costs speed.
 */
export function splitChunks(text: string): Chunk[] {
  const chunks: Chunk[] = [];
  const lineRe = /\r\n|\r|\n/g;
  let start = 0;
  let chunkStart = 0;
  let chunkLine = 1;
  let line = 1;
  let fence: { char: string; length: number } | undefined;
  let pendingPrefix: string | undefined;
  let html: RegExp | 'blank' | undefined;
  let previousBlank = false;
  let previousLine = '';
  let blankBeforePrevious = true;
  // A table we may cut into row groups: its header and delimiter, and rows seen so far.
  let table: { prefix: string; rows: number } | undefined;
  let inFrontmatter = /^---[ \t]*(?:\r\n|\r|\n)/.test(text);
  for (;;) {
    lineRe.lastIndex = start;
    const m = lineRe.exec(text);
    const end = m ? m.index : text.length;
    const content = text.slice(start, end);
    const blank = content.trim() === '';
    let boundary = false;
    if (inFrontmatter) {
      if (line > 1 && /^(?:---|\.\.\.)[ \t]*$/.test(content)) inFrontmatter = false;
    } else if (fence) {
      const close = FENCE.exec(content);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && content.slice(close[0].length).trim() === '') fence = undefined;
    } else if (html) {
      if (html === 'blank' ? blank : html.test(content)) html = undefined;
    } else {
      let tableCut: string | undefined;
      if (table) {
        // Only plain `|` rows keep the table ours; anything else may end or change it.
        if (content.startsWith('|') && !blank) {
          table.rows++;
          if (table.rows > 1 && table.rows % TABLE_ROWS_PER_CHUNK === 1) tableCut = table.prefix;
        } else table = undefined;
      } else if (blankBeforePrevious && previousLine.startsWith('|') && DELIMITER_ROW.test(content) && content.includes('-') &&
        splitRow({ text: previousLine, offset: 0 }).length === splitRow({ text: content, offset: 0 }).length) {
        // Header after a blank line (so it starts a block) and a delimiter row: a GFM table.
        const eol = m ? m[0] : '\n';
        table = { prefix: `${previousLine}${eol}${content}${eol}`, rows: 0 };
      }
      if (tableCut !== undefined && start > chunkStart) {
        chunks.push({ text: text.slice(chunkStart, start), offset: chunkStart, line: chunkLine, ...(pendingPrefix !== undefined ? { tablePrefix: pendingPrefix } : {}) });
        chunkStart = start;
        chunkLine = line;
        pendingPrefix = tableCut;
      }
      const startsBlock = line > 1 && !/^[ \t]/.test(content) && !blank;
      // A chunk must not start with `---`: on its own it would read as frontmatter.
      boundary = startsBlock && !/^(?:---|\+\+\+)/.test(content) && (/^#{1,6}(?:[ \t]|$)/.test(content) || (previousBlank && !LIST_MARKER.test(content)));
      const f = FENCE.exec(content);
      if (f) fence = { char: f[1]![0]!, length: f[1]!.length };
      else if (/^ {0,3}</.test(content)) html = htmlBlockEnd(content.trimStart(), content);
    }
    if (boundary && start > chunkStart) {
      chunks.push({ text: text.slice(chunkStart, start), offset: chunkStart, line: chunkLine, ...(pendingPrefix !== undefined ? { tablePrefix: pendingPrefix } : {}) });
      chunkStart = start;
      chunkLine = line;
      pendingPrefix = undefined;
      table = undefined;
    }
    blankBeforePrevious = previousBlank;
    previousBlank = blank;
    previousLine = content;
    if (!m) break;
    start = m.index + m[0].length;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine, ...(pendingPrefix !== undefined ? { tablePrefix: pendingPrefix } : {}) });
  return chunks;
}

/** How an HTML block that starts on this line ends (CommonMark's seven kinds), conservatively. */
function htmlBlockEnd(trimmed: string, line: string): RegExp | 'blank' | undefined {
  let end: RegExp | 'blank';
  if (/^<(?:script|pre|style|textarea)(?:\s|>|$)/i.test(trimmed)) end = /<\/(?:script|pre|style|textarea)>/i;
  else if (trimmed.startsWith('<!--')) end = /-->/;
  else if (trimmed.startsWith('<?')) end = /\?>/;
  else if (trimmed.startsWith('<![CDATA[')) end = /\]\]>/;
  else if (/^<![A-Za-z]/.test(trimmed)) end = />/;
  else end = 'blank';
  // A block that ends on its own first line is already over.
  if (end !== 'blank' && end.test(line.slice(line.indexOf('<') + 2))) return undefined;
  return end;
}

type Position = NonNullable<Nodes['position']>;

function shifted(p: Position, lines: number, offset: number): Position {
  return {
    start: { line: p.start.line + lines, column: p.start.column, offset: (p.start.offset ?? 0) + offset },
    end: { line: p.end.line + lines, column: p.end.column, offset: (p.end.offset ?? 0) + offset },
  };
}

/** A copy of a node with every position moved by whole lines and offsets. */
function shift<T extends Nodes>(node: T, lines: number, offset: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = shifted(node.position, lines, offset);
  if ('children' in node && Array.isArray(node.children)) copy.children = (node.children as Nodes[]).map((c) => shift(c, lines, offset));
  return copy;
}

/**
 * Parses a document chunk by chunk and keeps each chunk's syntax tree by its text, so after an
 * edit only the chunks that changed are parsed again. The merged tree equals a whole parse in the
 * blocks it holds and their positions.
 */
export class IncrementalParser {
  private cache = new Map<string, RootContent[]>();
  private previous = new Map<string, RootContent[]>();
  private static key(chunk: Chunk): string {
    return chunk.tablePrefix === undefined ? chunk.text : `${chunk.tablePrefix}\u0000${chunk.text}`;
  }
  /** Chunks parsed (not reused) by the last call, for tests and measurements. */
  lastParsed = 0;

  parse(text: string): Root {
    const chunks = splitChunks(text);
    // Keep only what the current and the previous version use.
    this.previous = this.cache;
    this.cache = new Map();
    this.lastParsed = 0;
    const children: RootContent[] = [];
    for (const chunk of chunks) {
      const key = IncrementalParser.key(chunk);
      let nodes = this.cache.get(key) ?? this.previous.get(key);
      if (!nodes) {
        nodes = parseMarkdown((chunk.tablePrefix ?? '') + chunk.text).children;
        this.lastParsed++;
      }
      this.cache.set(key, nodes);
      const prefix = chunk.tablePrefix ?? '';
      const lines = chunk.line - 1 - (prefix ? 2 : 0);
      const offset = chunk.offset - prefix.length;
      const placed = nodes.map((n) => (lines === 0 && offset === 0 ? n : shift(n, lines, offset)));
      const first = placed[0];
      const last = children[children.length - 1];
      if (prefix && first?.type === 'table' && last?.type === 'table') {
        // The rows continue the table of the chunk before: drop the repeated header, join the rows.
        const rows = first.children.slice(1);
        children[children.length - 1] = { ...last, children: [...last.children, ...rows], position: { start: last.position!.start, end: rows.length ? rows[rows.length - 1]!.position!.end : last.position!.end } };
        placed.shift();
      }
      children.push(...placed);
    }
    const end = chunks.length ? endPosition(text) : { line: 1, column: 1, offset: 0 };
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }
}

function endPosition(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length };
}
