import type { ExportItem } from './items';

export type ExportFormat = 'csv' | 'jira-csv' | 'linear-csv' | 'json' | 'markdown' | 'ics' | 'gh';

export interface ExportOptions {
  /** P-level to Jira priority name. */
  jiraPriorities?: Record<string, string>;
  /** P-level to Linear priority name. */
  linearPriorities?: Record<string, string>;
  /** Timestamp for DTSTAMP in iCalendar (tests pin it). */
  now?: Date;
  /** Values of the options the chosen format declares (`--name value` on the command line). */
  formatOptions?: Record<string, string | boolean>;
}

/**
 * An option a format declares: the CLI offers it as `--name`, its help lists it, and the format's
 * render function reads it from `formatOptions`.
 */
export interface ExportOptionSpec {
  type: 'string' | 'boolean';
  /** The value's name in the usage (`CHAR`), for string options. */
  value?: string;
  /** The values a string option accepts; anything else is refused before rendering. */
  choices?: readonly string[];
  describe: string;
}

export interface ExportResult {
  text: string;
  /** Items written. */
  count: number;
  /** Items left out, with why. */
  skipped: Array<{ item: ExportItem; reason: string }>;
}

/** A label without spaces or commas, for trackers that split labels on them. */
export function slug(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'incident';
}

/** The body of a ticket: the action, where it comes from, and the stable id. */
export function description(item: ExportItem, withDeadline: boolean): string {
  return [
    item.action,
    '',
    `From the postmortem "${item.incident}"${item.incidentDate ? ` (${item.incidentDate})` : ''}: ${item.file}, line ${item.line}.`,
    withDeadline && item.deadline ? `Deadline: ${item.deadline}.` : '',
    item.ticket ? `Ticket: ${item.ticket}.` : '',
    `Postmortem item id: ${item.id}.`,
  ].filter((l, i) => l !== '' || i === 1).join('\n');
}
