/**
 * The one pipeline behind `postmortem lint|export`, the editor's diagnostics, Lint Workspace, the
 * workspace export and the owner index: find the configuration, find the postmortems, parse, lint.
 * Everything outside goes through a {@link WorkspaceHost}, so the CLI, the extension and the tests
 * run exactly this code, and the editor shows what CI will say.
 *
 * Configuration lookup: the nearest `.postmortem.yaml` in the file's folder or above it, up to and
 * including the repository root (the first folder that holds `.git`), or the file-system root when
 * there is no repository. Only the nearest file applies (files do not cascade). Editor settings,
 * where given, fill in only the keys that file does not set. The `files` globs are matched against
 * the path relative to the folder of that configuration file, else relative to the repository root.
 */
import type { Config, ConfigProblem } from './config';
import { DEFAULT_FILES, mergeConfigs, parseConfigText } from './config';
import { isPostmortem, isTemplateOrIndex, matchesAnyGlob } from './files';
import type { WorkspaceHost } from './host';
import { IncrementalParser } from './incremental';
import type { LintOptions } from './lint';
import { lintPostmortem } from './lint';
import type { Postmortem } from './model';
import { parsePostmortem } from './parse';
import { dirname, joinPath, normalizePath, relativePath } from './paths';
import type { Finding } from './rules/types';
import { stripBom } from './text';

export const CONFIG_FILE = '.postmortem.yaml';

/** Folders never searched for postmortems (folders whose name starts with a dot are skipped too). */
export const SKIPPED_FOLDERS: readonly string[] = ['node_modules', 'dist', 'out', 'build', 'vendor', 'target', 'coverage'];

/** The configuration that applies to a file, and where it came from. */
export interface ConfigLookup {
  config: Config;
  /** The `.postmortem.yaml` in force, with what was wrong in it. */
  file: { path: string; problems: ConfigProblem[] } | undefined;
  /** The folder the `files` globs are relative to. */
  base: string | undefined;
}

/** A postmortem read through the engine: its text (without a byte order mark) and model. */
export interface PostmortemDocument {
  path: string;
  text: string;
  postmortem: Postmortem;
  lookup: ConfigLookup;
}

export interface LintedDocument extends PostmortemDocument {
  findings: Finding[];
  configProblems: ConfigProblem[];
}

export interface EngineOptions {
  /** Use this configuration file for every document instead of looking one up (`--config`). */
  configFile?: string;
  /** Editor settings for a path: they fill in what the configuration file does not set. */
  settings?: (path: string) => Config;
}

export interface ReadOptions {
  /** The text to use instead of reading the file (an editor's current text). */
  text?: string;
  /** The parser to use; an {@link IncrementalParser} of its own by default (linear on long tables). */
  parser?: { parse(text: string): import('mdast').Root };
  /** A file named on purpose (on the command line) is read even when it does not look like a postmortem. */
  explicit?: boolean;
}

export type EngineLintOptions = ReadOptions & Pick<LintOptions, 'today' | 'workspacePeople' | 'onRuleError' | 'tickets'>;

/** A path that was asked for and does not exist. */
export class MissingPathError extends Error {
  constructor(readonly path: string) {
    super(`${path}: no such file or folder`);
  }
}

export class PostmortemEngine {
  private readonly configs = new Map<string, Promise<{ config: Config; problems: ConfigProblem[] } | undefined>>();
  private readonly lookups = new Map<string, Promise<{ file: string | undefined; root: string | undefined }>>();

  constructor(private readonly host: WorkspaceHost, private readonly options: EngineOptions = {}) {}

  /** Forgets cached configuration files (after one changed). */
  clear(): void {
    this.configs.clear();
    this.lookups.clear();
  }

  /** The configuration for a file (see the module comment for where lookup stops). */
  async configFor(path: string): Promise<ConfigLookup> {
    const file = normalizePath(path);
    const found = this.options.configFile !== undefined
      ? { file: normalizePath(this.options.configFile), root: undefined }
      : await this.findConfig(dirname(file));
    const loaded = found.file !== undefined ? await this.loadConfig(found.file) : undefined;
    const fromFile = loaded?.config ?? {};
    const config = this.options.settings ? mergeConfigs(this.options.settings(file), fromFile) : fromFile;
    return {
      config,
      file: found.file !== undefined && loaded ? { path: found.file, problems: loaded.problems } : undefined,
      base: found.file !== undefined && loaded ? dirname(found.file) : found.root,
    };
  }

  /**
   * Reads a document and decides whether it is a postmortem; undefined when it is not (and was not
   * named explicitly) or cannot be read.
   */
  async read(path: string, options: ReadOptions = {}): Promise<PostmortemDocument | undefined> {
    const file = normalizePath(path);
    const raw = options.text ?? (await this.host.readFile(file));
    if (raw === undefined) return undefined;
    const text = stripBom(raw);
    const lookup = await this.configFor(file);
    const postmortem = parsePostmortem(text, { parser: options.parser ?? new IncrementalParser() });
    if (!options.explicit && !this.isPostmortem(file, postmortem, lookup)) return undefined;
    return { path: file, text, postmortem, lookup };
  }

  /** Whether a parsed document is a postmortem under the configuration that applies to it. */
  isPostmortem(path: string, postmortem: Postmortem, lookup: ConfigLookup): boolean {
    // Only the globs are needed: no full resolve (and schema check) per keystroke; lint resolves once.
    const files = lookup.config.files;
    const globs = Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : DEFAULT_FILES;
    const relative = lookup.base !== undefined ? relativePath(lookup.base, path) : undefined;
    const ignores = lookup.config.ignores;
    // README, index and template files, and the configured ignores, are never postmortems.
    if (isTemplateOrIndex(relative ?? path, postmortem)) return false;
    if (Array.isArray(ignores) && matchesAnyGlob(relative ?? path, ignores.filter((g): g is string => typeof g === 'string'))) return false;
    return isPostmortem(postmortem, relative ?? path, globs);
  }

  /** Reads and lints one document; undefined when it is not a postmortem. */
  async lint(path: string, options: EngineLintOptions = {}): Promise<LintedDocument | undefined> {
    const doc = await this.read(path, options);
    if (!doc) return undefined;
    const { findings, configProblems } = lintPostmortem(doc.postmortem, doc.text, {
      config: doc.lookup.config,
      ...(options.today !== undefined ? { today: options.today } : {}),
      ...(options.workspacePeople !== undefined ? { workspacePeople: options.workspacePeople } : {}),
      ...(options.onRuleError !== undefined ? { onRuleError: options.onRuleError } : {}),
      ...(options.tickets !== undefined ? { tickets: options.tickets } : {}),
    });
    return { ...doc, findings, configProblems: [...(doc.lookup.file?.problems ?? []), ...configProblems] };
  }

  /**
   * The files to read for some paths: a file stands for itself (explicit), a folder for the
   * Markdown files under it, sorted. A path that does not exist throws {@link MissingPathError}.
   */
  async collect(paths: readonly string[]): Promise<Array<{ path: string; explicit: boolean }>> {
    const out: Array<{ path: string; explicit: boolean }> = [];
    const seen = new Set<string>();
    for (const p of paths) {
      const path = normalizePath(p);
      const kind = await this.host.stat(path);
      if (!kind) throw new MissingPathError(p);
      const files = kind === 'directory' ? (await this.host.listMarkdown(path, SKIPPED_FOLDERS)).map(normalizePath).sort() : [path];
      for (const f of files) {
        if (seen.has(f)) continue;
        seen.add(f);
        out.push({ path: f, explicit: kind === 'file' });
      }
    }
    return out;
  }

  /** Every postmortem under the paths (folders searched, files taken as named), read once each. */
  async postmortems(paths: readonly string[], onEach?: (doc: PostmortemDocument) => void): Promise<PostmortemDocument[]> {
    const out: PostmortemDocument[] = [];
    for (const { path, explicit } of await this.collect(paths)) {
      const doc = await this.read(path, { explicit });
      if (!doc) continue;
      out.push(doc);
      onEach?.(doc);
    }
    return out;
  }

  /** Lints every postmortem under the paths. */
  async lintFiles(paths: readonly string[], options: Omit<EngineLintOptions, 'text' | 'explicit' | 'parser'> & { searchFiles?: boolean } = {}): Promise<LintedDocument[]> {
    const out: LintedDocument[] = [];
    const { searchFiles = false, ...lintOptions } = options;
    for (const { path, explicit } of await this.collect(paths)) {
      // `searchFiles`: a named file counts only when it is a postmortem, as in a folder (changed-file lists).
      const result = await this.lint(path, { ...lintOptions, explicit: explicit && !searchFiles });
      if (result) out.push(result);
    }
    return out;
  }

  private findConfig(folder: string): Promise<{ file: string | undefined; root: string | undefined }> {
    let hit = this.lookups.get(folder);
    if (!hit) {
      hit = (async () => {
        if (await this.host.stat(joinPath(folder, CONFIG_FILE)) === 'file') return { file: joinPath(folder, CONFIG_FILE), root: folder };
        if (await this.host.stat(joinPath(folder, '.git')) !== undefined) return { file: undefined, root: folder };
        const parent = dirname(folder);
        if (parent === folder || parent === '.') return { file: undefined, root: undefined };
        return this.findConfig(parent);
      })();
      this.lookups.set(folder, hit);
    }
    return hit;
  }

  private loadConfig(path: string): Promise<{ config: Config; problems: ConfigProblem[] } | undefined> {
    let hit = this.configs.get(path);
    if (!hit) {
      hit = this.host.readFile(path).then((text) => (text === undefined ? undefined : parseConfigText(text)));
      this.configs.set(path, hit);
    }
    return hit;
  }
}
