import type { ActionItem, ComputedMetrics, MetricName, MilestoneKind, MilestoneRef, Postmortem, TimelineEvent } from './model';
import { agrees, fitsTimeline, lastEventRef, metricCandidates } from './metrics';
import { epochDay, formatMinutes } from './time';
import { METRIC_NAMES, describeReading, metricLabel } from './vocabulary/metrics';
import { isPlaceholderOwner } from './vocabulary/placeholders';

/** One event as the panel draws it. All text is plain text, to be rendered as text. */
export interface ViewEvent {
  line: number;
  /** `14:23`, or undefined for an entry without a time. */
  time: string | undefined;
  /** ISO date when known. */
  date: string | undefined;
  text: string;
  /** The text with its inline Markdown as written: the panel shows code, emphasis and links (as DOM, never as HTML). */
  markdown: string;
  actor: string | undefined;
  /** What the event's wording says it is (colours its dot). */
  kind: MilestoneKind | undefined;
  /**
   * The milestone this event is, when it is one: the earliest event of its kind. Only it carries the
   * badge, so a second alert does not show a second DETECTED.
   */
  milestone: MilestoneKind | undefined;
  /** Position on the axis in layout units (minutes, with long gaps compressed); undefined without a time. */
  y: number | undefined;
  /** Earlier than the event before it. */
  outOfOrder: boolean;
  /** Inside the impact window: from the start of impact (else the trigger, else the first event) to the end of impact or resolution. */
  inImpact: boolean;
}

/** A long silence on the axis, drawn compressed with its real length. */
export interface ViewGap {
  /** Index of the event after the gap. */
  before: number;
  minutes: number;
  label: string;
}

export interface ViewMetric {
  metric: MetricName;
  label: string;
  minutes: number | undefined;
  display: string;
  /** What the figure is measured from and to, in words: `start of impact 14:02 → detection 14:14`. */
  basis: string;
  /** The points it is measured between, to jump to. */
  from: MilestoneRef | undefined;
  to: MilestoneRef | undefined;
  /**
   * The figure the document states, and the reading of the timeline it follows when that is not
   * the one shown (a team measuring time to mitigate from the deploy, say).
   */
  stated: { text: string; minutes: number | undefined; line: number; follows: string | undefined } | undefined;
  /** The stated figure fits none of the readings of the timeline. */
  disagrees: boolean;
}

export interface ActionSummary {
  total: number;
  done: number;
  /** Decided against: struck through, `Won't do`. */
  dropped: number;
  byPriority: Array<{ priority: string; count: number }>;
  missingOwner: number;
  missingDeadline: number;
  overdue: number;
}

export interface TimelineViewModel {
  title: string | undefined;
  zone: string | undefined;
  /** `empty`: no timeline entries; `untimed`: entries but none with a time. */
  state: 'ok' | 'empty' | 'untimed';
  /** Line of the timeline heading, to jump to. */
  sectionLine: number | undefined;
  events: ViewEvent[];
  gaps: ViewGap[];
  /** Indexes of events that start a new day, with the day. */
  dayChanges: Array<{ before: number; date: string }>;
  /** Axis length in layout units. */
  span: number;
  impact: { from: number; to: number } | undefined;
  metrics: ViewMetric[];
  actions: ActionSummary;
  problems: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The data the timeline panel draws: events placed on an axis of elapsed time with long gaps
 * compressed, day changes, the impact window, metric cards with their basis and any stated figure
 * that disagrees, and a summary of action items. Pure data: no HTML.
 */
export function timelineViewModel(pm: Postmortem, today: string): TimelineViewModel {
  const events = pm.timeline.events;
  const timed = events.filter((e) => e.time);
  const state: TimelineViewModel['state'] = events.length === 0 ? 'empty' : timed.length === 0 ? 'untimed' : 'ok';

  // Compress silences longer than a few typical steps, so the busy parts stay readable.
  const deltas: number[] = [];
  for (let i = 1; i < timed.length; i++) deltas.push(Math.max(0, timed[i]!.time!.minutes - timed[i - 1]!.time!.minutes));
  const sorted = [...deltas].filter((d) => d > 0).sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 1;
  const cap = Math.max(15, median * 4);
  const view: ViewEvent[] = [];
  const gaps: ViewGap[] = [];
  const dayChanges: TimelineViewModel['dayChanges'] = [];
  let y = 0;
  let prev: (typeof events)[number] | undefined;
  let prevDay: number | undefined;
  const impactSpan = impactWindow(pm.computedMetrics, timed[0]);
  const badges = milestoneEvents(pm.computedMetrics, events);
  for (const e of events) {
    const t = e.time;
    const point = pointOf(e);
    let outOfOrder = false;
    if (t) {
      if (prev?.time) {
        const delta = t.minutes - prev.time.minutes;
        outOfOrder = delta < 0;
        if (delta > cap) {
          gaps.push({ before: view.length, minutes: delta, label: `⋯ ${formatMinutes(delta)} ⋯` });
          y += cap;
        } else y += Math.max(0, delta);
      }
      const day = t.date ? epochDay(t.date) : t.dayOffset;
      if (prevDay !== undefined && day !== prevDay) dayChanges.push({ before: view.length, date: t.date ?? `day ${t.dayOffset + 1}` });
      prevDay = day;
      prev = e;
    }
    view.push({
      line: e.line,
      time: t ? `${pad(t.hour)}:${pad(t.minute)}` : undefined,
      date: t?.date,
      text: e.text,
      markdown: e.markdown ?? e.text,
      actor: e.actor,
      kind: e.kind,
      milestone: badges.get(e),
      y: t ? y : undefined,
      outOfOrder,
      inImpact: !!(point && impactSpan && atOrAfter(point, impactSpan.from) && atOrAfter(impactSpan.to, point)),
    });
  }
  const inside = view.map((v, i) => (v.inImpact ? i : -1)).filter((i) => i >= 0);
  const impact = inside.length ? { from: inside[0]!, to: inside[inside.length - 1]! } : undefined;

  // Metric cards: each metric by its definition, named by what it is measured between.
  const last = lastEventRef(events);
  const metrics: ViewMetric[] = METRIC_NAMES.map((metric) => {
    const computed = pm.computedMetrics.metrics[metric];
    const stated = pm.statedMetrics.find((s) => s.metric === metric);
    const candidates = metricCandidates(pm.computedMetrics, last, metric);
    const disagrees = stated?.minutes !== undefined && !fitsTimeline(candidates, stated.minutes);
    const basis = computed ? describeReading(computed) : undefined;
    const fits = (m: { minutes: number }) => stated?.minutes !== undefined && agrees(m, stated.minutes);
    const other = computed && !fits(computed) ? candidates.find(fits) : undefined;
    const follows = other ? describeReading(other) : undefined;
    return {
      metric,
      label: metricLabel(metric),
      minutes: computed?.minutes,
      display: computed ? formatMinutes(computed.minutes) : '—',
      basis: basis ?? 'no milestone in the timeline',
      from: computed?.from,
      to: computed?.to,
      stated: stated ? { text: stated.text, minutes: stated.minutes, line: stated.range.start.line, follows } : undefined,
      disagrees,
    };
  });

  return {
    title: pm.title,
    zone: pm.timeline.zone?.name ?? timed.find((e) => e.time?.zone)?.time?.zone?.name,
    state,
    sectionLine: pm.timeline.section?.headingRange.start.line,
    events: view,
    gaps,
    dayChanges,
    span: y,
    impact,
    metrics,
    actions: summarizeActions(pm.actionItems, today),
    problems: pm.problems.map((p) => `Line ${p.range.start.line}: ${p.message}`),
  };
}

/** A point on the timeline: its time, and its line to order points at the same time. */
type Point = Pick<MilestoneRef, 'minutes' | 'line'>;

const pointOf = (e: TimelineEvent): Point | undefined => (e.time ? { minutes: e.time.minutes, line: e.line } : undefined);

/** Whether `a` is at or after `b`: later, or at the same time and not above it in the document. */
function atOrAfter(a: Point, b: Point): boolean {
  return a.minutes > b.minutes || (a.minutes === b.minutes && a.line >= b.line);
}

/**
 * The impact window: from the start of impact to the end of impact (the last mitigation before
 * resolution) or the resolution. Only a timeline without a start of impact starts it at the
 * trigger, and one without either at the first event: the trigger is the cause, not the impact.
 */
function impactWindow(computed: ComputedMetrics, first: TimelineEvent | undefined): { from: Point; to: Point } | undefined {
  const m = computed.milestones;
  const from = m.impact ?? m.trigger ?? (first && pointOf(first));
  const to = m['impact-end'] ?? m.resolved;
  return from && to ? { from, to } : undefined;
}

/** The events that are milestones, each with its kind: the event each milestone was taken from. */
function milestoneEvents(computed: ComputedMetrics, events: readonly TimelineEvent[]): Map<TimelineEvent, MilestoneKind> {
  const out = new Map<TimelineEvent, MilestoneKind>();
  for (const [kind, ref] of Object.entries(computed.milestones) as Array<[string, MilestoneRef]>) {
    const e = events.find((x) => x.kind === kind && x.line === ref.line && x.time?.minutes === ref.minutes);
    if (e) out.set(e, e.kind!);
  }
  return out;
}

function summarizeActions(items: readonly ActionItem[], today: string): ActionSummary {
  const counts = new Map<string, number>();
  for (const item of items) {
    const p = item.priority.text.replace(/[*_`[\]()]/g, '').trim().toUpperCase() || 'none';
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  return {
    total: items.length,
    done: items.filter((i) => i.state === 'done').length,
    dropped: items.filter((i) => i.state === 'dropped').length,
    byPriority: [...counts.entries()].sort((a, b) => a[0].localeCompare(b[0])).map(([priority, count]) => ({ priority, count })),
    // As the rules count them: a done or dropped item needs no owner or deadline.
    missingOwner: items.filter((i) => !i.done && isPlaceholderOwner(i.owner.text)).length,
    missingDeadline: items.filter((i) => !i.done && i.deadline.text === '').length,
    overdue: items.filter((i) => !i.done && i.deadline.value !== undefined && i.deadline.value < today).length,
  };
}

/**
 * Vertical positions in pixels for the events of a view model: proportional to elapsed time, but
 * never closer than `minGap` so labels do not overlap; untimed events follow the one before.
 */
export function layoutEvents(vm: TimelineViewModel, pxPerUnit: number, minGap: number): number[] {
  const out: number[] = [];
  let last = -minGap;
  let lastY = 0;
  for (const e of vm.events) {
    const wanted = e.y !== undefined ? last + Math.max(minGap, (e.y - lastY) * pxPerUnit) : last + minGap;
    const pos = out.length === 0 ? 0 : wanted;
    out.push(pos);
    last = pos;
    if (e.y !== undefined) lastY = e.y;
  }
  return out;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

const KIND_COLORS: Record<string, string> = {
  trigger: '#8250df', impact: '#cf222e', detected: '#bf8700', acknowledged: '#0969da', mitigated: '#1a7f37', resolved: '#1a7f37',
};

/** A self-contained SVG picture of the timeline for slides and documents (light colours, no scripts). */
export function timelineSvg(vm: TimelineViewModel): string {
  const width = 960;
  const lines = vm.metrics.filter((m) => m.minutes !== undefined).length + (vm.zone ? 1 : 0);
  const top = Math.max(104, 56 + lines * 17 + 30);
  const rowGap = 30;
  const ys = layoutEvents(vm, 4, rowGap).map((y) => y + top);
  const height = Math.max(top + 40, (ys[ys.length - 1] ?? top) + 40);
  const axisX = 140;
  const parts: string[] = [];
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="-apple-system, Segoe UI, Helvetica, Arial, sans-serif" font-size="13">`);
  parts.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  parts.push(`<text x="24" y="34" font-size="18" font-weight="600" fill="#1f2328">${escapeXml(clip(vm.title ?? 'Incident timeline', 90))}</text>`);
  // One line per metric, each saying what it is measured between.
  const subtitle = [...vm.metrics.filter((m) => m.minutes !== undefined).map((m) => `${m.label}: ${m.display} — ${m.basis}`), vm.zone ? `Times in ${vm.zone}` : ''].filter(Boolean);
  subtitle.forEach((line, i) => parts.push(`<text x="24" y="${56 + i * 17}" fill="#59636e">${escapeXml(clip(line, 140))}</text>`));
  if (vm.impact) {
    const y1 = ys[vm.impact.from]! - 10;
    const y2 = ys[vm.impact.to]! + 10;
    parts.push(`<rect x="${axisX - 60}" y="${y1}" width="${width - axisX + 40}" height="${y2 - y1}" fill="#cf222e" fill-opacity="0.07"/>`);
  }
  if (ys.length) parts.push(`<line x1="${axisX}" y1="${ys[0]! - 6}" x2="${axisX}" y2="${ys[ys.length - 1]! + 6}" stroke="#d1d9e0" stroke-width="2"/>`);
  for (const g of vm.gaps) {
    const y = (ys[g.before]! + ys[g.before - 1]!) / 2;
    parts.push(`<text x="${axisX + 16}" y="${y + 4}" fill="#59636e" font-style="italic">${escapeXml(g.label)}</text>`);
  }
  for (const d of vm.dayChanges) {
    const y = ys[d.before]! - rowGap / 2;
    parts.push(`<line x1="24" y1="${y}" x2="${width - 24}" y2="${y}" stroke="#d1d9e0" stroke-dasharray="4 3"/><text x="24" y="${y - 4}" fill="#59636e" font-size="11">${escapeXml(d.date)}</text>`);
  }
  vm.events.forEach((e, i) => {
    const y = ys[i]!;
    const color = e.kind ? KIND_COLORS[e.kind]! : '#59636e';
    parts.push(`<text x="${axisX - 16}" y="${y + 4}" text-anchor="end" fill="#1f2328" font-variant-numeric="tabular-nums">${escapeXml(e.time ?? '--:--')}</text>`);
    parts.push(`<circle cx="${axisX}" cy="${y}" r="${e.kind ? 6 : 4}" fill="${color}"/>`);
    const actor = e.actor && !e.text.startsWith(e.actor) ? `${e.actor}: ` : '';
    const label = `${e.milestone ? `${e.milestone.toUpperCase()} · ` : ''}${actor}${e.text}`;
    parts.push(`<text x="${axisX + 16}" y="${y + 4}" fill="${e.milestone ? color : '#1f2328'}"${e.milestone ? ' font-weight="600"' : ''}>${escapeXml(clip(label, 110))}</text>`);
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
