/**
 * Metric vocabulary: the durations a postmortem states and the tool computes, their display
 * labels, the labels authors write for them (`TTR`, `Time to detect`), and which milestones each
 * is measured between.
 */
import type { ComputedMetric, ComputedMetrics, MetricName, MilestoneRef, StartPoint } from '../model';
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

/**
 * Where each metric may start, most fitting first. The first entries follow the industry
 * definitions: time to detect runs from the start of impact (or the trigger, or the first event) to
 * the detection; time to acknowledge from the detection (the alert or page) to the acknowledgement;
 * time to mitigate and time to resolve from the start of impact, or the detection; the duration
 * from the start of impact. The later entries are readings teams also use (the first event, the
 * declaration), so a stated figure measured from them is not a mismatch; the panel and the CLI
 * show the first one the timeline has and name it.
 */
export const METRIC_STARTS: Readonly<Record<MetricName, readonly StartPoint[]>> = {
  timeToDetect: ['impact', 'trigger', 'first-event', 'declared'],
  timeToAcknowledge: ['detected', 'declared', 'impact', 'trigger', 'first-event'],
  timeToMitigate: ['impact', 'detected', 'declared', 'trigger', 'first-event'],
  timeToResolve: ['impact', 'detected', 'declared', 'trigger', 'first-event'],
  totalDuration: ['impact', 'trigger', 'first-event', 'declared'],
};

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

/** `14:02`, or `2025-06-15 02:30` when the reading spans days, as written in the timeline. */
function pointTime(ref: MilestoneRef, withDate: boolean): string {
  const [date, time = ''] = ref.iso.split('T');
  const clock = (time || date!).slice(0, 5);
  return withDate && time ? `${date} ${clock}` : clock;
}

/** What a metric is measured between, in words: `start of impact 14:02 → detection 14:14`. */
export function describeReading(m: Pick<ComputedMetric, 'from' | 'to'>): string {
  const day = (ref: MilestoneRef) => (ref.iso.includes('T') ? ref.iso.slice(0, 10) : '');
  const withDate = day(m.from) !== day(m.to);
  return `${milestoneLabel(m.from.kind)} ${pointTime(m.from, withDate)} → ${milestoneLabel(m.to.kind)} ${pointTime(m.to, withDate)}`;
}
