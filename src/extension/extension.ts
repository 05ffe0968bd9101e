import type * as vscode from 'vscode';
import { parsePostmortem } from '../core';
import { CommandManager } from './commandManager';
import { createCommands } from './commands';
import { registerFeatures } from './features';
import { createServices } from './services';

export function activate(context: vscode.ExtensionContext) {
  const services = createServices(context);
  const commands = new CommandManager();
  for (const command of createCommands(services)) commands.register(command);
  // Everything registered is disposed here, with the extension: features first, the services they use last.
  context.subscriptions.push(commands, ...registerFeatures(services), services);
  return {
    parse: (text: string) => parsePostmortem(text),
    /** For the integration tests: the Action Items view and the status bar as text, once up to date. */
    actionItemsSnapshot: () => services.actionItems.snapshot(),
  };
}

export function deactivate() {}
