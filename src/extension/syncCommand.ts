import * as vscode from 'vscode';
import type { Command } from './commandManager';
import type { Services } from './services';
import type { TrackerSync } from './trackerSync';

/**
 * A tracker-sync command: runs on the services' TrackerSync, or, in the web extension (which leaves
 * the HTTP clients out), says where sync runs and returns `fallback`.
 */
export abstract class SyncCommand<T> implements Command {
  abstract readonly id: string;
  protected abstract readonly fallback: T;

  constructor(private readonly services: Services) {}

  async execute(arg?: unknown): Promise<T> {
    const sync = this.services.sync;
    if (!sync) {
      void vscode.window.showInformationMessage('Tracker sync runs in desktop VS Code and in the postmortem CLI, not in the browser.');
      return this.fallback;
    }
    return this.run(sync, arg);
  }

  protected abstract run(sync: TrackerSync, arg: unknown): Promise<T>;
}
