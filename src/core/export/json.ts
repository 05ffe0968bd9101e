import type { ExportItem } from './items';
import type { ExportResult } from './types';

/** `json`: an array of items, as described by docs/schema/action-items.schema.json. */
export function jsonExport(items: readonly ExportItem[]): ExportResult {
  const text = `${JSON.stringify(items.map((i) => ({
    id: i.id, priority: i.priority || null, action: i.action, owner: i.owner || null, deadline: i.deadline ?? null,
    status: i.status, ticket: i.ticket || null, file: i.file, line: i.line, incident: i.incident,
  })), null, 2)}\n`;
  return { text, count: items.length, skipped: [] };
}
