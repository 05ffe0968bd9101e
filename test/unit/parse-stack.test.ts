// Our Markdown parser registers only the parse side of GFM and frontmatter (see parseMarkdown in
// src/core/parse): its trees must be the ones remark-gfm and remark-frontmatter give, node for node
// and position for position. PARSE_STACK_DOCS=dir1:dir2 compares every Markdown file there too
// (the corpus of real postmortems, which is kept outside the repository).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parseMarkdown } from '../../src/core';
import { repoRoot } from './root';

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** Every Markdown file under `dir`, recursively. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const dirs = [join(repoRoot, 'test/fixtures'), join(repoRoot, 'examples'), ...(process.env.PARSE_STACK_DOCS?.split(':').filter(Boolean) ?? [])];

describe('parseMarkdown gives the trees of remark-parse + remark-gfm + remark-frontmatter', () => {
  for (const dir of dirs) {
    const files = markdownFiles(dir);
    it(`on all ${files.length} Markdown files under ${dir}`, () => {
      assert.ok(files.length > 0, `no Markdown files under ${dir}`);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        assert.deepStrictEqual(parseMarkdown(text), reference.parse(text), file);
      }
    });
  }
  it('on the syntax the extensions add: table, task list, strikethrough, autolink literal, footnote, frontmatter, entities', () => {
    const text = '---\ntitle: x\n---\n\n| a | b |\n| - | :-: |\n| 1 | 2 |\n\n- [x] done\n- [ ] open ~~no~~ www.example.com\n\nSee[^1] &frac58; &Aopf; &amp;\n\n[^1]: Note.\n';
    const tree = parseMarkdown(text);
    assert.deepStrictEqual(tree, reference.parse(text));
    assert.deepEqual(tree.children.map((n) => n.type), ['yaml', 'table', 'list', 'paragraph', 'footnoteDefinition']);
  });
});
