// Generates what is derived from the rule registry: docs/rules/<id>.md, the rules table in the
// README and the `postmortem.*` settings schema in package.json. `npm run generate` writes them
// (through scripts/generate-main.ts);
// test/unit/generated.test.ts fails when the committed files drift from the registry.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PRIORITIES, RULES } from '../src/core';
import type { Rule } from '../src/core';

export const README_START = '<!-- rules-table:start (generated from src/core/rules by `npm run generate`) -->';
export const README_END = '<!-- rules-table:end -->';

export function docsPage(rule: Rule): string {
  return `# ${rule.id}

${rule.summary}.

- Default severity: **${rule.defaultSeverity}**
- Configure: \`rules: { ${rule.id}: off | info | warning | error }\` in \`.postmortem.yaml\`, or the \`postmortem.rules\` setting
- Silence one line: \`<!-- postmortem-disable-next-line ${rule.id} -->\` on the line above, or \`<!-- postmortem-disable-line ${rule.id} -->\` at its end

## Why

${rule.rationale}

## Flagged

\`\`\`markdown
${rule.examples.bad}
\`\`\`

## Fine

\`\`\`markdown
${rule.examples.good}
\`\`\`
`;
}

export function rulesTable(): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.defaultSeverity} | ${r.summary.replace(/\|/g, '\\|')} |`);
  return [README_START, '', '| Rule | Default | Checks that |', '| --- | --- | --- |', ...rows, '', README_END].join('\n');
}

/** The `contributes.configuration` block of package.json. */
export function configurationSchema() {
  const severity = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };
  return {
    title: 'Postmortem Markdown',
    properties: {
      'postmortem.lint.enable': {
        type: 'boolean', default: true, scope: 'resource',
        markdownDescription: 'Lint postmortem Markdown documents as you type.',
      },
      'postmortem.lint.debounce': {
        type: 'number', default: 300, minimum: 0, maximum: 5000, scope: 'resource',
        markdownDescription: 'Milliseconds to wait after the last keystroke before linting.',
      },
      'postmortem.lint.maxProblems': {
        type: 'number', default: 500, minimum: 1, scope: 'resource',
        markdownDescription: 'Most findings shown per document; one more line says how many were left out.',
      },
      'postmortem.maxFileSize': {
        type: 'number', default: 5000000, minimum: 1000, scope: 'resource',
        markdownDescription: 'Documents larger than this many characters are not linted or previewed (one notice says so), so a huge generated file cannot freeze the extension host.',
      },
      'postmortem.files': {
        type: 'array', items: { type: 'string' }, scope: 'resource',
        default: ['**/postmortems/**/*.md', '**/postmortem/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'],
        markdownDescription: 'Globs of Markdown files that are postmortems. Files with frontmatter `type: postmortem`, or with both a timeline and action items, count too. Other Markdown is never linted.',
      },
      'postmortem.rules': {
        type: 'object', default: {}, scope: 'resource',
        markdownDescription: 'Severity of each rule: `off`, `info`, `warning` or `error`, or `[severity, options]`. A `.postmortem.yaml` in the project wins over this setting, so the editor and the CLI agree.',
        properties: Object.fromEntries(RULES.map((r) => [r.id, {
          markdownDescription: `${r.summary} (default: ${r.defaultSeverity}). [Documentation](docs/rules/${r.id}.md)`,
          anyOf: [severity, { type: 'array', items: [severity, { type: 'object' }], minItems: 1, maxItems: 2 }],
        }])),
        additionalProperties: false,
      },
      'postmortem.requiredSections': {
        type: 'array', items: { type: 'string' }, scope: 'resource',
        default: ['summary', 'impact', 'timeline', 'root-cause', 'action-items'],
        markdownDescription: 'Sections every postmortem must have (`section-missing`). Headings match by synonym: `Follow-ups` counts as `action-items`, `Five whys` as `root-cause`.',
      },
      'postmortem.priorities': {
        type: 'array', items: { type: 'string' }, scope: 'resource',
        default: DEFAULT_PRIORITIES.map((p) => p.id),
        markdownDescription: 'Priority levels of action items, most urgent first.',
      },
      'postmortem.whyChainLength': {
        type: 'number', default: 5, minimum: 1, maximum: 20, scope: 'resource',
        markdownDescription: 'Steps a Five Whys chain should reach (`five-whys-short`).',
      },
      'postmortem.requireTicket': {
        type: 'boolean', default: false, scope: 'resource',
        markdownDescription: 'Ask every open action item for a ticket or link (`action-not-tracked`), even without a Ticket column.',
      },
    },
  };
}

/** Writes every generated file. */
export function writeGenerated(root: string): void {
  mkdirSync(join(root, 'docs', 'rules'), { recursive: true });
  for (const rule of RULES) writeFileSync(join(root, 'docs', 'rules', `${rule.id}.md`), docsPage(rule));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const a = readme.indexOf(README_START);
  const b = readme.indexOf(README_END);
  if (a < 0 || b < 0) throw new Error('README.md has no rules-table markers');
  writeFileSync(join(root, 'README.md'), readme.slice(0, a) + rulesTable() + readme.slice(b + README_END.length));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  pkg.contributes.configuration = configurationSchema();
  writeFileSync(join(root, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

