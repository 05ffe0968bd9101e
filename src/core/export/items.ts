import { isPlaceholderOwner } from '../vocabulary/placeholders';
import { bareLevel } from '../vocabulary/priorities';
import type { ActionState, Postmortem } from '../model';
import { plainInline } from '../text';

/** One action item, flattened for export. Text fields are plain text. */
export interface ExportItem {
  /** Stable across exports: derived from the incident and the action text, not the line. */
  id: string;
  /** As written, normalised (`P1`), or empty. */
  priority: string;
  action: string;
  owner: string;
  /** ISO `YYYY-MM-DD`, or undefined when the deadline is not a date. */
  deadline: string | undefined;
  /** Open, done, or dropped (decided against). */
  status: ActionState;
  ticket: string;
  type: string;
  file: string;
  line: number;
  /** The incident's id or title. */
  incident: string;
  incidentDate: string | undefined;
}

/** FNV-1a, 32 bits: a short, stable, dependency-free hash for ids. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The incident an item belongs to: frontmatter `id`/`incident`, else the title, else the file name. */
export function incidentOf(pm: Postmortem, file: string): string {
  const data = pm.frontmatter?.data ?? {};
  for (const key of ['id', 'incident', 'incident_id', 'incidentId']) {
    const v = data[key];
    if (typeof v === 'string' || typeof v === 'number') return String(v).trim();
  }
  return pm.title?.trim() || (file.split('/').pop() ?? file).replace(/\.(?:md|markdown)$/i, '');
}

export function stableId(incident: string, action: string): string {
  // Markup, spacing and a closing colon or full stop do not change what the action is.
  const norm = (s: string) => s.toLowerCase().replace(/[`*_~]/g, '').replace(/\s+/g, ' ').replace(/ (?=[,.:;!?])/g, '').trim().replace(/[:.;,]+$/, '');
  return `PM-${fnv1a(`${norm(incident)}\u0000${norm(action)}`).toString(36).toUpperCase().padStart(7, '0')}`;
}

/** The action items of one postmortem, ready to export. */
export function exportItems(pm: Postmortem, file: string, options: { openOnly?: boolean } = {}): ExportItem[] {
  const incident = incidentOf(pm, file);
  return pm.actionItems
    .filter((item) => item.action.text !== '' && !(options.openOnly && item.done))
    .map((item) => ({
      id: stableId(incident, item.action.text),
      priority: bareLevel(item.priority.text).toUpperCase().replace(/^P(?=\d$)/, 'P'),
      action: item.action.text,
      // `TBD`, `?` or `team` name nobody: export them as no owner.
      owner: isPlaceholderOwner(item.owner.text) ? '' : plainInline(item.owner.text).replace(/^@/, ''),
      deadline: item.deadline.value,
      status: item.state,
      // The key or URL, never a link's words (`issue`, `PR`).
      ticket: item.ticket.value ?? '',
      type: plainInline(item.type.text),
      file,
      line: item.line,
      incident,
      incidentDate: pm.date,
    }));
}
