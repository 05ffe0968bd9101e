import type { ActionItem, Field, Range } from '../model';
import { dateOfEpochDay, epochDay } from '../time';
import type { Fix } from './types';

export function addDays(iso: string, days: number): string {
  return dateOfEpochDay(epochDay(iso) + days);
}

/** A fix that writes `value` into a field: replaces the cell or inline value, or inserts it. */
export function setFieldFix(item: ActionItem, field: Field<unknown>, title: string, value: string, inlineLabel: string): Fix | undefined {
  // An empty cell's range spans the blanks between its pipes: pad the value to keep the table tidy.
  if (field.origin === 'cell' && field.text === '') return { title, edits: [{ range: field.range, newText: ` ${value} ` }] };
  if (field.origin === 'cell' || field.origin === 'inline') return { title, edits: [{ range: field.range, newText: value }] };
  // A list item or a paragraph item (`Action point: …`) takes the field inline.
  if (item.source !== 'table') {
    const at: Range = { start: field.range.start, end: field.range.start };
    return { title, edits: [{ range: at, newText: inlineLabel === 'priority' ? `${value}: ` : `, ${inlineLabel}: ${value}` }] };
  }
  // A table row without the cell (ragged row or no such column) needs the table reshaped: no fix.
  return undefined;
}

/** Deadline fixes: today + 7, 14 and 30 days. */
export function deadlineFixes(item: ActionItem, today: string): Fix[] {
  return [7, 14, 30].flatMap((d) => {
    const date = addDays(today, d);
    const fix = setFieldFix(item, item.deadline, `Set deadline to ${date} (in ${d} days)`, date, 'due');
    return fix ? [fix] : [];
  });
}

/** Text of a 1-based line range, for messages. */
export function quote(text: string, max = 60): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
