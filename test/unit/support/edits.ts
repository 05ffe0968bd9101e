// Putting a fix's edits in the order core's applyEdits expects.
import type { TextEdit } from '../../../src/core';

/**
 * The edits in document order, by where each starts: applyEdits expects that order, and a fix's
 * edits need not come in it (a moved line, say, may be deleted after it is inserted above). The sort
 * is stable, so edits starting at one point keep the order the fix gave them.
 */
export function inDocumentOrder(edits: readonly TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column);
}
