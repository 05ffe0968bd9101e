import type { Nodes, Root, RootContent } from 'mdast';
import { parseMarkdown } from './parse';

/** A piece of the document that parses on its own exactly as it does inside the whole. */
export interface Chunk {
  text: string;
  /** Offset and 1-based line where the chunk starts in the document. */
  offset: number;
  line: number;
}

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
  let html: RegExp | 'blank' | undefined;
  let previousBlank = false;
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
      const startsBlock = line > 1 && !/^[ \t]/.test(content) && !blank;
      // A chunk must not start with `---`: on its own it would read as frontmatter.
      boundary = startsBlock && !/^(?:---|\+\+\+)/.test(content) && (/^#{1,6}(?:[ \t]|$)/.test(content) || (previousBlank && !LIST_MARKER.test(content)));
      const f = FENCE.exec(content);
      if (f) fence = { char: f[1]![0]!, length: f[1]!.length };
      else if (/^ {0,3}</.test(content)) html = htmlBlockEnd(content.trimStart(), content);
    }
    if (boundary && start > chunkStart) {
      chunks.push({ text: text.slice(chunkStart, start), offset: chunkStart, line: chunkLine });
      chunkStart = start;
      chunkLine = line;
    }
    previousBlank = blank;
    if (!m) break;
    start = m.index + m[0].length;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), offset: chunkStart, line: chunkLine });
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
      let nodes = this.cache.get(chunk.text) ?? this.previous.get(chunk.text);
      if (!nodes) {
        nodes = parseMarkdown(chunk.text).children;
        this.lastParsed++;
      }
      this.cache.set(chunk.text, nodes);
      const lines = chunk.line - 1;
      for (const n of nodes) children.push(lines === 0 && chunk.offset === 0 ? n : shift(n, lines, chunk.offset));
    }
    const end = chunks.length ? endPosition(text) : { line: 1, column: 1, offset: 0 };
    return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end } };
  }
}

function endPosition(text: string): { line: number; column: number; offset: number } {
  const lines = text.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1, offset: text.length };
}
