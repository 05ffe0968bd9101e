import type { Command } from '../commandManager';
import type { Services } from '../services';
import { CopyTimelineSvgCommand } from './copyTimelineSvg';
import { ExportActionItemsCommand } from './exportActionItems';
import { InsertTemplateCommand } from './insertTemplate';
import { InsertTimelineEntryCommand } from './insertTimelineEntry';
import { LintWorkspaceCommand } from './lintWorkspace';
import { NewPostmortemCommand } from './newPostmortem';
import { SaveTimelineSvgCommand } from './saveTimelineSvg';
import { ShowRuleDocumentationCommand } from './showRuleDocumentation';
import { ShowTimelineCommand } from './showTimeline';
import { ShowTimelineModelCommand } from './showTimelineModel';

/** Every command the extension contributes (package.json `contributes.commands`), one module each. */
const COMMANDS: ReadonlyArray<new (services: Services) => Command> = [
  LintWorkspaceCommand,
  ExportActionItemsCommand,
  ShowTimelineCommand,
  CopyTimelineSvgCommand,
  SaveTimelineSvgCommand,
  InsertTimelineEntryCommand,
  ShowTimelineModelCommand,
  ShowRuleDocumentationCommand,
  NewPostmortemCommand,
  InsertTemplateCommand,
];

export function createCommands(services: Services): Command[] {
  return COMMANDS.map((make) => new make(services));
}
