import type { ActionItem, Field, Postmortem, Range } from '../model';
import { dateOfEpochDay, epochDay } from '../time';
import type { Fix } from './types';

/** People named in the document: frontmatter people, action-item owners and timeline actors. */
export function documentPeople(pm: Postmortem): string[] {
  const names = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v === 'string') {
      for (const part of v.split(/[,;]/)) {
        const n = part.replace(/^@/, '').trim();
        if (n.length >= 2 && n.length <= 40 && !isPlaceholderOwner(n)) names.add(n);
      }
    } else if (Array.isArray(v)) v.forEach(add);
  };
  const data = pm.frontmatter?.data;
  if (data) for (const key of ['authors', 'author', 'owner', 'owners', 'commander', 'incident_commander', 'responders', 'participants']) add(data[key]);
  for (const item of pm.actionItems) add(item.owner.value);
  for (const e of pm.timeline.events) if (e.actor && /^[\p{Lu}@]/u.test(e.actor) && !SYSTEMS.has(e.actor.toLowerCase())) add(e.actor);
  return [...names];
}

const SYSTEMS = new Set(['monitoring', 'pagerduty', 'opsgenie', 'alertmanager', 'prometheus', 'datadog', 'grafana', 'sentry', 'ci', 'automation', 'kubernetes', 'on-call', 'support', 'customers', 'a customer', 'customer support']);

/** Owners that name nobody. */
export function isPlaceholderOwner(text: string): boolean {
  const t = text.replace(/[`*_@]/g, '').trim().toLowerCase();
  return /^(?:|tbd|tba|tbc|\?+|-+|—|–|n\/?a|none|nobody|someone|somebody|anyone|team|the team|unassigned|unknown|todo|xxx|owner|\[owner\]|<owner>)$/.test(t);
}

export function addDays(iso: string, days: number): string {
  return dateOfEpochDay(epochDay(iso) + days);
}

/** A fix that writes `value` into a field: replaces the cell or inline value, or inserts it. */
export function setFieldFix(item: ActionItem, field: Field<unknown>, title: string, value: string, inlineLabel: string): Fix | undefined {
  // An empty cell's range spans the blanks between its pipes: pad the value to keep the table tidy.
  if (field.origin === 'cell' && field.text === '') return { title, edits: [{ range: field.range, newText: ` ${value} ` }] };
  if (field.origin === 'cell' || field.origin === 'inline') return { title, edits: [{ range: field.range, newText: value }] };
  if (item.source === 'list') {
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
