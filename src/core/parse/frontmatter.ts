/** Reads the YAML frontmatter block: its data, the incident date and the zone it names. */
import type { Nodes } from 'mdast';
import { LineCounter, parseDocument } from 'yaml';
import type { Frontmatter, TimeZone } from '../model';
import { parseDate, parseZone } from '../time';
import type { ParseContext } from './context';
import { spanOf } from './context';

/** Frontmatter keys read as the incident date, first present wins. */
const DATE_KEYS = ['date', 'incident_date', 'incidentDate', 'started', 'start', 'started_at'];
/** Frontmatter keys read as the time zone of the timeline. */
const ZONE_KEYS = ['timezone', 'time_zone', 'timeZone', 'tz'];

/** The first key of `keys` with a value that is neither undefined nor null. */
export function pick(data: Record<string, unknown>, keys: readonly string[]): unknown {
  for (const k of keys) if (data[k] !== undefined && data[k] !== null) return data[k];
  return undefined;
}

/**
 * Reads a `yaml` node. YAML errors become problems at their position (at most five); a document
 * that is not a mapping leaves `data` undefined. A date in the data sets the incident date.
 */
export function readFrontmatter(ctx: ParseContext, node: Nodes & { value: string }): Frontmatter | undefined {
  const value = node.value;
  const s = spanOf(ctx, node);
  if (!s) return undefined;
  const range = ctx.index.range(s.offset, s.offset + s.text.length);
  // The YAML starts on the line after the opening fence.
  const yamlStart = ctx.index.lineStart(range.start.line + 1);
  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { lineCounter, prettyErrors: false, uniqueKeys: false });
  let data: Record<string, unknown> | undefined;
  if (doc.errors.length > 0) {
    for (const err of doc.errors.slice(0, 5)) {
      // An error at the very end (an unclosed quote) points at the last character instead.
      const a = Math.min(err.pos[0], Math.max(0, value.trimEnd().length - 1));
      const b = Math.max(err.pos[1], a + 1);
      ctx.problems.push({
        code: 'yaml-syntax',
        message: `Frontmatter YAML: ${err.message.split('\n')[0]}`,
        range: ctx.index.range(yamlStart + a, yamlStart + Math.min(b, value.length)),
      });
    }
  } else {
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      ctx.problems.push({ code: 'yaml-syntax', message: `Frontmatter YAML: ${(e as Error).message}`, range });
    }
    if (js !== null && typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else if (js !== undefined && js !== null) {
      ctx.problems.push({ code: 'yaml-not-mapping', message: 'Frontmatter must be a YAML mapping of keys to values (title: …, date: …)', range });
    }
  }
  if (data) {
    const date = pick(data, DATE_KEYS);
    const text = date instanceof Date ? date.toISOString().slice(0, 10) : typeof date === 'string' ? date.trim().slice(0, 10) : undefined;
    ctx.dates.incident = text ? parseDate(text) : undefined;
    ctx.dates.current = ctx.dates.incident;
  }
  return { range, raw: value, data };
}

/**
 * The zone the frontmatter names (`timezone: Europe/Berlin`), resolved on the incident date. An
 * unknown zone is reported at the frontmatter.
 */
export function frontmatterZone(ctx: ParseContext, frontmatter: Frontmatter | undefined): TimeZone | undefined {
  const data = frontmatter?.data;
  const raw = data && pick(data, ZONE_KEYS);
  if (typeof raw !== 'string') return undefined;
  const zone = parseZone(raw, 'frontmatter', ctx.dates.incident);
  if (!zone && frontmatter) {
    ctx.problems.push({
      code: 'unknown-time-zone',
      message: `Unknown time zone "${raw}" in frontmatter: use UTC, an offset such as +02:00, or an IANA name such as Europe/Berlin`,
      range: frontmatter.range,
    });
  }
  return zone;
}
