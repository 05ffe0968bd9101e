import type { Command } from '../commandManager';
import type { Services } from '../services';
import { RefreshActionItemsCommand } from './refreshActionItems';
import { ToggleActionItemsGroupingCommand } from './toggleActionItemsGrouping';
import { FilterActionItemsCommand } from './filterActionItems';
import { ClearActionItemsFilterCommand } from './clearActionItemsFilter';
import { MarkActionItemDoneCommand } from './markActionItemDone';
import { OpenActionItemTicketCommand } from './openActionItemTicket';
import { CopyActionItemCommand } from './copyActionItem';
import { RevealActionItemCommand } from './revealActionItem';
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
import { CreateTicketsCommand } from './createTickets';
import { CreateTicketCommand } from './createTicket';
import { RefreshTicketStatusCommand } from './refreshTicketStatus';
import { MarkDoneFromTrackerCommand } from './markDoneFromTracker';
import { MarkAllClosedDoneCommand } from './markAllClosedDone';
import { SetTrackerTokenCommand } from './setTrackerToken';
import { ClearTrackerTokenCommand } from './clearTrackerToken';

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
  RefreshActionItemsCommand,
  ToggleActionItemsGroupingCommand,
  FilterActionItemsCommand,
  ClearActionItemsFilterCommand,
  MarkActionItemDoneCommand,
  OpenActionItemTicketCommand,
  CopyActionItemCommand,
  RevealActionItemCommand,
  CreateTicketsCommand,
  CreateTicketCommand,
  RefreshTicketStatusCommand,
  MarkDoneFromTrackerCommand,
  MarkAllClosedDoneCommand,
  SetTrackerTokenCommand,
  ClearTrackerTokenCommand,
];

export function createCommands(services: Services): Command[] {
  return COMMANDS.map((make) => new make(services));
}
