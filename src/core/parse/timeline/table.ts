/** Reads timeline entries written as table rows: time, date, actor and event columns by header. */
import type { Table } from 'mdast';
import type { TimeZone } from '../../model';
import { rowCells } from '../../table';
import type { Span } from '../../text';
import { plainInline, trimSpan } from '../../text';
import { parseDate } from '../../time';
import type { ParseContext } from '../context';
import { spanOf } from '../context';
import { readLeadingTime } from './leading-time';
import { isAttributeLine } from './lines';
import type { RawEvent } from './raw';
import { pushEvent, relativeOffset } from './raw';
import { zoneInText } from './zones';

/** Header wordings (lowercase letters and spaces only, parentheses dropped) of each timeline column. */
const COLUMN_HEADERS = {
  time: ['time', 'timestamp', 'when', 'time utc', 'datetime', 'date time', 'date and time', 'clock'],
  date: ['date', 'day'],
  actor: ['actor', 'who', 'by', 'source', 'owner', 'person', 'team', 'responder', 'role'],
  event: ['event', 'events', 'description', 'what', 'what happened', 'action', 'activity', 'details', 'detail', 'notes', 'note', 'summary', 'message', 'entry'],
};

/**
 * Reads a timeline table. Without a time column the first column holds times (unless it is the
 * date column); without an event column the last one does. A zone in the time or date header
 * (`Time (UTC)`) applies to the table's rows.
 */
export function readTimelineTable(ctx: ParseContext, table: Table, out: RawEvent[]): void {
  const [header, ...rows] = table.children;
  const hs = header && spanOf(ctx, header);
  if (!hs) return;
  const headers = rowCells(ctx.text, header).map((c) => c.text.trim());
  const norm = headers.map((h) => plainInline(h).toLowerCase().replace(/\([^()]{0,200}\)/g, '').replace(/[^a-z ]/g, '').trim());
  const find = (words: string[]) => norm.findIndex((h) => words.includes(h));
  let timeCol = find(COLUMN_HEADERS.time);
  const dateCol = find(COLUMN_HEADERS.date);
  const actorCol = find(COLUMN_HEADERS.actor);
  let eventCol = find(COLUMN_HEADERS.event);
  if (timeCol < 0) timeCol = dateCol >= 0 && dateCol !== 0 ? 0 : dateCol >= 0 ? -1 : 0;
  if (eventCol < 0) eventCol = headers.length - 1;
  let tableZone: TimeZone | undefined;
  for (const h of [timeCol, dateCol]) {
    if (h >= 0 && headers[h]) tableZone ??= zoneInText(headers[h]!, 'table-header', ctx.dates.incident);
  }
  ctx.zones.table ??= tableZone;
  // Without a time column, the date column may hold times too (`2025-06-14 10:05`).
  const clockCol = timeCol >= 0 ? timeCol : dateCol;
  const timeOf = (cells: Span[]) => {
    const cell = clockCol >= 0 ? cells[clockCol] : undefined;
    return cell && cell.text.trim() !== '' ? readLeadingTime(cell, ctx.dates.current) : undefined;
  };
  // The day a cell gives alone (`| 2022-05-07 | … |`, also under a Time header).
  const dayIn = (cells: Span[], col: number) => {
    const cell = col >= 0 ? cells[col] : undefined;
    return cell ? parseDate(plainInline(cell.text).replace(/`/g, ''), ctx.dates.order) : undefined;
  };
  const dayOf = (cells: Span[]) => dayIn(cells, dateCol) ?? dayIn(cells, clockCol);
  const rowsCells = rows.map((row) => ({ row, cells: rowCells(ctx.text, row) }));
  // A table whose rows mostly give a day and no time is day-granular: each such row is an event of
  // its day. One with a Date column and no time in any row is too (rows without a date take the last).
  const timedRows = rowsCells.filter((r) => timeOf(r.cells)).length;
  const dayGranular = timedRows * 2 < rows.length && (dateCol >= 0 || rowsCells.some((r) => dayOf(r.cells)));
  for (const { row, cells } of rowsCells) {
    const rs = spanOf(ctx, row);
    if (!rs) continue;
    // A row left by a stray `|` line holds nothing: not an event.
    if (cells.every((c) => c.text.trim() === '')) continue;
    const rowDay = dayOf(cells);
    if (rowDay) ctx.dates.current = rowDay;
    if (isAttributeLine(rs.text)) continue;
    const lead = timeOf(cells);
    const eventCell = trimSpan(cells[eventCol] ?? { text: '', offset: rs.offset + rs.text.length });
    const actorCell = actorCol >= 0 ? cells[actorCol] : undefined;
    const actor = actorCell && actorCell.text.trim() !== '' ? plainInline(actorCell.text.replace(/\\\|/g, '|')) : undefined;
    // `| +30 minutes | … |`: an offset where the time goes counts from the last timed row.
    const clockCell = clockCol >= 0 ? cells[clockCol] : undefined;
    const offset = !lead && clockCell ? relativeOffset(clockCell.text) : undefined;
    const cellText = clockCell ? trimSpan(clockCell) : undefined;
    const after = offset !== undefined && cellText ? { minutes: offset, start: cellText.offset, end: cellText.offset + cellText.text.length } : undefined;
    pushEvent(ctx, out, {
      time: lead?.time, lead: eventCell, extra: [], whole: trimSpan(rs), source: 'table', tableZone, actor, after,
      // `| 2019-12-03 | … |` in a table of times: the author gave the day where the time goes.
      day: dayGranular ? rowDay ?? (dateCol >= 0 ? ctx.dates.current ?? ctx.dates.incident : undefined) : lead ? undefined : dayIn(cells, clockCol),
    });
  }
}
