import type { TableRow } from 'mdast';
import type { Span } from './text';
import { trimSpan } from './text';

/**
 * Splits one GFM table row, as raw text, into cell spans at unescaped pipes (for the incremental
 * parser, which looks at lines before they are parsed; readers use {@link rowCells}). Pipes inside code spans split cells
 * too, as GFM says. A leading and a trailing pipe are optional. Each span is trimmed; an empty cell
 * keeps the whitespace between its pipes, so a value written there can be padded.
 */
export function splitRow(row: Span): Span[] {
  const text = row.text;
  const pipes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '|') pipes.push(i);
  }
  const bounds: Array<[number, number]> = [];
  let start = 0;
  for (const p of pipes) {
    bounds.push([start, p]);
    start = p + 1;
  }
  bounds.push([start, text.length]);
  if (bounds.length > 1 && text.slice(bounds[0]![0], bounds[0]![1]).trim() === '') bounds.shift();
  const lastBound = bounds[bounds.length - 1]!;
  if (bounds.length > 1 && text.slice(lastBound[0], lastBound[1]).trim() === '' && pipes.length > 0) bounds.pop();
  return bounds.map(([a, b]) => {
    const cell = trimSpan({ text: text.slice(a, b), offset: row.offset + a });
    if (cell.text === '') return { text: text.slice(a, b), offset: row.offset + a };
    return cell;
  });
}

/**
 * The cells of a parsed GFM table row, from mdast's cell positions: each cell's text without its
 * pipes, trimmed; an empty cell keeps the blanks between its pipes, so a value written there can
 * be padded. Cells past the header's count are kept, as in the source.
 */
export function rowCells(text: string, row: TableRow): Span[] {
  const out: Span[] = [];
  for (const cell of row.children) {
    const p = cell.position;
    if (p?.start.offset === undefined || p.end.offset === undefined) continue;
    let a = p.start.offset;
    let b = p.end.offset;
    if (text[a] === '|') a++;
    if (b > a && text[b - 1] === '|' && text[b - 2] !== '\\') b--;
    const raw = { text: text.slice(a, b), offset: a };
    const trimmed = trimSpan(raw);
    out.push(trimmed.text === '' ? raw : trimmed);
  }
  return out;
}
