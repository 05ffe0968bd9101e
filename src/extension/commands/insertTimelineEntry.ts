import * as vscode from 'vscode';
import { newTimelineEntry } from '../../core';
import type { Command } from '../commandManager';
import type { Services } from '../services';

/** "Insert timeline entry (now, UTC)": a new entry after the last one, in the timeline's own format. */
export class InsertTimelineEntryCommand implements Command {
  readonly id = 'postmortem.insertTimelineEntry';

  constructor(private readonly services: Services) {}

  async execute(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'markdown') return false;
    const document = editor.document;
    const entry = newTimelineEntry(this.services.models.get(document), document.getText(), new Date());
    const eol = document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
    let at: vscode.Position;
    let text: string;
    if (entry.afterLine !== undefined && entry.afterLine <= document.lineCount) {
      at = document.lineAt(entry.afterLine - 1).range.end;
      text = `${eol}${entry.text}`;
    } else {
      at = document.lineAt(document.lineCount - 1).range.end;
      text = `${eol}${eol}## Timeline (all times UTC)${eol}${eol}${entry.text}`;
    }
    const ok = await editor.edit((e) => e.insert(at, text));
    if (ok) {
      const end = document.positionAt(document.offsetAt(at) + text.length);
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end));
    }
    return ok;
  }
}
