/**
 * Fields an action item's ticket carries (`ticketsCarry` in `.postmortem.yaml`): the one place that
 * decides, for each open item, whether its owner, priority and deadline are the document's, the
 * ticket's (when the tracker's status was read), or simply carried by a ticket nobody read.
 * action-missing-owner, action-missing-priority, action-missing-deadline and action-overdue ask
 * {@link effectiveFields}; none of them merges on its own.
 */
import type { ActionItem } from './model';
import { isPlaceholderOwner } from './vocabulary/placeholders';

/** What the tracker says about a linked ticket, as the rules read it. */
export interface TicketFields {
  /** The tracker account the ticket is assigned to. */
  assignee?: string | undefined;
  /** `P0`…`P3` (the tracker's priority mapped to a level). */
  priority?: string | undefined;
  /** ISO `YYYY-MM-DD`. */
  due?: string | undefined;
  state?: 'open' | 'closed' | undefined;
}

/** Tickets read from the tracker, keyed by the ticket as the document writes it (`item.ticket.value`). */
export type TicketMap = ReadonlyMap<string, TicketFields>;

export type CarriedField = 'owner' | 'priority' | 'deadline';

export const CARRIED_FIELDS: readonly CarriedField[] = ['owner', 'priority', 'deadline'];

/** Where an item's owner, priority or deadline comes from. */
export type EffectiveField =
  /** The document's own field (written or not): the rules check it as they always did. */
  | { source: 'document' }
  /** Read from the ticket: `value` is the assignee, priority or due date, undefined when the ticket has none. */
  | { source: 'ticket'; ticket: string; value: string | undefined }
  /** Carried by a ticket that was not read, or one the tracker has closed: nothing to check. */
  | { source: 'carried'; ticket: string };

export type EffectiveFields = Record<CarriedField, EffectiveField>;

const DOCUMENT: EffectiveField = { source: 'document' };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the document writes the field: a non-empty cell or inline field (an owner must name somebody). */
function written(item: ActionItem, field: CarriedField): boolean {
  if (field === 'owner') return !isPlaceholderOwner(item.owner.text);
  return item[field].text !== '';
}

function ticketValue(ticket: TicketFields, field: CarriedField): string | undefined {
  const value = field === 'owner' ? ticket.assignee : field === 'priority' ? ticket.priority : ticket.due;
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  return field === 'deadline' && !ISO_DATE.test(trimmed) ? undefined : trimmed;
}

/**
 * The owner, priority and deadline of an item as the rules check them. A field is the ticket's only
 * when the configuration lets tickets carry it (`ticketsCarry`), the item is open, has a ticket, and
 * does not write the field itself (what the document writes wins). Then, when the ticket was read
 * (`tickets` has it), its value is checked like a written one; otherwise, or when the tracker has
 * closed the ticket, the ticket carries the field and there is nothing to check.
 */
export function effectiveFields(item: ActionItem, ticketsCarry: readonly CarriedField[], tickets?: TicketMap): EffectiveFields {
  const ticket = item.ticket.value;
  const out: EffectiveFields = { owner: DOCUMENT, priority: DOCUMENT, deadline: DOCUMENT };
  if (item.done || !ticket || ticketsCarry.length === 0) return out;
  const read = tickets?.get(ticket);
  for (const field of CARRIED_FIELDS) {
    if (!ticketsCarry.includes(field) || written(item, field)) continue;
    out[field] = !read || read.state === 'closed' ? { source: 'carried', ticket } : { source: 'ticket', ticket, value: ticketValue(read, field) };
  }
  return out;
}
