/**
 * The Action Items view's decisions that need no editor (unit-tested in
 * test/unit/extension-actionItems.test.ts): which status group an item is in, the order, the
 * wording of deadlines, grouping by owner or postmortem, filters and the status bar text.
 * Nothing here imports 'vscode'.
 */
import type { ActionState, Postmortem, Range } from '../core';
import { exportItems } from '../core';
import { epochDay } from '../core/time';

/** One action item as the view shows it. */
export interface ViewItem {
  /** The document's URI, as a string. */
  uri: string;
  /** Path relative to the workspace, for labels. */
  file: string;
  /** The incident's id or title. */
  postmortem: string;
  action: string;
  /** Without `@`; empty when nobody (or a placeholder) owns it. */
  owner: string;
  /** `P1`, or empty. */
  priority: string;
  /** The level's rank (0 most urgent); undefined without a known priority. */
  rank: number | undefined;
  /** ISO `YYYY-MM-DD`, or undefined when there is no date. */
  deadline: string | undefined;
  /** Key or URL, or empty. */
  ticket: string;
  state: ActionState;
  line: number;
  /** The item's own text (1-based, end exclusive), selected when the item is revealed. */
  range: Range;
}

export type StatusGroup = 'overdue' | 'week' | 'open' | 'done';
export type GroupBy = 'owner' | 'postmortem';

export const STATUS_LABELS: Record<StatusGroup, string> = { overdue: 'Overdue', week: 'Due this week', open: 'Open', done: 'Done' };
const STATUS_ORDER: readonly StatusGroup[] = ['overdue', 'week', 'open', 'done'];

/** What the view is narrowed to; an absent key does not narrow. */
export interface ViewFilter {
  owner?: string;
  priority?: string;
}

export interface ItemGroup {
  /** The owner (empty for none) or the postmortem's file. */
  key: string;
  label: string;
  items: ViewItem[];
}

export interface StatusNode {
  status: StatusGroup;
  label: string;
  count: number;
  groups: ItemGroup[];
}

/** The items of one postmortem, with the action text as plain text (items without any text are left out, as in exports). */
export function viewItems(pm: Postmortem, file: string, uri: string): ViewItem[] {
  const exported = exportItems(pm, file);
  const withText = pm.actionItems.filter((i) => i.action.text !== '');
  return exported.map((e, n) => {
    const item = withText[n]!;
    return {
      uri, file, postmortem: e.incident, action: e.action, owner: e.owner, priority: e.priority,
      rank: item.priority.value, deadline: e.deadline, ticket: e.ticket, state: e.status, line: e.line, range: item.range,
    };
  });
}

/** Days from today to the deadline: negative when past. Undefined without a date. */
export function daysLeft(item: Pick<ViewItem, 'deadline'>, today: string): number | undefined {
  return item.deadline === undefined ? undefined : epochDay(item.deadline) - epochDay(today);
}

/** Overdue (deadline before today), due this week (today and the 6 days after), open, or done (done or dropped). */
export function statusOf(item: ViewItem, today: string): StatusGroup {
  if (item.state !== 'open') return 'done';
  const days = daysLeft(item, today);
  if (days === undefined) return 'open';
  if (days < 0) return 'overdue';
  return days <= 6 ? 'week' : 'open';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `3 days overdue`, `due today`, `due tomorrow`, `due in 12 days`, `no deadline`; `done` or `dropped` when not open. */
export function deadlineWording(item: ViewItem, today: string): string {
  if (item.state !== 'open') return item.state;
  const days = daysLeft(item, today);
  if (days === undefined) return 'no deadline';
  if (days < 0) return `${plural(-days, 'day')} overdue`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${plural(days, 'day')}`;
}

/** Earlier deadline first (so the most overdue leads), then the more urgent priority, then file and line. */
export function compareItems(a: ViewItem, b: ViewItem): number {
  if (a.state === 'open' && b.state === 'open' && a.deadline !== b.deadline) {
    if (a.deadline === undefined) return 1;
    if (b.deadline === undefined) return -1;
    return a.deadline < b.deadline ? -1 : 1;
  }
  const ra = a.rank ?? Number.MAX_SAFE_INTEGER;
  const rb = b.rank ?? Number.MAX_SAFE_INTEGER;
  if (ra !== rb) return ra - rb;
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line;
}

/** Whether an item passes the filter (owners compare without case). */
export function matchesFilter(item: ViewItem, filter: ViewFilter): boolean {
  if (filter.owner !== undefined && item.owner.toLowerCase() !== filter.owner.toLowerCase()) return false;
  if (filter.priority !== undefined && item.priority !== filter.priority) return false;
  return true;
}

/** `owner: alice · priority: P1`, or undefined when nothing is filtered. */
export function filterDescription(filter: ViewFilter): string | undefined {
  const parts = [
    ...(filter.owner !== undefined ? [`owner: ${filter.owner || 'none'}`] : []),
    ...(filter.priority !== undefined ? [`priority: ${filter.priority || 'none'}`] : []),
  ];
  return parts.length ? parts.join(' · ') : undefined;
}

/** The owners and priorities to filter by, each once, sorted (priorities by rank). */
export function filterChoices(items: readonly ViewItem[]): { owners: string[]; priorities: string[] } {
  const owners = [...new Set(items.map((i) => i.owner))].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
  const ranks = new Map<string, number>();
  for (const i of items) if (!ranks.has(i.priority)) ranks.set(i.priority, i.rank ?? Number.MAX_SAFE_INTEGER);
  const priorities = [...ranks.keys()].sort((a, b) => ranks.get(a)! - ranks.get(b)! || a.localeCompare(b));
  return { owners, priorities };
}

/**
 * The tree: status groups in order (Overdue, Due this week, Open, Done; empty ones left out), each
 * split by owner or by postmortem, each item list in {@link compareItems} order. Sub-groups come in
 * the order of their most urgent item.
 */
export function buildTree(items: readonly ViewItem[], options: { today: string; groupBy: GroupBy; filter?: ViewFilter }): StatusNode[] {
  const shown = items.filter((i) => matchesFilter(i, options.filter ?? {}));
  const out: StatusNode[] = [];
  for (const status of STATUS_ORDER) {
    const mine = shown.filter((i) => statusOf(i, options.today) === status).sort(compareItems);
    if (mine.length === 0) continue;
    const groups = new Map<string, ItemGroup>();
    for (const item of mine) {
      const key = options.groupBy === 'owner' ? item.owner : item.file;
      let group = groups.get(key);
      if (!group) {
        const label = options.groupBy === 'owner' ? (item.owner ? `@${item.owner}` : 'No owner') : item.postmortem;
        group = { key, label, items: [] };
        groups.set(key, group);
      }
      group.items.push(item);
    }
    out.push({ status, label: STATUS_LABELS[status], count: mine.length, groups: [...groups.values()] });
  }
  return out;
}

/** How many open items are past their deadline. */
export function overdueCount(items: readonly ViewItem[], today: string): number {
  return items.filter((i) => statusOf(i, today) === 'overdue').length;
}

/** The status bar text, or undefined (hidden) when nothing is overdue. */
export function statusBarText(overdue: number): string | undefined {
  return overdue > 0 ? `$(warning) ${plural(overdue, 'overdue action item')}` : undefined;
}

/** The line under an item's action text: priority, deadline wording, ticket. */
export function itemDescription(item: ViewItem, today: string): string {
  return [item.priority, deadlineWording(item, today), item.ticket].filter((p) => p !== '').join(' · ');
}

/** The hover of an item (Markdown source; the caller marks it untrusted). */
export function itemTooltip(item: ViewItem, today: string): string {
  const esc = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
  return [
    `**${esc(item.action)}**`,
    '',
    `- Owner: ${item.owner ? esc(`@${item.owner}`) : 'none'}`,
    `- Priority: ${item.priority ? esc(item.priority) : 'none'}`,
    `- Deadline: ${item.deadline ? `${item.deadline} (${deadlineWording(item, today)})` : 'none'}`,
    `- Ticket: ${item.ticket ? esc(item.ticket) : 'none'}`,
    `- Status: ${item.state}`,
    '',
    `${esc(item.postmortem)} — ${esc(item.file)}:${item.line}`,
  ].join('\n');
}

/** The ticket as a web address to open, when it is one. */
export function ticketUrl(ticket: string): string | undefined {
  return /^https?:\/\/[^\s<>]+$/i.test(ticket) ? ticket : undefined;
}

/** What "Copy" puts on the clipboard: one line a person can paste into chat or a ticket. */
export function copyText(item: ViewItem): string {
  const fields = [
    ...(item.owner ? [`@${item.owner}`] : []),
    ...(item.deadline ? [`due ${item.deadline}`] : []),
    ...(item.ticket ? [item.ticket] : []),
  ];
  return `${item.priority ? `${item.priority}: ` : ''}${item.action}${fields.length ? ` — ${fields.join(', ')}` : ''} (${item.file}:${item.line})`;
}

/** Today as the rules see it (`action-overdue` compares deadlines with the UTC date). */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
