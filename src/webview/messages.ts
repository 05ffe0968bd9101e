import type { TimelineViewModel } from '../core/timelineView';

/** Messages from the extension to the timeline panel. */
export type ToPanel =
  | { type: 'update'; uri: string; version: number; model: TimelineViewModel | undefined; error?: string }
  | { type: 'highlight'; line: number | undefined };

/** Messages from the timeline panel to the extension. */
export type FromPanel =
  | { type: 'ready' }
  | { type: 'reveal'; line: number }
  | { type: 'copySvg' }
  | { type: 'saveSvg' };

/** What the panel keeps across reloads (webview state). */
export interface PanelState {
  uri: string | undefined;
  scrollY: number;
}
