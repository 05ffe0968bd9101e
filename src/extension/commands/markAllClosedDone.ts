import type { TrackerSync } from '../trackerSync';
import { SyncCommand } from '../syncCommand';

/** Marks done in their documents every open item whose ticket the tracker has closed, one edit per document. */
export class MarkAllClosedDoneCommand extends SyncCommand<number> {
  readonly id = 'postmortem.markAllClosedDone';
  protected readonly fallback = 0;

  protected run(sync: TrackerSync): Promise<number> {
    return sync.markClosedDone({ all: true });
  }
}
