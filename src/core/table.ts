import type { Span } from './text';
import { trimSpan } from './text';

/**
 * Splits one GFM table row into cell spans at unescaped pipes. Pipes inside code spans split cells
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
