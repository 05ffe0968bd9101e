/**
 * Whether a block says something or only holds template text: a template's instruction in italics
 * (`_Include a short description of what happened._`), markers (`TBD`, `<describe the impact>`,
 * `[fill in]`, `…`, blanks), empty labels (`- Who was affected:`), and the skeletons this tool
 * inserts. A section of nothing else counts as missing (`section-missing`), and such a block is
 * no contributing factor.
 */
import type { List, ListItem, Nodes, RootContent, Table } from 'mdast';
import type { SectionContent } from '../model';
import { SECTION_SKELETONS } from '../sections';
import { blankHtmlComments } from '../text';
import type { ParseContext } from './context';
import { spanOf } from './context';

/** A whole paragraph in italics that starts as an instruction does: the usual template prompt. */
const ITALIC_INSTRUCTION = /^(?:_|\*(?!\*))\s{0,3}(?:include|describe|list|write|leave|summari[sz]e|note|explain|add|provide|fill|enter|insert|outline|detail|document|link|attach|give|state|mention|record|capture|replace|put|be|each|some important|who|what|when|how|why|did)\b/i;

/** A callout (`> [!NOTE]`) whose text is an instruction (`Describe how the service was restored`). */
const CALLOUT_INSTRUCTION = /^\s{0,3}\[!(?:note|tip|important|info)\]\s{1,4}(?:include|describe|list|write|leave|summari[sz]e|note|explain|add|provide|fill|outline|detail|document|who|what|when|how|why|did)\b/i;

/** Template markers: upper-case notes, angle-bracket and curly prompts, fill-in brackets, blanks, our snippets' defaults. */
const MARKERS = /(?<![\w-])(?:TBD|TBA|TBC|TODO|FIXME|XXX)(?![\w-])|<(?!\/?(?:img|br|a|b|i|p|div|span|details|summary|sup|sub|table|tr|td|th|ul|ol|li|em|strong|code|pre|hr|kbd|video|iframe|picture|source)\b)(?!https?:|mailto:)[A-Za-z][^<>\n]{0,80}>|\{[A-Z][^{}\n]{0,60}\}|\[(?:fill(?: it)? in|describe|insert|add|enter|write|your|link to|todo|tbd)\b[^\]\n]{0,80}\](?![([:])|_{2,}|\uFF3F+|\u2026|\.{3}|(?<![\w-])(?:YYYY-MM-DD|HH:MM)(?![\w-])|(?<![\w@])@owner\b/gi;

/**
 * Texts this extension inserts, lowercase: the skeletons of `section-missing`'s quick fix and the
 * snippets' defaults. Left as they are, they say nothing about the incident.
 */
const OUR_DEFAULTS: readonly string[] = [
  ...Object.values(SECTION_SKELETONS).flatMap(([, body]) => body.toLowerCase().split('\n').map((l) => l.replace(/^[-*|\s]+/, '').trim()).filter((l) => l.length > 3)),
  'for how long, what users saw, what caused it and what stopped it, in two or three sentences.',
  'a cause in the system, not a person', 'what let the cause through unnoticed', 'a change someone can verify as done',
  'first thing that happened (trigger)', 'how it was noticed', 'what stopped the impact', 'incident declared resolved',
  'who, and how many', 'did the service fail', 'what happened (who)', 'because', 'why did', 'why', '\u2192', '->',
].sort((a, b) => b.length - a.length);

/** A label with nothing after it: `Who was affected, and how many:`, `Duration:`. */
const EMPTY_LABEL = /^[^:\n]{1,80}:$/;
/** Characters that carry no words. */
const NO_WORDS = /^[^\p{L}\p{N}]*$/u;

/** Whether text says nothing but template text (see the module comment). */
export function isTemplateText(raw: string): boolean {
  const text = blankHtmlComments(raw).trim();
  if (text === '') return true;
  if (ITALIC_INSTRUCTION.test(text) && /(?:_|\*)$/.test(text)) return true;
  let rest = text.replace(MARKERS, ' ').toLowerCase();
  for (const d of OUR_DEFAULTS) rest = rest.split(d).join(' ');
  const lines = rest.split('\n').map((l) => l.replace(/^\s*(?:[-*+]|\d{1,3}[.)])?\s*(?:\[[ x]\]\s*)?/, '').replace(/[*_`|?\s]+/g, ' ').trim()).filter((l) => !NO_WORDS.test(l));
  return lines.every((l) => EMPTY_LABEL.test(l));
}

/** What a block holds: text, only template text, or nothing (a rule, a link definition, frontmatter). */
export function blockContent(ctx: ParseContext, node: RootContent): SectionContent {
  switch (node.type) {
    case 'yaml': case 'definition': case 'thematicBreak': return 'none';
    case 'code': case 'image': return 'text';
    // A comment, or a prompt in angle brackets that parses as a tag (`<describe the impact>`).
    case 'html': return isTemplateText(node.value) ? 'placeholder' : 'text';
    case 'table': return tableContent(ctx, node);
    case 'list': return listContent(ctx, node);
    case 'blockquote': {
      const s = spanOf(ctx, node);
      const inner = s ? s.text.replace(/^[ \t]{0,3}>[ \t]?/gm, '') : '';
      if (CALLOUT_INSTRUCTION.test(inner)) return 'placeholder';
      return node.children.every((c) => blockContent(ctx, c) !== 'text') ? 'placeholder' : 'text';
    }
    default: return textContent(ctx, node);
  }
}

function textContent(ctx: ParseContext, node: Nodes): SectionContent {
  const s = spanOf(ctx, node);
  if (!s) return 'none';
  return isTemplateText(s.text) ? 'placeholder' : 'text';
}

function listContent(ctx: ParseContext, list: List): SectionContent {
  return list.children.every((item) => itemContent(ctx, item) !== 'text') ? 'placeholder' : 'text';
}

function itemContent(ctx: ParseContext, item: ListItem): SectionContent {
  if (item.children.length === 0) return 'placeholder';
  return item.children.every((c) => blockContent(ctx, c as RootContent) !== 'text') ? 'placeholder' : 'text';
}

/** A table whose body cells are empty or template text (a priority level alone is the skeleton's default). */
function tableContent(ctx: ParseContext, table: Table): SectionContent {
  const cells = table.children.slice(1).flatMap((row) => row.children);
  const filled = cells.some((cell) => {
    const s = spanOf(ctx, cell);
    const text = s ? s.text.replace(/^\s*\|?|\|?\s*$/g, '') : '';
    return !/^\s*P\d\s*$/i.test(text) && !isTemplateText(text);
  });
  return filled ? 'text' : 'placeholder';
}

/** The greater of two contents: text over template text over nothing. */
export function moreContent(a: SectionContent, b: SectionContent): SectionContent {
  const rank = { none: 0, placeholder: 1, text: 2 } as const;
  return rank[a] >= rank[b] ? a : b;
}
