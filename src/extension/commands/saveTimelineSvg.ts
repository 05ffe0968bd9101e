import * as vscode from 'vscode';
import { basename } from '../../core';
import type { Command } from '../commandManager';
import { timelineSvgPath } from '../timeline-logic';
import { TimelinePanel } from '../timelinePanel';

/** Saves the shown timeline as SVG (to `target`, else where a save dialog says); returns the file's URI. */
export class SaveTimelineSvgCommand implements Command {
  readonly id = 'postmortem.saveTimelineSvg';

  async execute(target?: vscode.Uri): Promise<string | undefined> {
    const panel = TimelinePanel.instance;
    const svg = panel?.svg();
    if (!panel || !svg) {
      void vscode.window.showInformationMessage('Open the timeline preview of a postmortem first.');
      return undefined;
    }
    const source = panel.documentUri;
    const uri = target ?? await vscode.window.showSaveDialog({
      ...(source ? { defaultUri: source.with({ path: timelineSvgPath(source.path) }) } : {}),
      filters: { 'SVG image': ['svg'] },
      title: 'Save timeline as SVG',
    });
    if (!uri) return undefined;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(svg));
    void vscode.window.showInformationMessage(`Timeline saved to ${basename(uri.path)}.`);
    return uri.toString();
  }
}
