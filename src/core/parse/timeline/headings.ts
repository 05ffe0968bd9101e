/**
 * Timelines written as one heading per event: `### 16:05 UTC — Proxy restarted`, `### 4:05 PM`,
 * `#### 2024-09-03 16:05`. The heading is the event; paragraphs, lists, code and images under it,
 * and deeper headings, are its detail and never events of their own.
 */
import type { Heading, RootContent } from 'mdast';
import { sliceSpan, spanLines, trimSpan } from '../../text';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import type { TimelineReader } from './index';
import { readLeadingTime } from './leading-time';
import { pushEvent } from './raw';

/** The text of an ATX heading's line after its `#` markers, without a closing `#` sequence. */
function headingText(ctx: ParseContext, node: Heading) {
  const s = spanOf(ctx, node);
  if (!s) return undefined;
  const line = sliceSpan(s, 0, /\r\n|\r|\n/.exec(s.text)?.index ?? s.text.length);
  const marker = /^ {0,3}#{1,6}(?:[ \t]+|$)/.exec(line.text);
  const content = marker ? sliceSpan(line, marker[0].length) : line;
  // A closing run of `#` after a space is not part of the heading (a scan: a regex anchored at the
  // end would rescan long runs of blanks from every position).
  const t = content.text;
  let end = t.length;
  while (end > 0 && (t[end - 1] === ' ' || t[end - 1] === '\t')) end--;
  let hashes = end;
  while (hashes > 0 && t[hashes - 1] === '#') hashes--;
  if (hashes < end && hashes > 0 && (t[hashes - 1] === ' ' || t[hashes - 1] === '\t')) end = hashes;
  return sliceSpan(content, 0, end);
}

export const headingEvents: TimelineReader = {
  shape: 'one heading per event, its body the detail',
  types: ['heading'],
  read(ctx, node, draft) {
    const heading = node as Heading;
    const text = headingText(ctx, heading);
    const lead = text && readLeadingTime(text, ctx.dates.current);
    if (!text || !lead) return false;
    pushEvent(ctx, draft.events, { time: lead.time, lead: lead.rest, extra: [], whole: text, source: 'heading' });
    const event = draft.events[draft.events.length - 1]!;
    // Until the next heading of this level or higher, what follows is this event's detail; a
    // heading that holds only the time takes its text from the first paragraph below it.
    draft.claim = {
      depth: heading.depth,
      take: (c: ParseContext, node: RootContent) => {
        if (node.type !== 'paragraph' || event.lead.text !== '' || event.textSpans.length > 0) return;
        const s = spanOf(c, node);
        if (s) event.textSpans.push(...spanLines(s).map(trimSpan).filter((x) => x.text !== ''));
      },
    };
    return true;
  },
};
