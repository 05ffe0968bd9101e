import * as vscode from 'vscode';
import type { Command } from '../commandManager';
import { TimelinePanel } from '../timelinePanel';

/** Copies the shown timeline as SVG; returns the SVG's length, undefined without a timeline preview. */
export class CopyTimelineSvgCommand implements Command {
  readonly id = 'postmortem.copyTimelineSvg';

  async execute(): Promise<number | undefined> {
    const svg = TimelinePanel.instance?.svg();
    if (!svg) {
      void vscode.window.showInformationMessage('Open the timeline preview of a postmortem first.');
      return undefined;
    }
    await vscode.env.clipboard.writeText(svg);
    void vscode.window.showInformationMessage('Timeline copied as SVG.');
    return svg.length;
  }
}
