import type { TimelineEvent } from '../model';
import type { LineIndex } from '../text';
import type { Fix, Rule } from './types';

/**
 * A fix that sorts a run of adjacent, timed timeline entries by time, keeping each entry's lines
 * together. Undefined when the entries are not one contiguous run.
 */
function sortFix(events: readonly TimelineEvent[], lines: LineIndex, text: string): Fix | undefined {
  if (events.length < 2 || events.some((e) => !e.time) || events.some((e) => e.source === 'paragraph')) return undefined;
  for (let i = 1; i < events.length; i++) {
    if (events[i]!.range.start.line !== events[i - 1]!.range.end.line + 1) return undefined;
  }
  const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n';
  const blockOf = (e: TimelineEvent) => {
    const out: string[] = [];
    for (let l = e.range.start.line; l <= e.range.end.line; l++) out.push(lines.lineText(l));
    return out.join(eol);
  };
  const sorted = [...events].sort((a, b) => a.time!.minutes - b.time!.minutes);
  const first = events[0]!;
  const last = events[events.length - 1]!;
  return {
    title: 'Put the timeline in time order',
    safe: true,
    edits: [{
      range: { start: { line: first.range.start.line, column: 1 }, end: { line: last.range.end.line, column: lines.lineText(last.range.end.line).length + 1 } },
      newText: sorted.map(blockOf).join(eol),
    }],
  };
}

export const timelineOutOfOrder: Rule = {
  id: 'timeline-out-of-order',
  summary: 'Timeline entries are in time order',
  defaultSeverity: 'warning',
  rationale: 'Readers take the order of the timeline as the order of events. An entry out of place hides what was known when. Times that cross midnight roll over to the next day and are not out of order.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:30 Alert fires\n- 14:25 Error rate rises\n', findings: ['4:3'] },
    { markdown: '## Timeline (UTC)\n\n- 14:25 Error rate rises\n- 14:30 Alert fires\n', findings: [] },
    { markdown: '## Timeline\n\n- 22:22 PST Queue peaks\n- 23:00 MST Queue empty\n', findings: ['4:3'] },
  ],
  check({ postmortem, lines, text, report }) {
    const events = postmortem.timeline.events;
    const timed = events.filter((e) => e.time);
    const fix = sortFix(events, lines, text);
    for (let i = 1; i < timed.length; i++) {
      const prev = timed[i - 1]!;
      const cur = timed[i]!;
      if (cur.time!.minutes >= prev.time!.minutes) continue;
      // `23:00 MST` after `22:22 PST` is earlier: say so with the zones, or the message reads as wrong.
      const zoned = cur.time!.zone?.offsetMinutes !== prev.time!.zone?.offsetMinutes;
      report(
        cur.time!.range,
        `This entry (${fmt(cur, zoned)}) is earlier than the one before it (${fmt(prev, zoned)}, line ${prev.line}): move it up, or correct the time${zoned ? ' or its zone' : ''}`,
        fix ? [fix] : [],
      );
    }
  },
};

function fmt(e: TimelineEvent, withZone = false): string {
  const t = e.time!;
  const zone = withZone ? ` ${t.zone?.name ?? 'no zone'}` : '';
  return `${t.date ? `${t.date} ` : ''}${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}${zone}`;
}
