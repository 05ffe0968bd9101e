import { parseDocument } from 'yaml';
import type { SectionKind } from './model';
import type { Severity } from './rules/types';
import { sectionKindOf } from './sections';
import type { PriorityLevel } from './vocabulary/priorities';
import { DEFAULT_PRIORITIES, DEFAULT_PRIORITY_MAP } from './vocabulary/priorities';

export type RuleSetting = Severity | 'off' | [Severity | 'off', Record<string, unknown>];

/** The configuration as written in `.postmortem.yaml` or VS Code settings; every key optional. */
export interface Config {
  rules?: Record<string, RuleSetting>;
  /** Section kinds (or headings that name them) that every postmortem must have. */
  requiredSections?: string[];
  /** Priority levels in order of urgency, with what each means. */
  priorities?: Array<string | { id: string; description?: string }>;
  /** Words people write for priorities, mapped to a level: `High: P1`. */
  priorityMap?: Record<string, string>;
  /** Steps a Five Whys chain should reach. */
  whyChainLength?: number;
  /** Ask every open action item for a ticket or link. */
  requireTicket?: boolean;
  /** Globs of files that are postmortems. */
  files?: string[];
  /** P-level to the tracker's priority name, for the Jira and Linear CSV exports. */
  jiraPriorities?: Record<string, string>;
  linearPriorities?: Record<string, string>;
}

/** A configuration with every default filled in. */
export interface ResolvedConfig {
  rules: Record<string, { severity: Severity | 'off'; options: Record<string, unknown> }>;
  requiredSections: SectionKind[];
  priorities: PriorityLevel[];
  priorityMap: Record<string, string>;
  whyChainLength: number;
  requireTicket: boolean;
  files: string[];
}

export type { PriorityLevel } from './vocabulary/priorities';
export { DEFAULT_PRIORITIES, DEFAULT_PRIORITY_MAP } from './vocabulary/priorities';

export const DEFAULT_REQUIRED_SECTIONS: SectionKind[] = ['summary', 'impact', 'timeline', 'root-cause', 'action-items'];

export const DEFAULT_FILES = ['**/postmortems/**/*.md', '**/postmortem/**/*.md', '**/*postmortem*.md', '**/*post-mortem*.md', '**/incidents/**/*.md'];

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/** A problem found in a configuration; the config still applies without the bad part. */
export interface ConfigProblem {
  message: string;
  /** 1-based line in the config file, when known. */
  line?: number | undefined;
}

/**
 * Fills in defaults and checks values. Unknown rule ids and bad values are reported, never thrown;
 * `knownRules` are the ids that exist.
 */
export function resolveConfig(config: Config, knownRules: readonly string[]): { config: ResolvedConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const rules: ResolvedConfig['rules'] = {};
  for (const [id, setting] of Object.entries(config.rules ?? {})) {
    if (!knownRules.includes(id)) {
      problems.push({ message: `Unknown rule "${id}" in rules` });
      continue;
    }
    const [severity, options] = Array.isArray(setting) ? setting : [setting, {}];
    if (typeof severity !== 'string' || !SEVERITIES.has(severity)) {
      problems.push({ message: `Rule "${id}": severity must be off, info, warning or error` });
      continue;
    }
    rules[id] = { severity, options: options && typeof options === 'object' ? options : {} };
  }
  const requiredSections: SectionKind[] = [];
  for (const s of config.requiredSections ?? DEFAULT_REQUIRED_SECTIONS) {
    const kind = typeof s === 'string' ? (sectionKindOf(s) ?? sectionKindOf(s.replace(/-/g, ' '))) : undefined;
    if (kind) requiredSections.push(kind);
    else problems.push({ message: `requiredSections: "${String(s)}" is not a section this tool knows` });
  }
  let priorities = DEFAULT_PRIORITIES;
  if (Array.isArray(config.priorities) && config.priorities.length > 0) {
    priorities = config.priorities.flatMap((p) => {
      if (typeof p === 'string') return [{ id: p, description: '' }];
      if (p && typeof p === 'object' && typeof p.id === 'string') return [{ id: p.id, description: p.description ?? '' }];
      problems.push({ message: 'priorities: each entry is a level name or { id, description }' });
      return [];
    });
  }
  const priorityMap: Record<string, string> = { ...DEFAULT_PRIORITY_MAP };
  for (const [word, level] of Object.entries(config.priorityMap ?? {})) priorityMap[word.toLowerCase()] = String(level);
  let whyChainLength = 5;
  if (config.whyChainLength !== undefined) {
    if (Number.isInteger(config.whyChainLength) && config.whyChainLength >= 1 && config.whyChainLength <= 20) whyChainLength = config.whyChainLength;
    else problems.push({ message: 'whyChainLength must be a whole number from 1 to 20' });
  }
  const files = Array.isArray(config.files) && config.files.every((f) => typeof f === 'string') ? config.files : DEFAULT_FILES;
  return {
    config: { rules, requiredSections, priorities, priorityMap, whyChainLength, requireTicket: config.requireTicket === true, files },
    problems,
  };
}

/**
 * Reads `.postmortem.yaml` text as data only (no tags that run code, no aliases expanding without
 * bound). Bad YAML gives problems and an empty config.
 */
export function parseConfigText(text: string): { config: Config; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
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
  if (data === null || data === undefined) return { config: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) return { config: {}, problems: [{ message: 'The configuration must be a YAML mapping' }] };
  const d = data as Record<string, unknown>;
  const config: Config = {};
  const known = new Set(['rules', 'requiredSections', 'priorities', 'priorityMap', 'whyChainLength', 'requireTicket', 'files', 'jiraPriorities', 'linearPriorities']);
  for (const key of Object.keys(d)) if (!known.has(key)) problems.push({ message: `Unknown key "${key}"` });
  if (d.rules !== undefined) {
    if (d.rules && typeof d.rules === 'object' && !Array.isArray(d.rules)) config.rules = d.rules as Config['rules'] & object;
    else problems.push({ message: 'rules must be a mapping of rule id to severity' });
  }
  if (d.requiredSections !== undefined) {
    if (Array.isArray(d.requiredSections)) config.requiredSections = d.requiredSections.map(String);
    else problems.push({ message: 'requiredSections must be a list' });
  }
  if (Array.isArray(d.priorities)) config.priorities = d.priorities as Config['priorities'] & object;
  if (d.priorityMap && typeof d.priorityMap === 'object' && !Array.isArray(d.priorityMap)) config.priorityMap = d.priorityMap as Record<string, string>;
  if (d.whyChainLength !== undefined) config.whyChainLength = d.whyChainLength as number;
  if (d.requireTicket !== undefined) config.requireTicket = d.requireTicket === true;
  if (Array.isArray(d.files)) config.files = d.files.map(String);
  for (const key of ['jiraPriorities', 'linearPriorities'] as const) {
    const v = d[key];
    if (v && typeof v === 'object' && !Array.isArray(v)) config[key] = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
    else if (v !== undefined) problems.push({ message: `${key} must be a mapping such as { P0: Highest }` });
  }
  return { config, problems };
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
