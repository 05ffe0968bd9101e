import type { Position, Range } from './model';

/**
 * Maps string offsets to 1-based line/column positions. Line endings are `\r\n`, `\n` or a lone
 * `\r`, as in CommonMark.
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.starts.push(i + 1);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - this.starts[lo]! + 1 };
  }

  offset(pos: Position): number {
    const start = this.starts[Math.max(0, Math.min(pos.line - 1, this.starts.length - 1))]!;
    return Math.min(this.text.length, start + pos.column - 1);
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.position(startOffset), end: this.position(endOffset) };
  }

  /** Offset of the start of a 1-based line. */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line - 1, this.starts.length - 1))]!;
  }

  /** Offset just past the last character of a 1-based line, before its line ending. */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? this.starts[line]! : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.lineStart(line), this.lineEnd(line));
  }
}

/** Text without a leading byte order mark: editors hide it, so columns then match what the user sees. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A piece of source text with the offset where it starts, so matches can be mapped back. */
export interface Span {
  text: string;
  offset: number;
}

/** Splits a span into its lines, each with its own offset. */
export function spanLines(span: Span): Span[] {
  const out: Span[] = [];
  const re = /\r\n|\r|\n/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(span.text))) {
    out.push({ text: span.text.slice(last, m.index), offset: span.offset + last });
    last = m.index + m[0].length;
  }
  out.push({ text: span.text.slice(last), offset: span.offset + last });
  return out;
}

/** Trims whitespace from both ends of a span, keeping its offset right. */
export function trimSpan(span: Span): Span {
  const lead = span.text.length - span.text.trimStart().length;
  return { text: span.text.trim(), offset: span.offset + lead };
}

/** The span after the first `n` characters. */
export function sliceSpan(span: Span, start: number, end = span.text.length): Span {
  return { text: span.text.slice(start, end), offset: span.offset + start };
}

/**
 * Replaces complete HTML comments (`<!-- … -->`) with spaces of the same length, so offsets stay
 * put. Linear: a scan with indexOf, where a lazy regex would rescan an unclosed `<!--` each time.
 */
export function blankHtmlComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) break;
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    out += text.slice(from, open) + ' '.repeat(close + 3 - open);
    from = close + 3;
  }
  return out + text.slice(from);
}

/** A line with its code spans blanked (same length), found by matching backtick runs as CommonMark does. */
export function blankCodeSpans(line: string): string {
  // Pathological lines (tens of thousands of backticks) are left as they are: this stays linear.
  if (line.length > 20_000) return line;
  let out = '';
  let i = 0;
  while (i < line.length) {
    const open = line.indexOf('`', i);
    if (open < 0) break;
    let n = open;
    while (line[n] === '`') n++;
    const run = n - open;
    // The closing run has exactly the same length.
    let close = line.indexOf('`'.repeat(run), n);
    while (close >= 0 && (line[close + run] === '`' || line[close - 1] === '`')) close = line.indexOf('`'.repeat(run), close + 1);
    if (close < 0) {
      out += line.slice(i, n);
      i = n;
      continue;
    }
    out += line.slice(i, open) + ' '.repeat(close + run - open);
    i = close + run;
  }
  return out + line.slice(i);
}

/**
 * A line with what is not prose blanked (same length, so columns stay put): HTML comments, code
 * spans, the destinations of links and images (`](https://…)`) and the `!` that opens an image.
 */
export function blankNonProse(line: string): string {
  const text = blankCodeSpans(blankHtmlComments(line));
  if (text.length > 20_000) return text;
  return text.replace(/!(?=\[)|\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, (m) => (m === '!' ? ' ' : `]${' '.repeat(m.length - 1)}`));
}

/**
 * Inline Markdown to plain text for display: drops emphasis markers, keeps link text and code,
 * and folds line breaks and runs of spaces into one space.
 */
export function plainInline(raw: string): string {
  // Re-lints after an edit see mostly the same strings again: remember recent results.
  const hit = plainCache.get(raw);
  if (hit !== undefined) return hit;
  const plain = computePlainInline(raw);
  if (plainCache.size > 50_000) plainCache.clear();
  plainCache.set(raw, plain);
  return plain;
}

const plainCache = new Map<string, string>();

function computePlainInline(raw: string): string {
  return blankHtmlComments(raw)
    .replace(/!?\[([^[\]\n]{0,500})\]\((?:[^()\n]|\([^()\n]{0,200}\)){0,2000}\)/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]{0,2000}?\S)\1/g, '$2')
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]{0,2000}?\S)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/~~(?=\S)([^\n]{0,2000}?\S)~~/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lowercase words without Markdown, punctuation or numbering, for matching headings and headers. */
export function normalizeLabel(raw: string): string {
  return plainInline(raw)
    .replace(/`/g, '')
    .toLowerCase()
    .replace(/\([^()]{0,200}\)/g, ' ')
    .replace(/^\s*(?:\d+[.)]|[ivx]+\.|§)\s*/, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Follows fenced code blocks line by line: the function it returns takes each line in order and says
 * whether that line is a fence or inside a fenced block (`` ``` `` or `~~~`, closed by the same
 * character), which is code, not the author's prose.
 */
export function fenceTracker(): (line: string) => boolean {
  let fence: string | undefined;
  return (line) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]![0]!;
      else if (f[1]![0] === fence) fence = undefined;
      return true;
    }
    return fence !== undefined;
  };
}
