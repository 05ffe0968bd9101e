/**
 * Metric vocabulary: the durations a postmortem states and the tool computes, their display
 * labels, the labels authors write for them (`TTR`, `Time to detect`), and which milestones each
 * is measured between.
 */
import type { ComputedMetrics, MetricName, MilestoneRef, StartPoint } from '../model';
import { plainInline } from '../text';
import { milestoneLabel } from './milestones';

/** Display label of each metric, in the order the panel and the CLI list them. */
export const METRIC_LABELS: Readonly<Record<MetricName, string>> = {
  timeToDetect: 'Time to detect',
  timeToAcknowledge: 'Time to acknowledge',
  timeToMitigate: 'Time to mitigate',
  timeToResolve: 'Time to resolve',
  totalDuration: 'Total duration',
};

/** Every metric, in display order. */
export const METRIC_NAMES: readonly MetricName[] = Object.keys(METRIC_LABELS) as MetricName[];

/** A metric's label: `Time to detect` at the start of a text, `time to detect` inside a sentence. */
export function metricLabel(metric: MetricName, inSentence = false): string {
  const label = METRIC_LABELS[metric];
  return inSentence ? label.toLowerCase() : label;
}

/** The display label of a start point (`start of impact`). */
export function startLabel(start: StartPoint): string {
  return milestoneLabel(start);
}

/** The display label of the end of a measurement (`detection`, `end of impact`, `last event`). */
export function endLabel(end: MilestoneRef['kind']): string {
  return milestoneLabel(end);
}

/** Where each metric may end, most fitting first; `last-event` is the last timed event. */
export const METRIC_ENDS: Readonly<Record<MetricName, ReadonlyArray<keyof ComputedMetrics['milestones'] | 'last-event'>>> = {
  timeToDetect: ['detected'],
  timeToAcknowledge: ['acknowledged'],
  timeToMitigate: ['mitigated', 'impact-end'],
  timeToResolve: ['resolved', 'impact-end', 'last-event'],
  totalDuration: ['impact-end', 'resolved', 'last-event'],
};

/** Labels authors write for each metric, matched against the whole label without Markdown. */
const STATED_LABELS: Array<[RegExp, MetricName]> = [
  [/^(?:total |incident |outage |impact |overall )?(?:duration|length)(?: of (?:the )?(?:incident|outage|impact))?$|^total (?:time|impact)$|^time to (?:full )?resolution$|^time to resolve$/i, 'totalDuration'],
  [/^(?:mean )?time to (?:detect|detection)$|^m?ttd$|^detection time$/i, 'timeToDetect'],
  [/^(?:mean )?time to (?:acknowledge|acknowledgement|acknowledgment|ack)$|^m?tta$|^acknowledg(?:e)?ment time$/i, 'timeToAcknowledge'],
  [/^(?:mean )?time to (?:mitigate|mitigation)$|^m?ttm$|^mitigation time$/i, 'timeToMitigate'],
  [/^(?:mean )?time to (?:recover|recovery|restore|repair)$|^m?ttr$|^recovery time$|^resolution time$/i, 'timeToResolve'],
];

/** Which metric a written label names (`TTR`, `**Time to detect**`), if any. */
export function metricOfLabel(label: string): MetricName | undefined {
  const l = plainInline(label).replace(/[*_`]/g, '').trim();
  return STATED_LABELS.find(([re]) => re.test(l))?.[1];
}
