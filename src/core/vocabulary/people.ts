/**
 * People named in a postmortem: frontmatter people, action-item owners and timeline actors,
 * gathered one way, with named filters for what each caller needs.
 */
import type { Postmortem } from '../model';
import { isPlaceholderOwner } from './placeholders';

/** Actors that are systems or roles rather than people, recognised at the start of an event. */
export const SYSTEM_ACTORS: readonly string[] = [
  'Monitoring', 'PagerDuty', 'Opsgenie', 'Alertmanager', 'Prometheus', 'Datadog', 'Grafana', 'Sentry', 'Nagios',
  'CloudWatch', 'New Relic', 'Splunk', 'Statuspage', 'Automation', 'CI', 'Deploy pipeline', 'Kubernetes', 'Autoscaler',
  'On-call', 'Support', 'Customer support', 'A customer', 'Customers',
];

/**
 * The system actors owner suggestions leave out (lowercase). A subset of {@link SYSTEM_ACTORS}:
 * Nagios, CloudWatch, New Relic, Splunk, Statuspage, Deploy pipeline and Autoscaler have always
 * been offered as owners; kept so suggestions do not change.
 */
const NOT_OWNERS = new Set([
  'monitoring', 'pagerduty', 'opsgenie', 'alertmanager', 'prometheus', 'datadog', 'grafana', 'sentry', 'ci', 'automation',
  'kubernetes', 'on-call', 'support', 'customers', 'a customer', 'customer support',
]);

/** Where people are named. */
export interface PeopleSources {
  frontmatter: Record<string, unknown> | undefined;
  /** Action-item owners as read (`Alice`, `Bob, Carol`). */
  owners: Iterable<string | undefined>;
  /** Timeline actors in document order, each with the event text it acts in. */
  actors: Iterable<{ actor: string | undefined; text?: string }>;
}

/** How to read names from {@link PeopleSources}. */
export interface PeopleFilter {
  /** Frontmatter keys that name people, in the order they are read. */
  frontmatterKeys: readonly string[];
  /** Read `{ name: … }` objects in frontmatter lists. */
  objects: boolean;
  /** Cut a name at `(` or `<`: `Alice (IC)`, `Bob <bob@example.com>`. */
  cutComments: boolean;
  /** Keep this name (after splitting and trimming). */
  keep(name: string): boolean;
  /** Read names from this actor. */
  keepActor(actor: string): boolean;
  /** Read a bracketed capitalised name in event text (`on-call engineer (Alice)`) as a person. */
  mentions: boolean;
}

/** For recognising actors at the start of timeline events: every name, systems included. */
export const ACTOR_NAMES: PeopleFilter = {
  frontmatterKeys: ['authors', 'author', 'owner', 'owners', 'commander', 'incident_commander', 'ic', 'responders', 'participants', 'on_call', 'oncall'],
  objects: true,
  cutComments: true,
  keep: () => true,
  keepActor: () => true,
  mentions: true,
};

/** For suggesting owners: people only, no placeholders, no systems, no lowercase roles. */
export const OWNER_NAMES: PeopleFilter = {
  frontmatterKeys: ['authors', 'author', 'owner', 'owners', 'commander', 'incident_commander', 'responders', 'participants'],
  objects: false,
  cutComments: false,
  keep: (name) => !isPlaceholderOwner(name),
  keepActor: (actor) => /^[\p{Lu}@]/u.test(actor) && !NOT_OWNERS.has(actor.toLowerCase()),
  mentions: false,
};

/**
 * The people named in the sources, in order of first mention: frontmatter keys, then owners, then
 * actors. Lists separated by `,` or `;` are split; `@` before a handle is dropped; names are 2 to
 * 40 characters.
 */
export function gatherPeople(sources: PeopleSources, filter: PeopleFilter): string[] {
  const names = new Set<string>();
  const add = (v: unknown): void => {
    if (typeof v === 'string') {
      for (const part of v.split(/[,;]/)) {
        const cut = filter.cutComments ? part.search(/[(<]/) : -1;
        const n = (cut >= 0 ? part.slice(0, cut) : part).replace(/^@/, '').trim();
        if (n.length >= 2 && n.length <= 40 && filter.keep(n)) names.add(n);
      }
    } else if (Array.isArray(v)) v.forEach(add);
    else if (filter.objects && v && typeof v === 'object' && 'name' in v) add((v as { name: unknown }).name);
  };
  const data = sources.frontmatter;
  if (data) for (const key of filter.frontmatterKeys) add(data[key]);
  for (const owner of sources.owners) add(owner);
  for (const { actor, text } of sources.actors) {
    if (actor && filter.keepActor(actor)) add(actor);
    if (filter.mentions && text !== undefined) {
      for (const m of text.matchAll(/\((\p{Lu}\p{Ll}{1,20})\)/gu)) add(m[1]);
    }
  }
  return [...names];
}

/** People named in a parsed document, for owner suggestions and quick fixes. */
export function documentPeople(pm: Postmortem): string[] {
  return gatherPeople(
    { frontmatter: pm.frontmatter?.data, owners: pm.actionItems.map((i) => i.owner.value), actors: pm.timeline.events.map((e) => ({ actor: e.actor })) },
    OWNER_NAMES,
  );
}

/**
 * The owners named in the action items of several postmortems (a workspace), most often named
 * first, first seen first on ties: for owner suggestions and quick fixes across documents.
 */
export function rankedOwners(postmortems: Iterable<Postmortem>): string[] {
  const counts = new Map<string, number>();
  for (const pm of postmortems) {
    for (const item of pm.actionItems) {
      for (const name of gatherPeople({ frontmatter: undefined, owners: [item.owner.value], actors: [] }, OWNER_NAMES)) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
