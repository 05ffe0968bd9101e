import type { MetricName, Postmortem } from '../core';
import { METRIC_NAMES, describeReading, formatMinutes, metricLabel, metricsJson } from '../core';

/** The `timeline --format json` document for one file. */
export function timelineJson(file: string, pm: Postmortem) {
  return {
    file,
    title: pm.title ?? null,
    date: pm.date ?? null,
    timezone: pm.timeline.zone ? { name: pm.timeline.zone.name, offsetMinutes: pm.timeline.zone.offsetMinutes, source: pm.timeline.zone.source } : null,
    events: pm.timeline.events.map((e) => ({
      line: e.line,
      time: e.time?.iso ?? null,
      ...(e.time && e.time.dayOffset > 0 && !e.time.date ? { dayOffset: e.time.dayOffset } : {}),
      text: e.text,
      actor: e.actor ?? null,
      kind: e.kind ?? null,
    })),
    statedMetrics: pm.statedMetrics.map((m) => ({ line: m.range.start.line, metric: m.metric, label: m.label, text: m.text, minutes: m.minutes ?? null })),
    // Each metric by its definition, with the points it is measured between; `computedMetrics`
    // keeps every reading a stated figure may follow.
    metrics: metricsJson(pm.computedMetrics),
    computedMetrics: pm.computedMetrics.readings.map((r) => ({
      start: r.start,
      startLine: r.from.line,
      startTime: r.from.iso,
      metrics: Object.fromEntries(
        Object.entries(r.metrics).map(([name, m]) => [name, { minutes: m.minutes, to: m.to.kind, toLine: m.to.line }]),
      ),
    })),
    problems: pm.problems.map((p) => ({ line: p.range.start.line, column: p.range.start.column, code: p.code, message: p.message })),
  };
}

export function timelineText(file: string, pm: Postmortem): string {
  const lines: string[] = [];
  lines.push(`${file}${pm.title ? ` — ${pm.title}` : ''}`);
  for (const p of pm.problems) lines.push(`  ${p.range.start.line}:${p.range.start.column}  problem  ${p.message}`);
  const zone = pm.timeline.zone;
  lines.push(`  time zone: ${zone ? `${zone.name} (from ${zone.source})` : 'not stated'}`);
  if (pm.timeline.events.length === 0) lines.push('  no timeline events found');
  for (const e of pm.timeline.events) {
    const t = e.time ? (e.time.date ? `${e.time.date} ` : '') + e.time.iso.replace(/^.*T/, '').slice(0, 8) : '--:--:--';
    const tags = [e.actor ? `@${e.actor}` : '', e.kind ? `[${e.kind}]` : ''].filter(Boolean).join(' ');
    lines.push(`  ${String(e.line).padStart(4)}  ${t.padEnd(19)}  ${e.text}${tags ? `  ${tags}` : ''}`);
  }
  if (pm.statedMetrics.length > 0) {
    lines.push('  stated:');
    for (const m of pm.statedMetrics) lines.push(`    ${metricLabel(m.metric, true)}: ${m.minutes !== undefined ? formatMinutes(m.minutes) : `? (${m.text})`}  (line ${m.range.start.line})`);
  }
  const defined = METRIC_NAMES.filter((n) => pm.computedMetrics.metrics[n]);
  if (defined.length > 0) {
    lines.push('  metrics:');
    const width = Math.max(...defined.map((n) => metricLabel(n, true).length));
    for (const n of defined) {
      const m = pm.computedMetrics.metrics[n]!;
      lines.push(`    ${metricLabel(n, true).padEnd(width)}  ${formatMinutes(m.minutes).padEnd(10)}  ${describeReading(m)}  (lines ${m.from.line}–${m.to.line})`);
    }
  }
  for (const r of pm.computedMetrics.readings) {
    const parts = (Object.entries(r.metrics) as Array<[MetricName, { minutes: number }]>).map(([n, m]) => `${metricLabel(n, true)} ${formatMinutes(m.minutes)}`);
    lines.push(`  computed from ${r.start} (line ${r.from.line}): ${parts.join(', ') || 'no milestones'}`);
  }
  return lines.join('\n');
}
