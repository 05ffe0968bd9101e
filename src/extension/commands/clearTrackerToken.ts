import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';

/** Removes the tracker's token from VS Code's secret storage. */
export class ClearTrackerTokenCommand extends SyncCommand<boolean> {
  readonly id = 'postmortem.clearTrackerToken';
  protected readonly fallback = false;

  protected run(sync: TrackerSync, arg: unknown): Promise<boolean> {
    return sync.clearToken(arg as { uri?: string } | undefined);
  }
}
