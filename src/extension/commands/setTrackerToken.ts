import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';

/** Asks for (or takes `{ token, email }`) the tracker's token and keeps it in VS Code's secret storage. */
export class SetTrackerTokenCommand extends SyncCommand<boolean> {
  readonly id = 'postmortem.setTrackerToken';
  protected readonly fallback = false;

  protected run(sync: TrackerSync, arg: unknown): Promise<boolean> {
    return sync.setToken(arg as { uri?: string; token?: string; email?: string } | undefined);
  }
}
