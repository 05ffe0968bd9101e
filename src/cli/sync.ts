/**
 * `postmortem sync`: open action items to tickets, and ticket status back to the postmortems.
 * Without `--apply` it prints the plan (what would be created, skipped, marked done) and sends
 * nothing but reads; with it, it creates the tickets, writes their links into the files, and marks
 * done the items whose tickets are closed. Tokens come from the environment and are never printed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Config, PostmortemDocument, PostmortemEngine, TicketFields } from '../core';
import { mergeConfigs } from '../core';
import type { CreateReport, StatusResult, SyncDocument, SyncPlan, Tracker, TrackerConfig, TrackerKind } from '../core/sync';
import { createTickets, makeTracker, markDoneByIds, planSync, readStatuses, ticketFields, trackerSettings, trackerTarget, writeBack } from '../core/sync';
import type { CommandSpec, Parsed } from './args';
import { UsageError } from './args';

export const SYNC: CommandSpec = {
  name: 'sync',
  operands: 'PATH...',
  summary: 'Create a ticket for each open action item that has none, write its link into the postmortem, and mark done the items whose tickets are closed. Without --apply, only prints that plan. The tracker is `tracker:` in .postmortem.yaml; the token comes from GITHUB_TOKEN (GitHub) or JIRA_API_TOKEN with JIRA_EMAIL (Jira Cloud).\nExit status: 0 when everything planned was done (or, without --apply, could be planned), 1 when something failed, 2 for a usage or configuration error.',
  options: {
    tracker: { type: 'string', short: 't', value: 'github|jira', describe: 'The tracker to sync with (default: the configuration\'s `tracker.kind`)' },
    apply: { type: 'boolean', describe: 'Create the tickets, write their links into the files and mark done the items closed in the tracker' },
    config: { type: 'string', short: 'c', value: 'FILE', describe: 'Use this configuration instead of the nearest .postmortem.yaml' },
  },
};

export interface SyncIo {
  out: (s: string) => void;
  err: (s: string) => void;
  env: Record<string, string | undefined>;
  /** For tests: the fetch the clients use. */
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The token and account the environment gives for a tracker; never printed. */
function credentials(kind: TrackerKind, config: TrackerConfig, env: SyncIo['env']): { token: string; email?: string } | { missing: string } {
  if (kind === 'github') {
    const token = env.GITHUB_TOKEN || env.GH_TOKEN;
    return token ? { token } : { missing: 'GITHUB_TOKEN is not set' };
  }
  const token = env.JIRA_API_TOKEN;
  const email = env.JIRA_EMAIL || config.email;
  if (!token) return { missing: 'JIRA_API_TOKEN is not set' };
  return email ? { token, email } : { token };
}

/**
 * The tracker the configuration names, as the command line uses it: GitHub Actions' API URL filled
 * in, where tickets go, and the environment's credentials (or what is missing); or why there is no
 * tracker. Shared by `postmortem sync` and `postmortem lint --tickets-from-tracker`.
 */
export function configuredTracker(config: Config, kind: TrackerKind | undefined, env: SyncIo['env']): { error: string } | {
  settings: { kind: TrackerKind; config: TrackerConfig };
  trackerConfig: TrackerConfig;
  target: string;
  creds: { token: string; email?: string } | { missing: string };
} {
  const settings = trackerSettings(config.tracker, kind);
  if ('error' in settings) return settings;
  // GitHub Actions says which API it runs against (GitHub Enterprise Server included).
  const trackerConfig: TrackerConfig = settings.kind === 'github' && !settings.config.baseUrl && env.GITHUB_API_URL && env.GITHUB_API_URL !== 'https://api.github.com'
    ? { ...settings.config, baseUrl: env.GITHUB_API_URL }
    : settings.config;
  return { settings, trackerConfig, target: trackerTarget(settings.kind, trackerConfig), creds: credentials(settings.kind, trackerConfig, env) };
}

/**
 * `postmortem lint --tickets-from-tracker`: the fields of the tickets linked from open items of
 * documents whose configuration lets tickets carry fields (`ticketsCarry`), read from the
 * configured tracker. Undefined, with the reason on standard error, when they cannot be read (no
 * tracker, no token): the lint then goes on without them.
 */
export async function ticketsFromTracker(docs: readonly PostmortemDocument[], io: Pick<SyncIo, 'err' | 'env' | 'fetch'>): Promise<Map<string, TicketFields> | undefined> {
  const carrying = docs.filter((d) => Array.isArray(d.lookup.config.ticketsCarry) && d.lookup.config.ticketsCarry.length > 0);
  if (carrying.length === 0) {
    io.err('postmortem: tickets not read: no configuration sets ticketsCarry, so no ticket carries fields');
    return undefined;
  }
  const tickets = new Set(carrying.flatMap((d) => d.postmortem.actionItems.filter((i) => !i.done && i.ticket.value).map((i) => i.ticket.value!)));
  if (tickets.size === 0) return new Map();
  const configured = configuredTracker(mergeConfigs(...carrying.map((d) => d.lookup.config)), undefined, io.env);
  if ('error' in configured) {
    io.err(`postmortem: tickets not read: ${configured.error}`);
    return undefined;
  }
  if ('missing' in configured.creds) {
    io.err(`postmortem: tickets not read from ${configured.target}: ${configured.creds.missing}; linting without them`);
    return undefined;
  }
  let tracker: Tracker;
  try {
    tracker = makeTracker(configured.settings.kind, configured.trackerConfig, configured.creds, io.fetch);
  } catch (e) {
    io.err(`postmortem: tickets not read: ${(e as Error).message}`);
    return undefined;
  }
  const statuses = await readStatuses(tickets, tracker);
  for (const [ticket, s] of statuses) if (!s.ok) io.err(`postmortem: ${ticket}: ${s.error}`);
  return ticketFields(statuses);
}

export async function syncCommand({ values, operands }: Parsed, io: SyncIo, engine: PostmortemEngine, displayPath: (p: string) => string): Promise<number> {
  const kindOption = values.tracker as string | undefined;
  if (kindOption !== undefined && kindOption !== 'github' && kindOption !== 'jira') throw new UsageError(`--tracker takes github or jira, not '${kindOption}'`);
  if (operands.length === 0) throw new UsageError('sync needs a FILE or a folder');
  if (operands.includes('-')) throw new UsageError('sync writes files: it cannot read standard input');
  const apply = values.apply === true;

  const docs: Array<SyncDocument & { path: string }> = [];
  let config: Config = {};
  for (const doc of await engine.postmortems(operands.map((o) => o))) {
    config = mergeConfigs(config, doc.lookup.config);
    docs.push({ path: doc.path, file: displayPath(doc.path), source: doc.text, pm: doc.postmortem });
  }
  const configured = configuredTracker(config, kindOption as TrackerKind | undefined, io.env);
  if ('error' in configured) {
    io.err(`postmortem: ${configured.error}`);
    return 2;
  }
  const { settings, trackerConfig, target, creds } = configured;
  if ('missing' in creds && apply) {
    io.err(`postmortem: cannot sync with ${target}: ${creds.missing}`);
    return 2;
  }
  let tracker: Tracker | undefined;
  try {
    // Without a token the plan is still made (links are recognised without a request).
    tracker = makeTracker(settings.kind, trackerConfig, 'missing' in creds ? { token: '' } : creds, io.fetch);
  } catch (e) {
    io.err(`postmortem: ${(e as Error).message}`);
    return 2;
  }
  const linkBase = trackerConfig.linkBase;
  const plan = planSync(docs, tracker, {
    labels: trackerConfig.labels ?? [], people: config.people ?? {},
    ...(linkBase ? { linkTo: (file: string) => `${linkBase.replace(/\/?$/, '/')}${file}` } : {}),
  });
  const statuses = 'missing' in creds ? undefined : await readStatuses(plan.linked.map((l) => l.item.ticket), tracker);
  const closed = plan.linked.filter((l) => { const s = statuses?.get(l.item.ticket); return s?.ok === true && s.status.state === 'closed'; });

  printPlan(io, plan, statuses, closed, target, apply);
  if ('missing' in creds) io.err(`postmortem: ticket status not read and ticket markers not searched: ${creds.missing}`);
  let failed = [...(statuses?.values() ?? [])].filter((s) => !s.ok).length;
  if (!apply) {
    if (plan.create.length + closed.length > 0) io.err('run again with --apply to do this');
    return failed > 0 ? 1 : 0;
  }

  const report = await createTickets(plan, tracker, io.sleep ? { sleep: io.sleep } : {});
  failed += report.failed.length + writeBackAll(io, docs, report) + markClosed(io, docs, closed);
  summary(io, report, closed.length);
  return failed > 0 || report.stopped ? 1 : 0;
}

function printPlan(io: SyncIo, plan: SyncPlan, statuses: Map<string, StatusResult> | undefined, closed: SyncPlan['linked'], target: string, apply: boolean): void {
  io.out(`${apply ? 'Syncing' : 'Plan for'} ${target}:`);
  for (const { doc, item, ticket } of plan.create) {
    const fields = [item.priority, ticket.deadline ? `due ${ticket.deadline}` : '', ticket.assignee ? `→ ${ticket.assignee}` : ''].filter(Boolean).join(' ');
    io.out(`  create     ${doc.file}:${item.line}  ${item.action}${fields ? `  (${fields})` : ''}`);
  }
  for (const { doc, item } of closed) {
    const s = statuses?.get(item.ticket);
    io.out(`  mark done  ${doc.file}:${item.line}  ${item.action}  (${item.ticket}: ${s?.ok ? s.status.detail : 'closed'})`);
  }
  for (const { file, item, reason } of plan.skip) io.out(`  skip       ${file}:${item.line}  ${item.action}  (${reason})`);
  for (const [ticket, s] of statuses ?? []) if (!s.ok) io.err(`postmortem: ${ticket}: ${s.error}`);
  io.err(`${plan.create.length} to create, ${closed.length} to mark done, ${plan.skip.length} skipped`);
}

/** Writes back every created ticket, file by file, reading each file again first; returns how many links were not written. */
function writeBackAll(io: SyncIo, docs: ReadonlyArray<SyncDocument & { path: string }>, report: CreateReport): number {
  let notWritten = 0;
  for (const doc of docs) {
    const links = report.created.filter((c) => c.doc.file === doc.file).map((c) => ({ id: c.item.id, ref: c.ref }));
    if (links.length === 0) continue;
    const { bom, text } = readText(doc.path);
    const back = writeBack(text, doc.file, links);
    if (back.text !== text) writeFileSync(doc.path, bom + back.text);
    for (const c of report.created.filter((x) => x.doc.file === doc.file)) {
      io.out(`  ${c.found ? 'found  ' : 'created'}    ${doc.file}:${c.item.line}  ${c.ref.url}  ${c.item.action}`);
    }
    for (const n of back.notWritten) {
      notWritten++;
      io.err(`postmortem: ${doc.file}: ${n.ref.url} not written back: ${n.reason}`);
    }
  }
  for (const f of report.failed) io.err(`postmortem: ${f.doc.file}:${f.item.line}: ${f.item.action}: ${f.error}`);
  return notWritten;
}

/** Marks done the items whose tickets are closed; returns how many could not be found. */
function markClosed(io: SyncIo, docs: ReadonlyArray<SyncDocument & { path: string }>, closed: SyncPlan['linked']): number {
  let missing = 0;
  for (const doc of docs) {
    const ids = closed.filter((c) => c.doc.file === doc.file).map((c) => c.item.id);
    if (ids.length === 0) continue;
    const { bom, text } = readText(doc.path);
    const result = markDoneByIds(text, doc.file, ids);
    if (result.text !== text) writeFileSync(doc.path, bom + result.text);
    for (const c of closed.filter((x) => x.doc.file === doc.file && result.marked.includes(x.item.id))) io.out(`  marked done ${doc.file}:${c.item.line}  ${c.item.action}`);
    missing += result.notFound.length;
    for (const id of result.notFound) io.err(`postmortem: ${doc.file}: item ${id} not found to mark done (its text changed)`);
  }
  return missing;
}

function readText(path: string): { bom: string; text: string } {
  const raw = readFileSync(path, 'utf8');
  return raw.charCodeAt(0) === 0xfeff ? { bom: '\ufeff', text: raw.slice(1) } : { bom: '', text: raw };
}

function summary(io: SyncIo, report: CreateReport, closed: number): void {
  const created = report.created.filter((c) => !c.found).length;
  const found = report.created.length - created;
  io.err(`${created} created, ${found} found from an earlier run, ${report.failed.length} failed, ${closed} marked done${report.stopped ? `; stopped: ${report.stopped}` : ''}`);
}
