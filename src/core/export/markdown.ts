import type { ExportItem } from './items';
import type { ExportResult } from './types';

/** Markdown text safe to paste: HTML shows as text, brackets cannot form links, lines fold. */
function mdText(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\[\]])/g, '\\$1');
}

/** `markdown`: a GitHub task list grouped by priority, done items checked, dropped ones checked and struck through. */
export function markdownExport(items: readonly ExportItem[]): ExportResult {
  const groups = new Map<string, ExportItem[]>();
  for (const i of items) {
    const key = i.priority || 'No priority';
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  const out = ['# Action items', ''];
  const keys = [...groups.keys()].sort((a, b) => (a === 'No priority' ? 1 : b === 'No priority' ? -1 : a.localeCompare(b)));
  for (const key of keys) {
    out.push(`## ${mdText(key)}`, '');
    for (const i of groups.get(key)!) {
      const meta = [
        i.owner ? `@${mdText(i.owner)}` : 'no owner',
        i.deadline ? `due ${i.deadline}` : 'no deadline',
        i.ticket ? mdText(i.ticket) : '',
        `${mdText(i.incident)} (${mdText(i.file)}:${i.line})`,
      ].filter(Boolean);
      const action = i.status === 'dropped' ? `~~${mdText(i.action)}~~ (dropped)` : mdText(i.action);
      out.push(`- [${i.status === 'open' ? ' ' : 'x'}] ${action} — ${meta.join(' · ')}`);
    }
    out.push('');
  }
  return { text: `${out.join('\n').trimEnd()}\n`, count: items.length, skipped: [] };
}
