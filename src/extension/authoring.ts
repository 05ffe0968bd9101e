import * as vscode from 'vscode';
import type { OutlineSymbol, Postmortem } from '../core';
import { actionFieldAt, actionLensText, deadlineCandidates, findSection, hoverAt, newTimelineEntry, outline, ownerCandidates, rankedOwners, resolveConfig, RULE_IDS } from '../core';
import { corePosition as position, todayUtc as today } from './authoring-logic';
import { toVsRange } from './convert';
import type { DocumentModels } from './documentModels';
import type { Engines } from './engines';

/** Owners named in the workspace's postmortems, read once on first use and refreshed on save. */
export class PeopleIndex implements vscode.Disposable {
  private people: Promise<string[]> | undefined;
  private readonly subscription = vscode.workspace.onDidSaveTextDocument((d) => {
    if (d.languageId === 'markdown') this.people = undefined;
  });

  constructor(private readonly engines: Engines) {}

  get(): Promise<string[]> {
    this.people ??= this.scan();
    return this.people;
  }

  /** Forgets what was read (a configuration file changed what counts as a postmortem). */
  clear(): void {
    this.people = undefined;
  }

  private async scan(): Promise<string[]> {
    const postmortems: Postmortem[] = [];
    for (const { engine, paths } of this.engines.workspaceFolders()) {
      try {
        for (const doc of await engine.postmortems(paths)) postmortems.push(doc.postmortem);
      } catch { /* a folder that went away: skip it */ }
    }
    return rankedOwners(postmortems);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Completions in the action items (owners, priorities, deadlines) and a timestamped entry in the timeline. */
export class AuthoringCompletions implements vscode.CompletionItemProvider {
  constructor(
    private readonly models: DocumentModels,
    private readonly people: PeopleIndex,
    private readonly engines: Engines,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
    const pm = this.models.get(document);
    const hit = actionFieldAt(pm, position(pos));
    const items: vscode.CompletionItem[] = [];
    if (hit) {
      const range = toVsRange(hit.range);
      const replace = range.isEmpty || document.getText(range).trim() === '' ? new vscode.Range(pos, pos) : range;
      if (hit.field === 'owner') {
        for (const [i, name] of ownerCandidates(pm, await this.people.get()).entries()) {
          const item = new vscode.CompletionItem(name, vscode.CompletionItemKind.User);
          item.range = replace;
          item.sortText = String(i).padStart(4, '0');
          item.detail = 'owner';
          items.push(item);
        }
      } else if (hit.field === 'priority') {
        const config = await this.engines.configFor(document.uri);
        for (const [i, p] of resolveConfig(config, RULE_IDS).config.priorities.entries()) {
          const item = new vscode.CompletionItem(p.id, vscode.CompletionItemKind.EnumMember);
          item.range = replace;
          item.sortText = String(i).padStart(4, '0');
          item.documentation = p.description;
          items.push(item);
        }
      } else {
        for (const [i, d] of deadlineCandidates(today()).entries()) {
          const item = new vscode.CompletionItem({ label: d.date, description: d.label }, vscode.CompletionItemKind.Value);
          item.range = replace;
          item.sortText = String(i).padStart(4, '0');
          items.push(item);
        }
      }
      return items;
    }
    const timeline = findSection(pm.sections, 'timeline');
    if (timeline && pos.line + 1 > timeline.headingRange.start.line && pos.line + 1 <= timeline.range.end.line + 1) {
      const entry = newTimelineEntry(pm, document.getText(), new Date());
      const line = document.lineAt(pos.line);
      const item = new vscode.CompletionItem('Insert timeline entry (now, UTC)', vscode.CompletionItemKind.Event);
      item.insertText = entry.text;
      item.range = new vscode.Range(pos.line, line.firstNonWhitespaceCharacterIndex, pos.line, pos.character);
      item.filterText = document.getText(item.range);
      item.detail = entry.text.trim();
      item.sortText = '0000';
      items.push(item);
    }
    return items;
  }
}

export class AuthoringHovers implements vscode.HoverProvider {
  constructor(
    private readonly models: DocumentModels,
    private readonly engines: Engines,
  ) {}

  async provideHover(document: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const config = await this.engines.configFor(document.uri);
    const h = hoverAt(this.models.get(document), position(pos), today(), resolveConfig(config, RULE_IDS).config);
    return h ? new vscode.Hover(new vscode.MarkdownString(h.markdown), toVsRange(h.range)) : undefined;
  }
}

const SYMBOL_KINDS = { section: vscode.SymbolKind.String, event: vscode.SymbolKind.Event, action: vscode.SymbolKind.Field };

export class AuthoringSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly models: DocumentModels) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const pm = this.models.get(document);
    if (pm.timeline.events.length === 0 && pm.actionItems.length === 0) return [];
    const convert = (s: OutlineSymbol): vscode.DocumentSymbol => {
      const range = toVsRange(s.range);
      const selection = toVsRange(s.selectionRange);
      // VS Code requires the selection to lie inside the range.
      const sym = new vscode.DocumentSymbol(s.name, s.detail, SYMBOL_KINDS[s.kind], range, range.contains(selection) ? selection : range);
      sym.children = s.children.map(convert);
      return sym;
    };
    return outline(pm).map(convert);
  }
}

export class ActionItemsLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly models: DocumentModels) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const pm = this.models.get(document);
    const section = findSection(pm.sections, 'action-items');
    if (!section || pm.actionItems.length === 0) return [];
    const range = toVsRange(section.headingRange);
    return [
      new vscode.CodeLens(range, { title: actionLensText(pm, today()), command: '' }),
      new vscode.CodeLens(range, { title: 'Export…', command: 'postmortem.exportActionItems', arguments: [{ scope: 'document' }] }),
    ];
  }
}
