/**
 * The library's one-call entry points for scripts and other tools: text in, result out. The rest of
 * `postmortem-markdown`'s exports (the engine, the model, the rules) are there for finer control.
 */
import type { ExportFormat, ExportOptions, ExportResult } from './export';
import { exportItems, renderExport } from './export';
import { parsePostmortem } from './parse';
import { stripBom } from './text';

/** Options of {@link exportActionItems}. */
export interface ExportActionItemsOptions extends ExportOptions {
  /** The file name written into each item's source column (default `postmortem.md`). */
  file?: string;
  /** Leave out items that are done or dropped. */
  openOnly?: boolean;
}

/**
 * The action items of one postmortem's Markdown in an export format (`csv`, `jira-csv`,
 * `linear-csv`, `json`, `markdown`, `ics`, `gh`): the text of the file, how many items it holds,
 * and the items left out with why.
 */
export function exportActionItems(markdown: string, format: ExportFormat, options: ExportActionItemsOptions = {}): ExportResult {
  const { file = 'postmortem.md', openOnly = false, ...render } = options;
  const postmortem = parsePostmortem(stripBom(markdown));
  return renderExport(format, exportItems(postmortem, file, { openOnly }), render);
}
