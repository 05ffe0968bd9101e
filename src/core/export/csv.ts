import type { ExportOptionSpec, ExportOptions, ExportResult } from './types';
import type { ExportItem } from './items';

/**
 * One CSV cell, RFC 4180: quoted when it holds a comma, quote, line break or leading/trailing
 * space. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets
 * a leading apostrophe, which spreadsheets show as text.
 */
export function csvCell(value: string | number | undefined, delimiter = ','): string {
  let s = value === undefined ? '' : String(value);
  // eslint-disable-next-line no-control-regex
  s = s.replace(/\u0000/g, '');
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n|]|^\s|\s$/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line endings, as RFC 4180 asks. */
export function csv(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | undefined>>, delimiter = ','): string {
  return [header, ...rows].map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}

/** Options of the `csv` format: `--delimiter semicolon` for spreadsheets set to a locale that reads `;`. */
export const CSV_OPTIONS: Record<string, ExportOptionSpec> = {
  delimiter: { type: 'string', choices: ['comma', 'semicolon', 'tab'], describe: 'Field separator (default: comma)' },
};

const DELIMITERS: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t' };


/** `csv`: every field, for spreadsheets and scripts. */
export function genericCsv(items: readonly ExportItem[], o: ExportOptions = {}): ExportResult {
  const delimiter = DELIMITERS[String(o.formatOptions?.delimiter ?? 'comma')] ?? ',';
  const text = csv(
    ['id', 'priority', 'action', 'owner', 'deadline', 'status', 'ticket', 'type', 'source_file', 'source_line', 'incident', 'incident_date'],
    items.map((i) => [i.id, i.priority, i.action, i.owner, i.deadline, i.status, i.ticket, i.type, i.file, i.line, i.incident, i.incidentDate]),
    delimiter,
  );
  return { text, count: items.length, skipped: [] };
}
