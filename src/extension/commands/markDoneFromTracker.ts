import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';

/** Marks done in its document an item whose ticket the tracker has closed (the view's item, or `{ uri, line }`). */
export class MarkDoneFromTrackerCommand extends SyncCommand<number> {
  readonly id = 'postmortem.markDoneFromTracker';
  protected readonly fallback = 0;

  protected run(sync: TrackerSync, arg: unknown): Promise<number> {
    return sync.markClosedDone(arg);
  }
}
