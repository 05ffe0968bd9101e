import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';
import type { CreateResult } from '../trackerSync';
/**
 * Creates a ticket for each open action item without one — of the active postmortem (its selected
 * rows when there is a selection), of `{ uri, ids }`, or of the whole view (`{ all: true }`) — after
 * a preview, and writes the links back into the documents as one undoable edit each.
 */
export class CreateTicketsCommand extends SyncCommand<CreateResult | undefined> {
  readonly id = 'postmortem.createTickets';
  protected readonly fallback = undefined;

  protected run(sync: TrackerSync, arg: unknown): Promise<CreateResult | undefined> {
    return sync.createTickets(arg);
  }
}
