import { CSV_OPTIONS, genericCsv } from './csv';
import { ghExport } from './gh';
import { icsExport } from './ics';
import { jiraCsv } from './jira-csv';
import { jsonExport } from './json';
import { linearCsv } from './linear-csv';
import { markdownExport } from './markdown';
import type { ExportItem } from './items';
import type { ExportFormat, ExportOptions, ExportOptionSpec, ExportResult } from './types';

export { exportItems, incidentOf, stableId } from './items';
export type { ExportItem } from './items';
export { csv, csvCell } from './csv';
export { shellQuote } from './gh';
export { DEFAULT_JIRA_PRIORITIES } from './jira-csv';
export { DEFAULT_LINEAR_PRIORITIES } from './linear-csv';
export { slug } from './types';
export type { ExportFormat, ExportOptions, ExportOptionSpec, ExportResult } from './types';

/** One export format: its name in menus, its file extension, what it is for, its options, how it renders. */
export interface ExportFormatSpec {
  label: string;
  extension: string;
  describe: string;
  /** Options of this format only, by name. */
  options?: Record<string, ExportOptionSpec>;
  render: (items: readonly ExportItem[], o: ExportOptions) => ExportResult;
}

/** Every export format, in the order menus list them. Adding a format: its file and one entry here. */
export const EXPORT_FORMATS: Record<ExportFormat, ExportFormatSpec> = {
  csv: { label: 'CSV', extension: 'csv', describe: 'Every field, for spreadsheets and scripts', options: CSV_OPTIONS, render: genericCsv },
  'jira-csv': { label: 'Jira CSV', extension: 'csv', describe: "Columns Jira's CSV importer maps", render: jiraCsv },
  'linear-csv': { label: 'Linear CSV', extension: 'csv', describe: "Columns Linear's CSV importer maps", render: linearCsv },
  json: { label: 'JSON', extension: 'json', describe: 'An array of items (schema in docs/schema)', render: jsonExport },
  markdown: { label: 'Markdown task list', extension: 'md', describe: 'A GitHub task list grouped by priority', render: markdownExport },
  ics: { label: 'iCalendar', extension: 'ics', describe: 'One to-do per deadline, for calendars', render: icsExport },
  gh: { label: 'GitHub CLI script', extension: 'sh', describe: '`gh issue create` lines for open items', render: ghExport },
};

export function isExportFormat(s: string): s is ExportFormat {
  return Object.prototype.hasOwnProperty.call(EXPORT_FORMATS, s);
}

export function renderExport(format: ExportFormat, items: readonly ExportItem[], options: ExportOptions = {}): ExportResult {
  return EXPORT_FORMATS[format].render(items, options);
}
