/**
 * Applying the fixes that are safe without a choice (`Fix.safe`): one function for the CLI's
 * `lint --fix` and the editor's `source.fixAll.postmortem`. Edits that overlap an edit already taken
 * wait for the next pass; passes repeat (at most {@link MAX_PASSES}) until no safe fix is left, so
 * the result is what linting it again would not change.
 */
import type { LintOptions } from './lint';
import { lintText } from './lint';
import type { Position } from './model';
import type { Finding, TextEdit } from './rules/types';
import { LineIndex } from './text';

export const MAX_PASSES = 10;

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/** The safe fixes' edits that do not overlap, in document order (the first fix of a finding wins ties). */
export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (!fix.safe) continue;
      // A fix is taken whole or not at all: its edits must not touch any edit already taken.
      // The same edit offered by two findings (one sort for every entry out of order) is made once.
      const fresh = fix.edits.filter((e) => !taken.some((t) => sameEdit(t, e)));
      if (fresh.some((e) => taken.some((t) => overlaps(e, t)))) continue;
      taken.push(...fresh);
      break;
    }
  }
  return taken.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.column === b.column;
}

/** Two edits touch the same text: ranges that intersect, or two insertions at one point (whose order would be a guess). */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (samePosition(a.range.start, b.range.start)) return true;
  return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
}

function sameEdit(a: TextEdit, b: TextEdit): boolean {
  return a.newText === b.newText && a.range.start.line === b.range.start.line && a.range.start.column === b.range.start.column
    && a.range.end.line === b.range.end.line && a.range.end.column === b.range.end.column;
}

/** The text with edits applied (edits in document order, not overlapping). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  let out = '';
  let at = 0;
  for (const e of edits) {
    const start = index.offset(e.range.start);
    const end = index.offset(e.range.end);
    if (start < at) continue;
    out += text.slice(at, start) + e.newText;
    at = end;
  }
  return out + text.slice(at);
}

/** What {@link applyFixes} did: the fixed text and how many edits each pass made. */
export interface FixResult {
  text: string;
  /** Edits applied, over all passes. */
  applied: number;
  passes: number;
}

/** Lints, applies the safe fixes, and again, until none is left; the text is unchanged when there are none. */
export function applyFixes(text: string, options: LintOptions = {}): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const edits = safeEdits(lintText(current, options).findings);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    applied += edits.length;
    current = next;
  }
  return { text: current, applied, passes };
}
