/** Lines of timeline text as written: hard breaks, `<br />`, and lines that are never events. */
import type { Span } from '../../text';
import { plainInline, sliceSpan, spanLines, trimSpan } from '../../text';

/** Splits a line at `<br>`, `<br/>` and `<br />` (a scan: no regex over the whole line). */
function splitBreaks(line: Span): Span[] {
  const out: Span[] = [];
  const lower = line.text.toLowerCase();
  let from = 0;
  let at = lower.indexOf('<br', from);
  while (at >= 0) {
    let end = at + 3;
    while (lower[end] === ' ' || lower[end] === '\t') end++;
    if (lower[end] === '/') end++;
    if (lower[end] === '>') {
      out.push(sliceSpan(line, from, at));
      from = end + 1;
    }
    at = lower.indexOf('<br', Math.max(end, at + 3));
  }
  out.push(sliceSpan(line, from));
  return out;
}

/** Drops a hard-break backslash and trailing blanks from the end of a line. */
function dropHardBreak(line: Span): Span {
  const t = line.text;
  let end = t.length;
  while (end > 0 && (t[end - 1] === ' ' || t[end - 1] === '\t')) end--;
  if (end > 0 && t[end - 1] === '\\' && (end < 2 || t[end - 2] !== '\\')) end--;
  return sliceSpan(line, 0, end);
}

/** The lines of a span: at line ends and at `<br />`, without hard-break backslashes, trimmed. */
export function timelineLines(span: Span): Span[] {
  return spanLines(span).flatMap(splitBreaks).map((l) => trimSpan(dropHardBreak(l)));
}

/** A kramdown attribute list line: `{: .events }`, `{:.no_toc}`. */
export function isAttributeLine(text: string): boolean {
  const t = text.trim();
  return t.startsWith('{:') && t.endsWith('}');
}

/** The length of the Markdown link or image at the start of `t` (`[x](y)`, `![x](y)`, `<https://…>`), or 0. */
function linkAt(t: string, i: number): number {
  let p = i;
  if (t[p] === '<') {
    const close = t.indexOf('>', p);
    return close > p && /^<https?:\/\//i.test(t.slice(p, p + 9)) ? close + 1 - i : 0;
  }
  if (t[p] === '!') p++;
  if (t[p] !== '[') return 0;
  const mid = t.indexOf('](', p);
  if (mid < 0) return 0;
  const close = t.indexOf(')', mid);
  return close < 0 ? 0 : close + 1 - i;
}

/**
 * Whether a line holds nothing an event could say: only links, images or bare URLs (with list
 * punctuation between them), a kramdown attribute list, or an HTML comment.
 */
export function isLinkOnly(text: string): boolean {
  const t = text.trim();
  if (t === '' || isAttributeLine(t)) return t !== '';
  if (plainInline(t) === '') return true; // an HTML comment, or markers only
  let i = 0;
  let links = 0;
  while (i < t.length) {
    const c = t[i]!;
    if (c === ' ' || c === '\t' || c === ',' || c === '|' || c === '*' || c === '_') {
      i++;
      continue;
    }
    const n = linkAt(t, i);
    if (n > 0) {
      links++;
      i += n;
      continue;
    }
    if (t.startsWith('http://', i) || t.startsWith('https://', i)) {
      links++;
      while (i < t.length && t[i] !== ' ' && t[i] !== '\t') i++;
      continue;
    }
    return false;
  }
  return links > 0;
}
