import * as vscode from 'vscode';
import type { Config, LintedDocument } from '../core';
import { PostmortemEngine } from '../core';
import type { VsCodeHost } from './host';
import { VsCodeHosts } from './host';
import { configProblemReport } from './lint-logic';
import { settingsConfig } from './settings';

/** A host and the engine over it. */
export interface HostEngine {
  host: VsCodeHost;
  engine: PostmortemEngine;
}

/**
 * The extension's {@link PostmortemEngine}s: one per host (scheme and authority), made on first
 * use, with the `postmortem.*` settings filling in what a `.postmortem.yaml` does not set. Engine
 * paths are URI paths (`uri.path`); `host.uri(path)` maps them back.
 */
export class Engines {
  private readonly hosts = new VsCodeHosts();
  private readonly engines = new Map<VsCodeHost, PostmortemEngine>();
  /** Configuration files (or the settings) whose problems the output channel has shown. */
  private readonly reported = new Set<string>();

  constructor(private readonly log: vscode.OutputChannel) {}

  for(uri: vscode.Uri): HostEngine {
    const host = this.hosts.for(uri);
    let engine = this.engines.get(host);
    if (!engine) {
      engine = new PostmortemEngine(host, { settings: (path) => settingsConfig(host.uri(path)) });
      this.engines.set(host, engine);
    }
    return { host, engine };
  }

  /** Forgets cached configuration files (one changed, or the settings did). */
  clear(): void {
    for (const engine of this.engines.values()) engine.clear();
    this.reported.clear();
  }

  /** The configuration in force for a document. */
  async configFor(uri: vscode.Uri): Promise<Config> {
    return (await this.for(uri).engine.configFor(uri.path)).config;
  }

  /** The workspace folders grouped by host: each engine searches its folders in one go (nested folders once). */
  workspaceFolders(): Array<HostEngine & { paths: string[] }> {
    const groups = new Map<VsCodeHost, HostEngine & { paths: string[] }>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const hostEngine = this.for(folder.uri);
      let group = groups.get(hostEngine.host);
      if (!group) {
        group = { ...hostEngine, paths: [] };
        groups.set(hostEngine.host, group);
      }
      group.paths.push(folder.uri.path);
    }
    return [...groups.values()];
  }

  /** Shows what is wrong with the configuration of a linted document, once per configuration file. */
  reportConfigProblems(host: VsCodeHost, linted: LintedDocument): void {
    const report = configProblemReport(linted.lookup.file ? host.uri(linted.lookup.file.path).toString() : undefined, linted.configProblems);
    if (!report || this.reported.has(report.source)) return;
    this.reported.add(report.source);
    this.log.appendLine(report.line);
  }
}
