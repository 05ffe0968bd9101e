import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';

/** Reads the status of every ticket linked from an open action item; the view and hovers show it. */
export class RefreshTicketStatusCommand extends SyncCommand<number> {
  readonly id = 'postmortem.refreshTicketStatus';
  protected readonly fallback = 0;

  protected run(sync: TrackerSync, arg: unknown): Promise<number> {
    return sync.refreshStatus(arg as { interactive?: boolean } | undefined);
  }
}
