import * as vscode from 'vscode';
import type { OutlineSymbol, Postmortem } from '../core';
import { actionFieldAt, actionLensText, deadlineCandidates, findSection, hoverAt, newTimelineEntry, outline, ownerCandidates, parsePostmortem, resolveConfig, RULE_IDS } from '../core';
import { toVsRange } from './convert';
import type { ConfigFiles } from './settings';
import { configFor } from './settings';
import { currentText, workspaceMarkdown } from './workspaceFiles';

const today = () => new Date().toISOString().slice(0, 10);
const position = (p: vscode.Position) => ({ line: p.line + 1, column: p.character + 1 });

/** Owners named in the workspace's postmortems, read once on first use and refreshed on save. */
export class PeopleIndex implements vscode.Disposable {
  private people: Promise<string[]> | undefined;
  private readonly subscription = vscode.workspace.onDidSaveTextDocument((d) => {
    if (d.languageId === 'markdown') this.people = undefined;
  });

  get(): Promise<string[]> {
    this.people ??= this.scan();
    return this.people;
  }

  private async scan(): Promise<string[]> {
    const counts = new Map<string, number>();
    for (const uri of await workspaceMarkdown(500)) {
      try {
        const pm = parsePostmortem(await currentText(uri));
        for (const item of pm.actionItems) {
          const owner = item.owner.value;
          if (owner && /^[\p{L}]/u.test(owner)) counts.set(owner, (counts.get(owner) ?? 0) + 1);
        }
      } catch { /* unreadable file: skip */ }
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

/** Completions in the action items (owners, priorities, deadlines) and a timestamped entry in the timeline. */
export class AuthoringCompletions implements vscode.CompletionItemProvider {
  constructor(
    private readonly modelOf: (d: vscode.TextDocument) => Postmortem,
    private readonly people: PeopleIndex,
    private readonly configFiles: ConfigFiles,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, pos: vscode.Position): Promise<vscode.CompletionItem[]> {
    const pm = this.modelOf(document);
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
        const { config } = await configFor(document.uri, this.configFiles);
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
    private readonly modelOf: (d: vscode.TextDocument) => Postmortem,
    private readonly configFiles: ConfigFiles,
  ) {}

  async provideHover(document: vscode.TextDocument, pos: vscode.Position): Promise<vscode.Hover | undefined> {
    const { config } = await configFor(document.uri, this.configFiles);
    const h = hoverAt(this.modelOf(document), position(pos), today(), resolveConfig(config, RULE_IDS).config);
    return h ? new vscode.Hover(new vscode.MarkdownString(h.markdown), toVsRange(h.range)) : undefined;
  }
}

const SYMBOL_KINDS = { section: vscode.SymbolKind.String, event: vscode.SymbolKind.Event, action: vscode.SymbolKind.Field };

export class AuthoringSymbols implements vscode.DocumentSymbolProvider {
  constructor(private readonly modelOf: (d: vscode.TextDocument) => Postmortem) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] {
    const pm = this.modelOf(document);
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

  constructor(private readonly modelOf: (d: vscode.TextDocument) => Postmortem) {}

  refresh(): void {
    this.changed.fire();
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const pm = this.modelOf(document);
    const section = findSection(pm.sections, 'action-items');
    if (!section || pm.actionItems.length === 0) return [];
    const range = toVsRange(section.headingRange);
    return [
      new vscode.CodeLens(range, { title: actionLensText(pm, today()), command: '' }),
      new vscode.CodeLens(range, { title: 'Export…', command: 'postmortem.exportActionItems', arguments: [{ scope: 'document' }] }),
    ];
  }
}

/** "Insert timeline entry (now, UTC)": a new entry after the last one, in the timeline's own format. */
export async function insertTimelineEntry(editor: vscode.TextEditor | undefined, modelOf: (d: vscode.TextDocument) => Postmortem): Promise<boolean> {
  if (!editor || editor.document.languageId !== 'markdown') return false;
  const document = editor.document;
  const entry = newTimelineEntry(modelOf(document), document.getText(), new Date());
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
