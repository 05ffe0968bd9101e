import { LineCounter, isMap, isPair, isScalar, isSeq, isAlias, parseDocument } from 'yaml';
import type { Document, Node } from 'yaml';
import type { SectionKind } from './model';
import type { CarriedField } from './tickets';
import { RULES } from './rules';
import type { Rule, Severity } from './rules/types';
import { sectionKindOf } from './sections';
import type { PriorityLevel } from './vocabulary/priorities';
import { DEFAULT_PRIORITIES, DEFAULT_PRIORITY_MAP } from './vocabulary/priorities';
import type { JsonPath } from './config/jsonSchema';
import { configSchema, registryConfigSchema } from './config/schema';
import { TEMPLATES } from './config/templates';
import type { Config } from './config/types.generated';
import { errorMessage, validateAndPrune } from './config/validate';

export type { Config };
export { configFromSettings } from './config/settings';

/** A rule's setting in a programmatic config (the generated `Config` has one type per rule). */
export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>?];

/** A configuration with every default filled in. */
export interface ResolvedConfig {
  rules: Record<string, { severity: Severity | 'off'; options: Record<string, unknown> }>;
  requiredSections: SectionKind[];
  priorities: PriorityLevel[];
  priorityMap: Record<string, string>;
  whyChainLength: number;
  requireTicket: boolean;
  /** Fields an open item's ticket carries (`ticketsCarry`); see src/core/tickets.ts. */
  ticketsCarry: CarriedField[];
  files: string[];
}

export type { PriorityLevel } from './vocabulary/priorities';
export { DEFAULT_PRIORITIES, DEFAULT_PRIORITY_MAP } from './vocabulary/priorities';

export const DEFAULT_REQUIRED_SECTIONS: SectionKind[] = [...TEMPLATES.default.sections];

export const DEFAULT_FILES = ['**/postmortems/**/*.md', '**/postmortem/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'];

/** A problem found in a configuration; the config still applies without the bad part. */
export interface ConfigProblem {
  message: string;
  /** 1-based line in the config file, when known. */
  line?: number | undefined;
}

/**
 * Fills in defaults and checks values against the schema (src/core/config/schema.ts), rule options
 * against each rule's declared schema. Unknown keys, unknown rule ids and bad values are reported,
 * never thrown, and left out; the rest applies. `knownRules` are the ids that exist; `rules` are the
 * rule objects whose option schemas apply (the registry by default).
 */
export function resolveConfig(config: Config, knownRules: readonly string[], rules: readonly Rule[] = RULES): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const known = knownRules.map((id) => rules.find((r) => r.id === id) ?? { id, summary: id, defaultSeverity: 'warning' as const });
  const sameAsRegistry = known.length === RULES.length && known.every((r, i) => r === RULES[i]);
  const schema = sameAsRegistry ? registryConfigSchema() : configSchema(known as Rule[]);
  const data = config && typeof config === 'object' && !Array.isArray(config) ? (config as Record<string, unknown>) : {};
  const { value, errors } = validateAndPrune(data, schema);
  const problems: ConfigProblem[] = errors.map((e) => ({ message: errorMessage(e) }));
  const c = value as Config;
  const resolvedRules: ResolvedConfig['rules'] = {};
  for (const [id, setting] of Object.entries(c.rules ?? {})) {
    if (setting === undefined) continue;
    const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
    resolvedRules[id] = { severity, options: { ...(options ?? {}) } };
  }
  const requiredSections: SectionKind[] = [];
  // An explicit list wins over the template's.
  for (const s of c.requiredSections ?? TEMPLATES[c.template ?? 'default'].sections) {
    const kind = sectionKindOf(s) ?? sectionKindOf(s.replace(/-/g, ' '));
    if (kind) requiredSections.push(kind);
    else problems.push({ message: `requiredSections: "${s}" is not a section this tool knows` });
  }
  const priorities = c.priorities && c.priorities.length > 0
    ? c.priorities.map((p) => (typeof p === 'string' ? { id: p, description: '' } : { id: p.id, description: p.description ?? '' }))
    : DEFAULT_PRIORITIES;
  const priorityMap: Record<string, string> = { ...DEFAULT_PRIORITY_MAP };
  for (const [word, level] of Object.entries(c.priorityMap ?? {})) if (level !== undefined) priorityMap[word.toLowerCase()] = level;
  return {
    config: {
      rules: resolvedRules,
      requiredSections,
      priorities,
      priorityMap,
      whyChainLength: c.whyChainLength ?? 5,
      requireTicket: c.requireTicket === true,
      files: c.files ?? DEFAULT_FILES,
      ticketsCarry: [...new Set(c.ticketsCarry ?? [])],
    },
    problems,
  };
}

/** The options a rule runs with: its declared defaults, overridden by the configured (validated) ones. */
export function ruleOptions(rule: Pick<Rule, 'id' | 'options'>, config: ResolvedConfig): Record<string, unknown> {
  const defaults = rule.options?.defaults;
  return { ...(typeof defaults === 'function' ? defaults(config) : defaults), ...config.rules[rule.id]?.options };
}

/**
 * Reads `.postmortem.yaml` text as data only (no tags that run code, no aliases expanding without
 * bound) and checks it against the schema. Bad YAML gives problems and an empty config; unknown
 * keys and bad values give problems (with their line) and are left out, the rest applies.
 */
export function parseConfigText(text: string): { config: Config; problems: ConfigProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { config: {}, problems: [{ message: `YAML: ${e.message.split('\n')[0]}`, line: e.linePos?.[0]?.line }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    return { config: {}, problems: [{ message: `YAML: ${(e as Error).message}` }] };
  }
  if (data === null || data === undefined) return { config: {}, problems: [] };
  if (typeof data !== 'object' || Array.isArray(data)) return { config: {}, problems: [{ message: 'The configuration must be a YAML mapping', line: 1 }] };
  const { value, errors } = validateAndPrune(data as Record<string, unknown>, registryConfigSchema());
  const problems = errors.map((e) => {
    const offset = offsetOf(doc, e.path);
    return { message: errorMessage(e), line: offset === undefined ? undefined : lineCounter.linePos(offset).line };
  });
  return { config: value as Config, problems };
}

/** Where the value at `path` starts in the YAML text (its key, for a mapping entry), if known. */
function offsetOf(doc: Document, path: JsonPath): number | undefined {
  let node: unknown = doc.contents;
  let at: number | undefined = (node as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) return at;
      at = (pair.key as Node | null)?.range?.[0] ?? at;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      at = (node as Node | null)?.range?.[0] ?? at;
    } else return at;
  }
  return at;
}

/** Merges configurations: later ones win key by key; rules merge rule by rule. */
export function mergeConfigs(...configs: Config[]): Config {
  const out: Config = {};
  for (const c of configs) {
    const { rules, ...rest } = c;
    Object.assign(out, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
    if (rules) out.rules = { ...(out.rules ?? {}), ...rules };
  }
  return out;
}
