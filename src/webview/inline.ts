/**
 * Inline Markdown of a timeline entry, read into parts the panel builds as DOM nodes: code spans,
 * strong and emphasised text, links. Nothing here is HTML: a tag in the text stays text, and a
 * link is a link only to an http(s) or mailto address. Anything not understood is plain text.
 */
export type InlinePart =
  | { kind: 'text'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string }
  | { kind: 'em'; text: string }
  | { kind: 'link'; text: string; href: string };

const SAFE_HREF = /^(?:https?:\/\/|mailto:)[^\s<>"']{1,2000}$/i;

/** A link destination without its title (`https://a.example "Title"` → `https://a.example`). */
function withoutTitle(dest: string): string {
  if (!dest.endsWith('"')) return dest;
  const open = dest.lastIndexOf(' "', dest.length - 2);
  return open > 0 ? dest.slice(0, open).trimEnd() : dest;
}

/** The `)` that closes a link destination starting at `from`, with balanced parentheses inside; -1 if none. */
function closingParen(s: string, from: number): number {
  let depth = 1;
  for (let k = from; k < s.length && k < from + 2000; k++) {
    if (s[k] === '\\') k++;
    else if (s[k] === '(') depth++;
    else if (s[k] === ')' && --depth === 0) return k;
  }
  return -1;
}

/** Splits inline Markdown into parts, left to right; at most `limit` characters are read. */
export function inlineParts(markdown: string, limit = 5000): InlinePart[] {
  const s = markdown.length > limit ? markdown.slice(0, limit) : markdown;
  const parts: InlinePart[] = [];
  let text = '';
  const flush = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '\\' && i + 1 < s.length && /[\\`*_[\]()#!]/.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      // A run of n backticks closes at the next run of exactly n.
      let n = 1;
      while (s[i + n] === '`') n++;
      const fence = '`'.repeat(n);
      let end = s.indexOf(fence, i + n);
      while (end >= 0 && s[end + n] === '`') end = s.indexOf(fence, end + n + 1);
      if (end > i + n - 1) {
        flush();
        const inner = s.slice(i + n, end);
        parts.push({ kind: 'code', text: /^ .* $/.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner });
        i = end + n;
        continue;
      }
    }
    if ((c === '*' || c === '_') && s[i + 1] === c && s[i + 2] !== undefined && s[i + 2] !== ' ') {
      const end = s.indexOf(c + c, i + 2);
      if (end > i + 2 && s[end - 1] !== ' ') {
        flush();
        parts.push({ kind: 'strong', text: s.slice(i + 2, end) });
        i = end + 2;
        continue;
      }
    }
    if ((c === '*' || c === '_') && s[i + 1] !== undefined && s[i + 1] !== ' ' && s[i + 1] !== c && (i === 0 || /[\s(]/.test(s[i - 1]!))) {
      const end = s.indexOf(c, i + 1);
      if (end > i + 1 && s[end - 1] !== ' ' && (end + 1 >= s.length || /[\s).,;:!?]/.test(s[end + 1]!))) {
        flush();
        parts.push({ kind: 'em', text: s.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[' && s[i - 1] !== '!') {
      const close = s.indexOf('](', i + 1);
      const end = close >= 0 ? closingParen(s, close + 2) : -1;
      if (close > i && end > close && !s.slice(i + 1, close).includes('[')) {
        const label = s.slice(i + 1, close);
        const href = withoutTitle(s.slice(close + 2, end).trim());
        flush();
        parts.push(SAFE_HREF.test(href) ? { kind: 'link', text: label, href } : { kind: 'text', text: label });
        i = end + 1;
        continue;
      }
    }
    if (c === '<') {
      // `<https://…>`: an autolink; any other angle bracket is text.
      const end = s.indexOf('>', i + 1);
      const href = end > i ? s.slice(i + 1, end) : '';
      if (SAFE_HREF.test(href)) {
        flush();
        parts.push({ kind: 'link', text: href, href });
        i = end + 1;
        continue;
      }
    }
    text += c;
    i++;
  }
  flush();
  return parts;
}
