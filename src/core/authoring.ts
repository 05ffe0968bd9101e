import type { ResolvedConfig } from './config';
import type { ActionItem, Field, Position, Postmortem, Range, Section, SectionKind } from './model';
import { allSections } from './sections';
import { LineIndex } from './text';
import { dateOfEpochDay, epochDay, formatMinutes } from './time';
import { milestoneLabel } from './vocabulary/milestones';
import { documentPeople } from './vocabulary/people';
import { isPlaceholderOwner } from './vocabulary/placeholders';
import { bareLevel } from './vocabulary/priorities';

const within = (r: Range, p: Position) =>
  (p.line > r.start.line || (p.line === r.start.line && p.column >= r.start.column)) &&
  (p.line < r.end.line || (p.line === r.end.line && p.column <= r.end.column));

export type ActionField = 'owner' | 'priority' | 'deadline';

/** The action-item field under the cursor, if any: where completions of owners, priorities and dates apply. */
export function actionFieldAt(pm: Postmortem, pos: Position): { item: ActionItem; field: ActionField; range: Range } | undefined {
  for (const item of pm.actionItems) {
    if (pos.line < item.range.start.line || pos.line > item.range.end.line) continue;
    for (const field of ['owner', 'priority', 'deadline'] as const) {
      const f: Field<unknown> = item[field];
      if (f.origin !== 'missing' && within(f.range, pos)) return { item, field, range: f.range };
    }
  }
  return undefined;
}

/** Owners to offer: people named in this document, then in the workspace, without placeholders. */
export function ownerCandidates(pm: Postmortem, workspacePeople: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const p of [...documentPeople(pm), ...workspacePeople]) {
    const key = p.toLowerCase();
    // Names and handles only: a cell full of markup or quotes is not a person to suggest.
    if (seen.has(key) || isPlaceholderOwner(p) || !/^[\p{L}][\p{L}\p{N} ._'-]{0,40}$/u.test(p)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

/** Deadlines to offer: in 7 and 14 days, at the end of this month, in 30 days. */
export function deadlineCandidates(today: string): Array<{ date: string; label: string }> {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const endOfMonth = dateOfEpochDay(epochDay(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`) - 1);
  const plus = (d: number) => dateOfEpochDay(epochDay(today) + d);
  return [
    { date: plus(7), label: 'in 7 days' },
    { date: plus(14), label: 'in 14 days' },
    { date: endOfMonth, label: 'end of this month' },
    { date: plus(30), label: 'in 30 days' },
  ];
}

/** Markdown hover text for the position: a timeline time, a priority, or a deadline. */
export function hoverAt(pm: Postmortem, pos: Position, today: string, config: ResolvedConfig): { range: Range; markdown: string } | undefined {
  const events = pm.timeline.events;
  for (let i = 0; i < events.length; i++) {
    const t = events[i]!.time;
    if (!t || !within(t.range, pos)) continue;
    const first = events.find((e) => e.time)!;
    // Measured from where the panel's impact window starts: the start of impact, else the trigger, else the first event.
    const m = pm.computedMetrics.milestones;
    const start = m.impact ?? m.trigger ?? { kind: 'first-event' as const, minutes: first.time!.minutes, line: first.line };
    const prev = events.slice(0, i).reverse().find((e) => e.time);
    const parts = [`**${t.iso}**${t.zone ? '' : ' (no time zone stated)'}`];
    const sinceStart = t.minutes - start.minutes;
    parts.push(`${formatMinutes(Math.abs(sinceStart))} ${sinceStart >= 0 ? 'after' : 'before'} the ${milestoneLabel(start.kind)} (line ${start.line})`);
    if (prev?.time) {
      const d = t.minutes - prev.time.minutes;
      parts.push(d >= 0 ? `${formatMinutes(d)} after the previous entry (line ${prev.line})` : `⚠ ${formatMinutes(-d)} *before* the previous entry (line ${prev.line})`);
    }
    return { range: t.range, markdown: parts.join('\n\n') };
  }
  const hit = actionFieldAt(pm, pos);
  if (!hit) return undefined;
  if (hit.field === 'priority') {
    const level = bareLevel(hit.item.priority.text);
    const known = config.priorities.find((p) => p.id.toLowerCase() === level.toLowerCase());
    const md = known
      ? `**${known.id}**${known.description ? ` — ${known.description}` : ''}`
      : `**${level}** is not one of ${config.priorities.map((p) => p.id).join(', ')}`;
    return { range: hit.range, markdown: md };
  }
  if (hit.field === 'deadline') {
    const due = hit.item.deadline.value;
    if (hit.item.done) return { range: hit.range, markdown: hit.item.state === 'dropped' ? 'Dropped' : 'Done' };
    if (!due) return { range: hit.range, markdown: `"${hit.item.deadline.text}" is not a date: write YYYY-MM-DD` };
    const days = epochDay(due) - epochDay(today);
    const md = days > 0 ? `Due in ${days} day${days === 1 ? '' : 's'} (${due})` : days === 0 ? `Due today (${due})` : `**Overdue** by ${-days} day${days === -1 ? '' : 's'} (due ${due})`;
    return { range: hit.range, markdown: md };
  }
  return undefined;
}

export type SymbolKind = 'section' | 'event' | 'action';

/** One entry of the outline. */
export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

/** The outline: sections, with timeline events and action items as children. */
export function outline(pm: Postmortem): OutlineSymbol[] {
  const clip = (s: string, n = 70) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const inside = (s: Section, r: Range) => r.start.line > s.headingRange.start.line && r.start.line <= s.range.end.line;
  const isDeepest = (s: Section, r: Range) => !s.children.some((c) => inside(c, r) || c.headingRange.start.line === r.start.line);
  const build = (s: Section): OutlineSymbol => {
    const children = s.children.map(build);
    const items: OutlineSymbol[] = [];
    if (sectionOwns(s, 'timeline', pm)) {
      for (const e of pm.timeline.events) {
        if (!inside(s, e.range) || !isDeepest(s, e.range)) continue;
        const time = e.time ? e.time.iso.replace(/^.*T/, '').slice(0, 5) : '--:--';
        items.push({ name: clip(`${time} ${e.text}`), detail: e.kind ?? e.actor ?? '', kind: 'event', range: e.range, selectionRange: e.time?.range ?? e.range, children: [] });
      }
    }
    if (sectionOwns(s, 'action-items', pm)) {
      for (const a of pm.actionItems) {
        if (!inside(s, a.range) || !isDeepest(s, a.range)) continue;
        const detail = [bareLevel(a.priority.text) || 'no priority', a.owner.value ?? 'no owner', a.done ? a.state : a.deadline.text || 'no deadline'].join(' · ');
        items.push({ name: clip(a.action.text || '(empty action)'), detail, kind: 'action', range: a.range, selectionRange: a.action.range, children: [] });
      }
    }
    return { name: s.title || '(untitled)', detail: s.kind ?? '', kind: 'section', range: s.range, selectionRange: s.headingRange, children: [...items, ...children].sort((x, y) => x.range.start.line - y.range.start.line) };
  };
  return pm.sections.map(build);
}

/** Whether a section is (or lies inside) the section of the given kind. */
function sectionOwns(s: Section, kind: SectionKind, pm: Postmortem): boolean {
  if (s.kind === kind) return true;
  if (s.kind) return false;
  const holder = allSections(pm.sections).find((x) => x.kind === kind && x.range.start.line < s.range.start.line && x.range.end.line >= s.range.end.line);
  return holder !== undefined;
}

/** The CodeLens text above the action-items section. */
export function actionLensText(pm: Postmortem, today: string): string {
  const items = pm.actionItems;
  const parts = [`${items.length} action item${items.length === 1 ? '' : 's'}`];
  const noOwner = items.filter((i) => !i.done && isPlaceholderOwner(i.owner.text)).length;
  const noDeadline = items.filter((i) => !i.done && i.deadline.text === '').length;
  const overdue = items.filter((i) => !i.done && i.deadline.value !== undefined && i.deadline.value < today).length;
  const done = items.filter((i) => i.state === 'done').length;
  const dropped = items.filter((i) => i.state === 'dropped').length;
  if (done) parts.push(`${done} done`);
  if (dropped) parts.push(`${dropped} dropped`);
  if (noOwner) parts.push(`${noOwner} without owner`);
  if (noDeadline) parts.push(`${noDeadline} without deadline`);
  if (overdue) parts.push(`${overdue} overdue`);
  return parts.join(' · ');
}

/**
 * A new timeline entry for `now`, written like the entries already there (bold time and dash,
 * `HH:MM UTC:`, a table row, with or without a date) in the timeline's zone (UTC when none), and
 * where to put it: after the last entry, or at the end of the timeline section.
 */
export function newTimelineEntry(pm: Postmortem, source: string, now: Date): { text: string; afterLine: number | undefined } {
  const zone = pm.timeline.zone ?? pm.timeline.events.find((e) => e.time?.zone)?.time?.zone;
  const offset = zone?.offsetMinutes ?? 0;
  const local = new Date(now.getTime() + offset * 60000);
  const hh = String(local.getUTCHours()).padStart(2, '0');
  const mm = String(local.getUTCMinutes()).padStart(2, '0');
  const date = local.toISOString().slice(0, 10);
  const last = [...pm.timeline.events].reverse().find((e) => e.time) ?? pm.timeline.events[pm.timeline.events.length - 1];
  const afterLine = last?.range.end.line ?? pm.timeline.section?.range.end.line;
  const zoneName = zone ? zone.name : 'UTC';
  if (last?.source === 'table') return { text: `| ${hh}:${mm} |  |  |`, afterLine };
  const written = last?.time?.date && last.time.range.end.column - last.time.range.start.column >= 10;
  const stamp = `${written ? `${date} ` : ''}${hh}:${mm}`;
  const raw = last ? new LineIndex(source).lineText(last.range.start.line) : '';
  const zoneOnEvent = last?.time?.zone?.source === 'event';
  // Follow the last entry's shape: `HH:MM ZONE: …` when it was written so, else the bold time and em dash.
  if (last && !/\*\*/.test(raw) && zoneOnEvent) return { text: `- ${stamp} ${zoneName}: `, afterLine };
  if (!zone || zoneOnEvent) return { text: `- **${stamp}** ${zoneName} — `, afterLine };
  return { text: `- **${stamp}** — `, afterLine };
}
