/**
 * Timeline projections that need no editor (unit-tested in test/unit/extension-timeline.test.ts).
 * Nothing here imports 'vscode'.
 */
import type { Postmortem } from '../core';
import { metricsJson } from '../core';

/** What "Show Timeline Model" returns: the same shape as `postmortem timeline --format json`, minus the file. */
export function timelineSummary(model: Postmortem) {
  return {
    title: model.title ?? null,
    timezone: model.timeline.zone?.name ?? null,
    events: model.timeline.events.map((e) => ({ line: e.line, time: e.time?.iso ?? null, text: e.text, actor: e.actor ?? null, kind: e.kind ?? null })),
    statedMetrics: model.statedMetrics.map((m) => ({ line: m.range.start.line, metric: m.metric, minutes: m.minutes ?? null })),
    metrics: metricsJson(model.computedMetrics),
    computedMetrics: model.computedMetrics.readings.map((r) => ({
      start: r.start,
      metrics: Object.fromEntries(Object.entries(r.metrics).map(([k, v]) => [k, v.minutes])),
    })),
    actionItems: model.actionItems.length,
  };
}

export type TimelineSummary = ReturnType<typeof timelineSummary>;

/** The path the "Save Timeline as SVG" dialog proposes for a postmortem's path: `x.md` → `x-timeline.svg`. */
export function timelineSvgPath(documentPath: string): string {
  return `${documentPath.replace(/\.(md|markdown)$/i, '')}-timeline.svg`;
}
