import * as vscode from 'vscode';
import type { Postmortem } from '../core';
import { IncrementalParser, parsePostmortem, stripBom } from '../core';
import { LARGE_DOCUMENT_LINES, maxFileSize } from './settings';

/**
 * An incremental parser that also remembers its last result: the lint and the editor features
 * asking for the same text share one parse.
 */
class SharedParser {
  private readonly parser = new IncrementalParser();
  private last: { text: string; root: ReturnType<IncrementalParser['parse']> } | undefined;

  parse(text: string): ReturnType<IncrementalParser['parse']> {
    if (this.last?.text !== text) this.last = { text, root: this.parser.parse(text) };
    return this.last.root;
  }
}

/**
 * The Postmortem model of each open document, parsed once per version and shared by the lint
 * controller, hovers, completions, the outline, lenses, the timeline panel and commands.
 *
 * A large document (over {@link LARGE_DOCUMENT_LINES} lines) is not re-parsed per keystroke: it
 * keeps its last model until the (longer-debounced) lint has caught up and recorded a new one.
 * Documents over `postmortem.maxFileSize` get an empty model.
 */
export class DocumentModels implements vscode.Disposable {
  private readonly models = new Map<string, { version: number; model: Postmortem }>();
  /** One parser per open document: after an edit only the changed chunks are parsed. */
  private readonly parsers = new Map<string, SharedParser>();
  private readonly subscription = vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri));

  parserFor(uri: vscode.Uri): { parse(text: string): ReturnType<IncrementalParser['parse']> } {
    const key = uri.toString();
    let parser = this.parsers.get(key);
    if (!parser) {
      parser = new SharedParser();
      this.parsers.set(key, parser);
    }
    return parser;
  }

  /** The model of the document (see the class comment for large documents). */
  get(document: vscode.TextDocument): Postmortem {
    const key = document.uri.toString();
    const hit = this.models.get(key);
    if (hit && (hit.version === document.version || document.lineCount > LARGE_DOCUMENT_LINES)) return hit.model;
    const text = document.getText();
    const model = text.length > maxFileSize(document.uri) ? parsePostmortem('') : parsePostmortem(stripBom(text), { parser: this.parserFor(document.uri) });
    this.models.set(key, { version: document.version, model });
    return model;
  }

  /** Records the model the lint parsed for a version of the document. */
  set(document: vscode.TextDocument, version: number, model: Postmortem): void {
    const hit = this.models.get(document.uri.toString());
    if (!hit || hit.version <= version) this.models.set(document.uri.toString(), { version, model });
  }

  /** The lint caught up without a model (not a postmortem): drop a stale one, so the next use parses. */
  settle(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    if (this.models.get(key)?.version !== document.version) this.models.delete(key);
  }

  private forget(uri: vscode.Uri): void {
    this.models.delete(uri.toString());
    this.parsers.delete(uri.toString());
  }

  dispose(): void {
    this.subscription.dispose();
    this.models.clear();
    this.parsers.clear();
  }
}
