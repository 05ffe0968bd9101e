/**
 * A tracker from the configuration (`tracker:` in `.postmortem.yaml` or the `postmortem.tracker`
 * setting) and credentials the caller found (environment on the command line, secret storage in the
 * editor). What is missing is said in words a user can act on, never guessed.
 */
import type { Config } from '../config';
import { githubTracker } from './github';
import { jiraTracker } from './jira';
import type { Fetch, Tracker } from './types';
import { hostOf } from './url';

export type TrackerConfig = NonNullable<Config['tracker']>;
export type TrackerKind = 'github' | 'jira';

export interface Credentials {
  token: string;
  /** Jira Cloud: the account's email (basic authentication with an API token). */
  email?: string | undefined;
}

/** The tracker settings for `kind`, or why they are not enough. */
export function trackerSettings(config: TrackerConfig | undefined, kind: TrackerKind | undefined): { kind: TrackerKind; config: TrackerConfig } | { error: string } {
  const c = config ?? {};
  const chosen = kind ?? c.kind;
  if (!chosen) return { error: 'no tracker is configured: add `tracker: { kind: github, repo: owner/name }` or `tracker: { kind: jira, site: https://…, project: KEY }` to .postmortem.yaml' };
  if (c.kind && kind && c.kind !== kind) return { error: `the configuration's tracker is ${c.kind}, not ${kind}` };
  if (chosen === 'github' && !c.repo) return { error: 'the GitHub tracker needs `repo: owner/name` under `tracker:` in .postmortem.yaml' };
  if (chosen === 'jira' && (!c.site || !c.project)) return { error: 'the Jira tracker needs `site:` (https://…) and `project:` (a project key) under `tracker:` in .postmortem.yaml' };
  return { kind: chosen, config: c };
}

/** `owner/name` or `KEY on host`: where tickets go, before any client exists. */
export function trackerTarget(kind: TrackerKind, config: TrackerConfig): string {
  if (kind === 'github') return config.repo ?? '';
  return `${config.project ?? ''} on ${hostOf(config.site ?? '')}`;
}


export function makeTracker(kind: TrackerKind, config: TrackerConfig, credentials: Credentials, fetch?: Fetch): Tracker {
  if (kind === 'github') {
    return githubTracker({
      token: credentials.token, repo: config.repo!, labels: config.labels ?? [],
      ...(config.baseUrl ? { baseUrl: config.baseUrl } : {}),
      ...(fetch ? { fetch: fetch as typeof globalThis.fetch } : {}),
    });
  }
  return jiraTracker({
    site: config.site!, project: config.project!, token: credentials.token, labels: config.labels ?? [],
    ...(config.issueType ? { issueType: config.issueType } : {}),
    ...(config.api ? { api: config.api } : {}),
    ...(credentials.email ?? config.email ? { email: credentials.email ?? config.email } : {}),
    ...(config.priorityMap ? { priorityMap: config.priorityMap } : {}),
    ...(fetch ? { fetch } : {}),
  });
}
