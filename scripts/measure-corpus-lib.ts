// The comparison behind `npm run measure:corpus`: what the parser read out of one document against the
// hand-labelled facts of test/corpus/expected.json (line numbers and ISO times only). Pure functions, so
// test/unit/measure-corpus.test.ts can check them on a document written in the test.
import { lintText } from '../src/core';
import type { Finding, Postmortem, Range } from '../src/core';
import { plainInline } from '../src/core/text';
import { isPlaceholderOwner } from '../src/core/vocabulary/placeholders';

export const MEASURE_TODAY = '2026-11-27';

export interface ExpectedEvent {
  line: number;
  /** ISO as labelled: date-time with offset or `Z`, date-time without offset, a time of day, or null. */
  time: string | null;
  /** For date-only events. */
  date?: string;
}

/** An action item's fields as labelled: only the ones the document gives, and its status. */
export interface ExpectedFields {
  line: number;
  status: 'open' | 'done' | 'dropped';
  owner?: string;
  priority?: string;
  deadline?: string;
  ticket?: string;
}

export interface ExpectedDoc {
  file: string;
  organisation: string;
  events: number;
  timed: number;
  firstTime: string | null;
  lastTime: string | null;
  zone: string | null;
  actionItems: number;
  eventLines: ExpectedEvent[];
  actionLines: number[];
  /** Each labelled item's fields; absent in older expectation files. */
  actionFields?: ExpectedFields[];
}

export type EventOutcome = 'right' | 'wrong' | 'missed';

export interface EventComparison {
  line: number;
  expected: string;
  /** The model's `time.iso`, when an event was found there with a time. */
  got: string | undefined;
  /** The model event's first line, when one was found. */
  modelLine: number | undefined;
  outcome: EventOutcome;
  /** Why it is wrong or missed. */
  reason: string | undefined;
}

export interface DocResult {
  file: string;
  organisation: string;
  timed: number;
  right: number;
  wrong: number;
  missed: number;
  events: EventComparison[];
  /** First lines (and ISO times) of model events that match no labelled event. */
  invented: Array<{ line: number; iso: string | undefined }>;
  /** Lines of `timeline-missing-time` findings that fall on a labelled event with a time. */
  falseMissingTime: number[];
  actions: { labelled: number; found: number[]; missed: number[]; invented: number[] };
  /** Found items whose every labelled field (and status) the model read alike, and the fields it read otherwise. */
  fields: { right: number; wrong: Array<{ line: number; field: string; expected: string; got: string }> };
}

/** Whether a range (end exclusive) includes some character of `line`. */
export function coversLine(range: Range, line: number): boolean {
  if (line < range.start.line || line > range.end.line) return false;
  return line < range.end.line || range.end.column > 1 || range.start.line === range.end.line;
}

interface IsoParts { date: string | undefined; h: number; m: number; s: number; offset: number | undefined }

/** Reads `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` or `HH:MM[:SS][Z|±HH:MM]`. */
export function parseIso(iso: string): IsoParts | undefined {
  const m = /^(?:(\d{4}-\d{2}-\d{2})[T ])?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m) return undefined;
  let offset: number | undefined;
  const z = m[5];
  if (z === 'Z') offset = 0;
  else if (z) {
    const digits = z.slice(1).replace(':', '');
    offset = (z[0] === '-' ? -1 : 1) * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  }
  return { date: m[1], h: Number(m[2]), m: Number(m[3]), s: Number(m[4] ?? 0), offset };
}

function epochSeconds(p: IsoParts): number {
  const [y, mo, d] = (p.date ?? '1970-01-01').split('-').map(Number) as [number, number, number];
  return Date.UTC(y, mo - 1, d, p.h, p.m, p.s) / 1000 - (p.offset ?? 0) * 60;
}

const clock = (p: IsoParts) => p.h * 3600 + p.m * 60 + p.s;

/**
 * Compares a labelled time with the model's ISO. A label with date and offset compares instants; a label
 * with a date but no offset compares local date and time; a time-of-day label compares the time of day.
 * Returns undefined when right, else the reason it is wrong.
 */
export function timeMismatch(expected: string, got: string): string | undefined {
  const e = parseIso(expected);
  const g = parseIso(got);
  if (!e) return `label time "${expected}" not understood`;
  if (!g) return `model time "${got}" not understood`;
  if (e.date !== undefined && e.offset !== undefined) {
    if (g.date === undefined) return 'no date';
    if (g.offset === undefined) return 'no zone';
    if (epochSeconds(e) === epochSeconds(g)) return undefined;
    if (g.date === e.date && clock(g) === clock(e)) return 'wrong zone';
    if (clock(g) === clock(e)) return 'wrong date';
    if (Math.abs(clock(g) - clock(e)) === 12 * 3600) return 'AM/PM';
    return 'wrong instant';
  }
  if (e.date !== undefined) {
    if (g.date === undefined) return 'no date';
    if (g.date === e.date && clock(g) === clock(e)) return undefined;
    if (clock(g) === clock(e)) return 'wrong date';
    if (Math.abs(clock(g) - clock(e)) === 12 * 3600) return 'AM/PM';
    return 'wrong time';
  }
  if (clock(g) === clock(e)) return undefined;
  if (Math.abs(clock(g) - clock(e)) === 12 * 3600) return 'AM/PM';
  return 'wrong time';
}

/** Compares a parsed model and its findings with the expected facts of one document. */
export function compareModel(postmortem: Postmortem, findings: Finding[], expected: ExpectedDoc): DocResult {
  const modelEvents = postmortem.timeline.events;
  const labelled = expected.eventLines;
  // The model event read for a labelled line: one starting on it, else one whose range covers it.
  const eventAt = (line: number) => modelEvents.find((e) => e.line === line) ?? modelEvents.find((e) => coversLine(e.range, line));
  const events: EventComparison[] = [];
  const matched = new Set<number>();
  for (const l of labelled) {
    const e = eventAt(l.line);
    if (e) matched.add(modelEvents.indexOf(e));
    if (!l.time) continue;
    const base = { line: l.line, expected: l.time, modelLine: e?.line };
    if (!e) events.push({ ...base, got: undefined, outcome: 'missed', reason: 'no event' });
    else if (!e.time) events.push({ ...base, got: undefined, outcome: 'missed', reason: 'event without time' });
    else {
      const reason = timeMismatch(l.time, e.time.iso);
      events.push({ ...base, got: e.time.iso, outcome: reason ? 'wrong' : 'right', reason });
    }
  }
  const invented = modelEvents
    .filter((e, i) => !matched.has(i) && !labelled.some((l) => l.line === e.line || coversLine(e.range, l.line)))
    .map((e) => ({ line: e.line, iso: e.time?.iso }));

  const timedLines = labelled.filter((l) => l.time).map((l) => l.line);
  const falseMissingTime = findings
    .filter((f) => f.ruleId === 'timeline-missing-time')
    .map((f) => f.range.start.line)
    .filter((line) => timedLines.some((t) => t === line || modelEvents.some((e) => (e.line === line || coversLine(e.range, line)) && (e.line === t || coversLine(e.range, t)))));

  const items = postmortem.actionItems;
  const itemAt = (line: number) => items.find((a) => a.line === line) ?? items.find((a) => coversLine(a.range, line));
  const found: number[] = [];
  const missed: number[] = [];
  for (const line of expected.actionLines) (itemAt(line) ? found : missed).push(line);
  const inventedItems = items.filter((a) => !expected.actionLines.some((l) => l === a.line || coversLine(a.range, l))).map((a) => a.line);

  const fields: DocResult['fields'] = { right: 0, wrong: [] };
  for (const f of expected.actionFields ?? []) {
    const item = itemAt(f.line);
    if (!item) continue;
    const got: Record<keyof Omit<ExpectedFields, 'line'>, string> = {
      status: item.state,
      owner: isPlaceholderOwner(item.owner.text) ? '' : plainInline(item.owner.text).replace(/^@/, ''),
      priority: item.priority.text,
      deadline: item.deadline.value ?? '',
      ticket: item.ticket.value ?? '',
    };
    let all = true;
    for (const field of ['status', 'owner', 'priority', 'deadline', 'ticket'] as const) {
      const want = f[field] ?? (field === 'status' ? 'open' : '');
      if (fieldAgrees(field, want, got[field])) continue;
      all = false;
      fields.wrong.push({ line: f.line, field, expected: want, got: got[field] });
    }
    if (all) fields.right++;
  }

  const count = (o: EventOutcome) => events.filter((e) => e.outcome === o).length;
  return {
    file: expected.file,
    organisation: expected.organisation,
    timed: events.length,
    right: count('right'),
    wrong: count('wrong'),
    missed: count('missed'),
    events,
    invented,
    falseMissingTime,
    actions: { labelled: expected.actionLines.length, found, missed, invented: inventedItems },
    fields,
  };
}

/** Letters and digits only, lowercase: how two spellings of a name or key are compared. */
function squeeze(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Whether a field was read as labelled: both empty, or the same words. A name read with more words
 * (`Jane Doe` for `Jane`), a ticket read as its URL where the label has its key (or the other way
 * round), and a deadline on the same day agree.
 */
export function fieldAgrees(field: 'status' | 'owner' | 'priority' | 'deadline' | 'ticket', want: string, got: string): boolean {
  const a = squeeze(want);
  const b = squeeze(got);
  if (a === '' || b === '') return a === b;
  if (field === 'deadline') return want.slice(0, 10) === got.slice(0, 10);
  if (field === 'owner' || field === 'ticket') {
    if (a.includes(b) || b.includes(a)) return true;
    const last = (x: string) => squeeze(x.replace(/\/+$/, '').split('/').pop() ?? '');
    return field === 'ticket' && last(want) !== '' && last(want) === last(got);
  }
  return a === b;
}

/** Parses and lints a document the way the product does, then compares. */
export function compareDocument(text: string, expected: ExpectedDoc): DocResult {
  const { postmortem, findings } = lintText(text, { today: MEASURE_TODAY });
  return compareModel(postmortem, findings, expected);
}

export interface Totals {
  documents: number;
  timed: number;
  right: number;
  wrong: number;
  missed: number;
  invented: number;
  falseMissingTime: number;
  actions: number;
  actionsFound: number;
  actionsInvented: number;
  actionsMissed: number;
  /** Found items whose labelled fields were all read alike. */
  actionsWithFields: number;
}

export function totals(results: DocResult[]): Totals {
  const t: Totals = { documents: 0, timed: 0, right: 0, wrong: 0, missed: 0, invented: 0, falseMissingTime: 0, actions: 0, actionsFound: 0, actionsInvented: 0, actionsMissed: 0, actionsWithFields: 0 };
  for (const r of results) {
    t.documents++;
    t.timed += r.timed;
    t.right += r.right;
    t.wrong += r.wrong;
    t.missed += r.missed;
    t.invented += r.invented.length;
    t.falseMissingTime += r.falseMissingTime.length;
    t.actions += r.actions.labelled;
    t.actionsFound += r.actions.found.length;
    t.actionsInvented += r.actions.invented.length;
    t.actionsMissed += r.actions.missed.length;
    t.actionsWithFields += r.fields.right;
  }
  return t;
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${Math.round((100 * n) / d)}%`);

const HEAD = 'timed events | read right | % | wrong | missed | invented events | false missing-time | action items | found | invented | missed | found with fields';

function cells(t: Totals): string {
  return [t.timed, t.right, pct(t.right, t.timed), t.wrong, t.missed, t.invented, t.falseMissingTime, t.actions, t.actionsFound, t.actionsInvented, t.actionsMissed, t.actionsWithFields].join(' | ');
}

/** Markdown tables: per document, per organisation, and the totals. */
export function markdownReport(results: DocResult[]): string {
  const out: string[] = [];
  out.push('## Per document', '', `| document | ${HEAD} |`, `|---|${'---:|'.repeat(12)}`);
  for (const r of results) out.push(`| ${r.file.replace(/\.md$/, '')} | ${cells(totals([r]))} |`);
  out.push('', '## Per organisation', '', `| organisation | documents | ${HEAD} |`, `|---|---:|${'---:|'.repeat(12)}`);
  const orgs = [...new Set(results.map((r) => r.organisation))].sort((a, b) => a.localeCompare(b));
  for (const o of orgs) {
    const t = totals(results.filter((r) => r.organisation === o));
    out.push(`| ${o} | ${t.documents} | ${cells(t)} |`);
  }
  const all = totals(results);
  out.push(`| **total** | ${all.documents} | ${cells(all)} |`);
  return out.join('\n');
}

/** One document's comparison, event by event; `lines` (the document's lines) adds a short excerpt when given. */
export function detailsReport(r: DocResult, lines?: string[]): string {
  const show = (line: number) => (lines ? `  ${(lines[line - 1] ?? '').trim().slice(0, 70)}` : '');
  const out = [`# ${r.file} (${r.organisation})`, '', `Timed events: ${r.timed}, right ${r.right}, wrong ${r.wrong}, missed ${r.missed}`, ''];
  for (const e of r.events) {
    const at = e.modelLine !== undefined && e.modelLine !== e.line ? ` (event at ${e.modelLine})` : '';
    const got = e.got ?? '—';
    out.push(`${e.outcome.padEnd(6)} L${String(e.line).padEnd(4)} expected ${e.expected.padEnd(25)} got ${got.padEnd(25)}${e.reason ? ` ${e.reason}` : ''}${at}${show(e.line)}`);
  }
  out.push('', `Invented events: ${r.invented.length}`);
  for (const e of r.invented) out.push(`  L${String(e.line).padEnd(4)} ${(e.iso ?? 'no time').padEnd(25)}${show(e.line)}`);
  out.push('', `False missing-time findings: ${r.falseMissingTime.length ? r.falseMissingTime.map((l) => `L${l}`).join(', ') : 'none'}`);
  out.push('', `Action items: ${r.actions.labelled} labelled, ${r.actions.found.length} found, ${r.actions.missed.length} missed, ${r.actions.invented.length} invented`);
  for (const l of r.actions.missed) out.push(`  missed   L${String(l).padEnd(4)}${show(l)}`);
  for (const l of r.actions.invented) out.push(`  invented L${String(l).padEnd(4)}${show(l)}`);
  if (r.fields.wrong.length > 0 || r.fields.right > 0) out.push(`Found with their fields as labelled: ${r.fields.right}`);
  for (const w of r.fields.wrong) out.push(`  field    L${String(w.line).padEnd(4)} ${w.field}: expected "${w.expected}", got "${w.got}"`);
  return out.join('\n');
}
