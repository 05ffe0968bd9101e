import { csv } from './csv';
import type { ExportItem } from './items';
import type { ExportOptions, ExportResult } from './types';
import { description, slug } from './types';

export const DEFAULT_JIRA_PRIORITIES: Record<string, string> = { P0: 'Highest', P1: 'High', P2: 'Medium', P3: 'Low' };

/** `jira-csv`: the columns Jira's CSV importer maps; each "Labels" column becomes one label. */
export function jiraCsv(items: readonly ExportItem[], o: ExportOptions): ExportResult {
  const map = { ...DEFAULT_JIRA_PRIORITIES, ...o.jiraPriorities };
  const text = csv(
    ['Summary', 'Description', 'Priority', 'Assignee', 'Due date', 'Labels', 'Labels'],
    items.map((i) => [i.action, description(i, false), map[i.priority] ?? '', i.owner, i.deadline, 'postmortem', slug(i.incident)]),
  );
  return { text, count: items.length, skipped: [] };
}
