// The one description of the configuration: every top-level key of `.postmortem.yaml` (and its
// `postmortem.<key>` setting) with its JSON Schema, default and documentation, plus each rule's
// options as the rule declares them. `npm run generate` derives from it the `Config` type
// (types.generated.ts), docs/schema/postmortem-config.schema.json, the settings in package.json and
// docs/configuration.md; parseConfigText and resolveConfig validate against it.
import { RULES } from '../rules';
import type { Rule } from '../rules/types';
import type { JsonSchema } from './jsonSchema';
import { TEMPLATE_NAMES, TEMPLATES } from './templates';

export const SEVERITY_SCHEMA: JsonSchema = { type: 'string', enum: ['off', 'info', 'warning', 'error'] };

export interface ConfigKey {
  /** The value's schema, without documentation. */
  schema: JsonSchema;
  markdownDescription: string;
  /** The default, as a user would write it (also the VS Code setting's default). */
  default: unknown;
}

const stringList: JsonSchema = { type: 'array', items: { type: 'string' } };
const stringMap: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

/** Every top-level key, in the order the docs and settings list them. `rules` is filled from the rules. */
export const CONFIG_KEYS: Record<string, ConfigKey> = {
  files: {
    schema: stringList,
    default: ['**/postmortems/**/*.md', '**/postmortem/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'],
    markdownDescription: 'Globs of Markdown files that are postmortems. Files with frontmatter `type: postmortem`, or with both a timeline and action items, count too. Other Markdown is never linted.',
  },
  folder: {
    schema: { type: 'string' },
    default: '',
    markdownDescription: 'Folder, relative to the workspace folder (or to `.postmortem.yaml`), where `Postmortem: New Postmortem` creates files when it is not run on a folder of the Explorer. Empty: the first folder the `files` globs name (`postmortems` by default) if it exists, else the workspace folder.',
  },
  templateFile: {
    schema: { type: 'string' },
    default: '',
    markdownDescription: 'A Markdown file (relative to the workspace folder, or to `.postmortem.yaml`) that `Postmortem: New Postmortem` and the empty-file lens start from instead of the built-in template. `{{title}}`, `{{date}}` and `{{severity}}` are filled in and `{{cursor}}` marks where the cursor goes; snippet fields (`${1:hint}`) work too. Empty: the built-in template.',
  },
  severities: {
    schema: stringList,
    default: ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'],
    markdownDescription: 'The severity scale `Postmortem: New Postmortem` offers, most severe first.',
  },
  ignores: {
    schema: stringList,
    default: [],
    markdownDescription: 'Globs of Markdown files that are never postmortems, even when `files` matches them or their frontmatter says `type: postmortem` (drafts, archives, vendored reports). README, index and template files (`template.md`, `postmortem-template.md`, files under a `templates/` folder, or with `template: true` in their frontmatter) are skipped without being listed. A file named explicitly on the command line is still checked.',
  },
  rules: {
    schema: { type: 'object' },
    default: {},
    markdownDescription: 'Severity of each rule: `off`, `info`, `warning` or `error`, or `[severity, options]`. A `.postmortem.yaml` in the project wins over this setting, so the editor and the CLI agree.',
  },
  template: {
    schema: { type: 'string', enum: TEMPLATE_NAMES },
    default: 'default',
    markdownDescription: 'The postmortem template your team follows: its sections are the ones `section-missing` asks for. `default` (summary, impact, timeline, root cause, action items), `google-sre`, `pagerduty` or `atlassian`; the Templates part of docs/configuration.md says what each requires. A `requiredSections` list wins over it.',
  },
  requiredSections: {
    schema: stringList,
    default: [...TEMPLATES.default.sections],
    markdownDescription: 'Sections every postmortem must have (`section-missing`), instead of the `template`\'s. Headings match by synonym: `Follow-ups` counts as `action-items`, `Five whys` as `root-cause`. Kinds: `summary`, `impact`, `timeline`, `root-cause`, `trigger`, `contributing-factors`, `action-items`, `lessons-learned`, `leadup`, `fault`, `detection`, `resolution`, `what-went-well`, `what-went-wrong`, `where-we-got-lucky`.',
  },
  priorities: {
    schema: {
      type: 'array',
      items: {
        anyOf: [
          { type: 'string' },
          { type: 'object', properties: { id: { type: 'string' }, description: { type: 'string' } }, required: ['id'], additionalProperties: false },
        ],
      },
    },
    default: ['P0', 'P1', 'P2', 'P3'],
    markdownDescription: 'Priority levels of action items, most urgent first: a name, or `{ id, description }` to say what the level means.',
  },
  priorityMap: {
    schema: stringMap,
    default: {},
    markdownDescription: 'Words people write for priorities, mapped to a level, e.g. `{ High: P1 }`; added to the built-in words (`critical`, `high`, `medium`, `low`, `sev1`…).',
  },
  whyChainLength: {
    schema: { type: 'integer', minimum: 1, maximum: 20 },
    default: 5,
    markdownDescription: 'Steps a Five Whys chain should reach (`five-whys-short`, unless its `minSteps` option says otherwise).',
  },
  requireTicket: {
    schema: { type: 'boolean' },
    default: false,
    markdownDescription: 'Ask every open action item for a ticket or link (`action-not-tracked`), even without a Ticket column.',
  },
  jiraPriorities: {
    schema: stringMap,
    default: {},
    markdownDescription: 'Priority level to Jira\'s priority name in the `jira-csv` export, e.g. `{ P0: Blocker }` (default: P0 Highest, P1 High, P2 Medium, P3 Low).',
  },
  linearPriorities: {
    schema: stringMap,
    default: {},
    markdownDescription: 'Priority level to Linear\'s priority name in the `linear-csv` export (default: P0 Urgent, P1 High, P2 Medium, P3 Low).',
  },
  tracker: {
    schema: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['github', 'jira'] },
        repo: { type: 'string' },
        baseUrl: { type: 'string' },
        labels: stringList,
        site: { type: 'string' },
        project: { type: 'string' },
        issueType: { type: 'string' },
        api: { type: 'string', enum: ['cloud', 'datacenter'] },
        email: { type: 'string' },
        priorityMap: stringMap,
        linkBase: { type: 'string' },
        refreshMinutes: { type: 'integer', minimum: 0, maximum: 1440 },
      },
      additionalProperties: false,
    },
    default: {},
    markdownDescription: 'Where `Postmortem: Create Tickets` and `postmortem sync` create tickets for open action items, and whose ticket status they read. GitHub: `{ kind: github, repo: owner/name, labels: [postmortem] }` (`baseUrl: https://ghe.example.com/api/v3` for GitHub Enterprise Server). Jira: `{ kind: jira, site: https://acme.atlassian.net, project: OPS, issueType: Task, priorityMap: { P0: Highest } }` (`api: datacenter` for Jira Data Center; `email` for Jira Cloud, else `JIRA_EMAIL`). `linkBase` (e.g. `https://github.com/acme/ops/blob/main/`) makes each ticket link to its postmortem; `refreshMinutes` is how often the Action Items view reads ticket status while it is open (default 10, 0: only on demand). Tokens are never configured here: the editor keeps them in its secret storage, the CLI reads `GITHUB_TOKEN`, `JIRA_API_TOKEN`.',
  },
  people: {
    schema: stringMap,
    default: {},
    markdownDescription: 'Names as postmortems write owners, mapped to tracker accounts, e.g. `{ Alice: alice-gh }`: a created ticket is assigned to the account (a GitHub login; a Jira account id on Cloud, a user name on Data Center). An owner written `@handle` is used as is; other names are not assigned.',
  },
  ticketsCarry: {
    schema: { type: 'array', items: { type: 'string', enum: ['owner', 'priority', 'deadline'] } },
    default: [],
    markdownDescription: 'Fields an open action item\'s ticket carries, so the item need not write them: `[owner, priority, deadline]`, or some of them. An item with a ticket (link or key) then gets no `action-missing-owner`, `action-missing-priority` or `action-missing-deadline` for those fields. Where the tickets\' status is read (the editor, once tracker sync has read it; `postmortem lint --tickets-from-tracker`), the fields come from the ticket instead and are checked like written ones: owner = assignee, priority, deadline = due date (an unassigned ticket gets `action-missing-owner`, a past due date `action-overdue`); a ticket closed in the tracker needs none. A field the document writes wins over the ticket\'s. Default: none, every item writes its own.',
  },
};

/** A rule's options as a schema: the declared one, or a mapping that allows no keys. */
export function ruleOptionsSchema(rule: Pick<Rule, 'options'> | undefined): JsonSchema {
  return rule?.options?.schema ?? { type: 'object', properties: {}, additionalProperties: false };
}

/** What `rules.<id>` accepts: a severity, or `[severity, options]`. */
export function ruleSettingSchema(rule: Pick<Rule, 'id' | 'summary' | 'defaultSeverity' | 'options'>): JsonSchema {
  return {
    markdownDescription: `${rule.summary} (default: ${rule.defaultSeverity}). [Documentation](docs/rules/${rule.id}.md)`,
    anyOf: [SEVERITY_SCHEMA, { type: 'array', items: [SEVERITY_SCHEMA, ruleOptionsSchema(rule)], minItems: 1, maxItems: 2 }],
  };
}

/** The schema of one top-level key, with its documentation and default. */
export function keySchema(key: string, rules: readonly Rule[] = RULES): JsonSchema {
  const spec = CONFIG_KEYS[key]!;
  const schema: JsonSchema = key === 'rules'
    ? { type: 'object', properties: Object.fromEntries(rules.map((r) => [r.id, ruleSettingSchema(r)])), additionalProperties: false }
    : spec.schema;
  return { ...schema, default: spec.default, markdownDescription: spec.markdownDescription };
}

export const CONFIG_SCHEMA_ID = 'https://postmortem-tools.github.io/postmortem-markdown/postmortem-config.schema.json';

/** The JSON Schema (draft-07) of `.postmortem.yaml`. */
export function configSchema(rules: readonly Rule[] = RULES): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'Postmortem Markdown configuration (.postmortem.yaml)',
    description: 'Generated from src/core/config/schema.ts and the rules by `npm run generate`.',
    type: 'object',
    properties: Object.fromEntries(Object.keys(CONFIG_KEYS).map((k) => {
      const s = keySchema(k, rules);
      return [k, { ...s, description: CONFIG_KEYS[k]!.markdownDescription }];
    })),
    additionalProperties: false,
  };
}

let registrySchema: JsonSchema | undefined;
/** configSchema() of the registered rules, built once. */
export function registryConfigSchema(): JsonSchema {
  return (registrySchema ??= configSchema(RULES));
}
