import type { ExportItem } from './items';
import type { ExportOptions, ExportResult } from './types';
import { description } from './types';

/** RFC 5545 text: backslash, semicolon, comma and line breaks escaped; control characters dropped. */
function icsText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** UTF-8 length of one code point. */
function utf8Length(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** Folds a content line at 75 octets, as RFC 5545 asks, without splitting a character. */
function fold(line: string): string {
  if (line.length <= 18) return line; // at most 4 bytes a character: fits
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (bytes + size > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const PRIORITY: Record<string, number> = { P0: 1, P1: 3, P2: 5, P3: 7 };

/** `ics`: an iCalendar file with one VTODO per item that has a deadline date. */
export function icsExport(items: readonly ExportItem[], o: ExportOptions): ExportResult {
  const stamp = (o.now ?? new Date()).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Postmortem Markdown//Action items//EN', 'CALSCALE:GREGORIAN'];
  const skipped: ExportResult['skipped'] = [];
  let count = 0;
  for (const i of items) {
    if (!i.deadline) {
      skipped.push({ item: i, reason: 'no deadline date' });
      continue;
    }
    count++;
    lines.push(
      'BEGIN:VTODO',
      `UID:${i.id}@postmortem-markdown`,
      `DTSTAMP:${stamp}`,
      `DUE;VALUE=DATE:${i.deadline.replace(/-/g, '')}`,
      `SUMMARY:${icsText(`${i.priority ? `[${i.priority}] ` : ''}${i.action}`)}`,
      `DESCRIPTION:${icsText(description(i, true))}`,
      `STATUS:${i.status === 'done' ? 'COMPLETED' : i.status === 'dropped' ? 'CANCELLED' : 'NEEDS-ACTION'}`,
      ...(PRIORITY[i.priority] ? [`PRIORITY:${PRIORITY[i.priority]}`] : []),
      ...(i.owner ? [`X-POSTMORTEM-OWNER:${icsText(i.owner)}`] : []),
      'END:VTODO',
    );
  }
  lines.push('END:VCALENDAR');
  return { text: `${lines.map(fold).join('\r\n')}\r\n`, count, skipped };
}
