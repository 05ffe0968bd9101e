/**
 * Where "Disable rule for this line" puts its comment (unit-tested in
 * test/unit/extension-codeActions.test.ts). Nothing here imports 'vscode'.
 */

/** A text to insert at a 0-based position. */
export interface Insertion {
  line: number;
  character: number;
  text: string;
}

/**
 * The comment that disables a rule for a 0-based line: at the end of table rows, list items and
 * headings (a comment line there would split the table or list), a comment line above anything
 * else, indented like the line. Undefined inside the YAML frontmatter, where a comment would
 * break it: `frontmatterEnd` is the frontmatter's last line, 1-based (0 without frontmatter).
 */
export function disableComment(lineText: string, line: number, ruleId: string, frontmatterEnd: number): Insertion | undefined {
  if (line < frontmatterEnd) return undefined;
  if (/^\s*(?:\||[-*+]\s|\d+[.)]\s|#)/.test(lineText) || lineText.includes('|')) {
    return { line, character: lineText.length, text: ` <!-- postmortem-disable-line ${ruleId} -->` };
  }
  const indent = /^\s*/.exec(lineText)?.[0] ?? '';
  return { line, character: 0, text: `${indent}<!-- postmortem-disable-next-line ${ruleId} -->\n` };
}
