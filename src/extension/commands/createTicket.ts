import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';
import type { CreateResult } from '../trackerSync';
/** Creates the ticket of one action item of the Action Items view (or `{ uri, line }`), after the same preview. */
export class CreateTicketCommand extends SyncCommand<CreateResult | undefined> {
  readonly id = 'postmortem.createTicket';
  protected readonly fallback = undefined;

  protected run(sync: TrackerSync, arg: unknown): Promise<CreateResult | undefined> {
    return sync.createTickets(arg);
  }
}
