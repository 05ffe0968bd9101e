import * as vscode from 'vscode';

/** A command of the extension: its id (as contributed in package.json) and what it does. */
export interface Command {
  readonly id: string;
  // The arguments come from executeCommand callers, menus and keybindings: nothing checks their types.
  execute(...args: any[]): unknown;
}

/** Registers commands, each once, and unregisters them all on dispose. */
export class CommandManager implements vscode.Disposable {
  private readonly commands = new Map<string, vscode.Disposable>();

  register<T extends Command>(command: T): T {
    if (this.commands.has(command.id)) throw new Error(`command ${command.id} registered twice`);
    this.commands.set(command.id, vscode.commands.registerCommand(command.id, command.execute, command));
    return command;
  }

  dispose(): void {
    for (const registration of this.commands.values()) registration.dispose();
    this.commands.clear();
  }
}
