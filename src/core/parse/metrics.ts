/** Reads metrics a postmortem states: `**Time to detect:** 2 minutes` lines and metrics tables. */
import type { RootContent } from 'mdast';
import type { StatedMetric, StatedStart } from '../model';
import { rowCells } from '../table';
import type { LineIndex, Span } from '../text';
import { plainInline, sliceSpan, spanLines, trimSpan } from '../text';
import { parseDuration } from '../time';
import { metricOfLabel } from '../vocabulary/metrics';
import { paragraphs } from './blocks';
import type { ParseContext } from './context';
import { spanOf } from './context';
import { readLeadingTime } from './timeline/leading-time';

const STATED_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z ()]{1,40}?)\s*(?::(?:\*\*|__)|(?:\*\*|__):|:|\s[\u2014\u2013=]\s)\s*(?:\*\*|__)?\s*(.*)$/;

/** A stated metric on one line: `**Total duration:** 23 minutes`, `- TTR: 1h05m`. */
export function readStatedMetric(line: Span, index: LineIndex): StatedMetric | undefined {
  if (line.text.length > 500) return undefined;
  const m = STATED_LINE.exec(line.text);
  if (!m) return undefined;
  const metric = metricOfLabel(m[1]!);
  if (!metric) return undefined;
  const valueStart = line.text.length - m[2]!.length;
  const value = trimSpan(sliceSpan(line, valueStart));
  const duration = parseDuration(value.text.replace(/^(?:\*\*|__)/, ''));
  const trimmed = trimSpan(line);
  return {
    metric,
    label: m[1]!.trim(),
    text: plainInline(value.text),
    minutes: duration?.minutes,
    range: index.range(trimmed.offset, trimmed.offset + trimmed.text.length),
    valueRange: index.range(value.offset, value.offset + value.text.length),
  };
}

/** Reads the stated metrics of a block in any section: lines of its paragraphs, or rows of a table. */
export function readStatedMetrics(ctx: ParseContext, node: RootContent, out: StatedMetric[]): void {
  if (node.type === 'paragraph' || node.type === 'list' || node.type === 'blockquote') {
    for (const p of paragraphs(node)) {
      const s = spanOf(ctx, p);
      if (!s) continue;
      for (const line of spanLines(s)) {
        const metric = readStatedMetric(line, ctx.index);
        if (metric) out.push(metric);
      }
    }
  } else if (node.type === 'table') {
    // A metrics table: `| Time to detect | 2 minutes |`.
    for (const row of node.children.slice(1)) {
      const s = spanOf(ctx, row);
      if (!s) continue;
      const cells = rowCells(ctx.text, row);
      if (cells.length < 2) continue;
      const metric = metricOfLabel(cells[0]!.text.replace(/:$/, ''));
      const value = cells[1]!;
      if (!metric) continue;
      const end = s.offset + s.text.trimEnd().length;
      out.push({
        metric,
        label: plainInline(cells[0]!.text),
        text: plainInline(value.text),
        minutes: parseDuration(value.text.replace(/^(?:\*\*|__)/, ''))?.minutes,
        range: ctx.index.range(s.offset, end),
        valueRange: ctx.index.range(value.offset, value.offset + value.text.length),
      });
    }
  }
}

/** Labels of a field that says when the incident started: `Date/time:`, `Start time:`, `Incident start:`. */
const START_LABEL = /^(?:date\s?\/\s?time|date and time|start(?:ed| time| date)?|started at|incident start(?:ed)?|outage start(?:ed)?|impact start(?:ed)?|began)$/i;

/** `Date/time: …`, `**Start time:** …`, `- Started at: …`: a label of letters, spaces and `/`, then the value. */
const START_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z /]{1,30}?)\s*(?::(?:\*\*|__)|(?:\*\*|__):|:)\s*(?:\*\*|__)?\s*(.*)$/;

/** A field stating when the incident started, with a date and a time: `Date/time: 2016-11-07 21:30`. */
export function readStatedStart(line: Span, index: LineIndex): StatedStart | undefined {
  if (line.text.length > 300) return undefined;
  const m = START_LINE.exec(line.text);
  if (!m || !START_LABEL.test(m[1]!.trim())) return undefined;
  const value = trimSpan(sliceSpan(line, line.text.length - m[2]!.length));
  const read = readLeadingTime(value);
  if (!read || read.time.date === undefined) return undefined;
  return { date: read.time.date, hour: read.time.hour, minute: read.time.minute, range: index.range(value.offset, value.offset + value.text.length) };
}

/** The first stated start in the paragraphs and lists of a block, if none was found before. */
export function readStatedStartIn(ctx: ParseContext, node: RootContent): StatedStart | undefined {
  if (node.type !== 'paragraph' && node.type !== 'list') return undefined;
  for (const p of paragraphs(node)) {
    const s = spanOf(ctx, p);
    if (!s) continue;
    for (const line of spanLines(s)) {
      const start = readStatedStart(line, ctx.index);
      if (start) return start;
    }
  }
  return undefined;
}
