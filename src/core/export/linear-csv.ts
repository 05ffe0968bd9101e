import { csv } from './csv';
import type { ExportItem } from './items';
import type { ExportOptions, ExportResult } from './types';
import { description, slug } from './types';

export const DEFAULT_LINEAR_PRIORITIES: Record<string, string> = { P0: 'Urgent', P1: 'High', P2: 'Medium', P3: 'Low' };

/** `linear-csv`: Linear's CSV has no due-date column, so the deadline goes into the description. */
export function linearCsv(items: readonly ExportItem[], o: ExportOptions): ExportResult {
  const map = { ...DEFAULT_LINEAR_PRIORITIES, ...o.linearPriorities };
  const text = csv(
    ['Title', 'Description', 'Priority', 'Assignee', 'Labels'],
    items.map((i) => [i.action, description(i, true), map[i.priority] ?? '', i.owner, `postmortem, ${slug(i.incident)}`]),
  );
  return { text, count: items.length, skipped: [] };
}
