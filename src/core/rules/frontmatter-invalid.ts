import { parseDate } from '../time';
import type { Rule } from './types';

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isStringOrList: Check = (v) => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string' || (x !== null && typeof x === 'object')));

const KNOWN: Record<string, [Check, string]> = {
  title: [isString, 'a text'],
  date: [(v) => (typeof v === 'string' && parseDate(v.trim().slice(0, 10)) !== undefined) || v instanceof Date, 'a date (YYYY-MM-DD)'],
  severity: [(v) => typeof v === 'string' || typeof v === 'number', 'a text or number (SEV-2, 2)'],
  status: [isString, 'a text (draft, in review, final)'],
  authors: [isStringOrList, 'a name or a list of names'],
  owners: [isStringOrList, 'a name or a list of names'],
  tags: [isStringOrList, 'a list of tags'],
  timezone: [isString, 'a time zone (UTC, +02:00, Europe/Berlin)'],
  type: [isString, 'a text (postmortem)'],
};

export const frontmatterInvalid: Rule = {
  id: 'frontmatter-invalid',
  summary: 'Frontmatter is valid YAML and known keys have the right types',
  defaultSeverity: 'error',
  rationale: 'Tools read the frontmatter (the incident date anchors the timeline; exports carry the title). Broken YAML or a date that is not a date silently drops that information.',
  examples: [
    { markdown: '---\ntitle: API outage\ndate: last tuesday\n---\n\n# API outage\n', findings: ['3:1'] },
    { markdown: '---\ntitle: API outage\ndate: 2025-04-14\n---\n\n# API outage\n', findings: [] },
  ],
  check({ postmortem, lines, report }) {
    for (const p of postmortem.problems) {
      if (p.code === 'yaml-syntax' || p.code === 'yaml-not-mapping' || p.code === 'unknown-time-zone') report(p.range, p.message);
    }
    const fm = postmortem.frontmatter;
    if (!fm?.data) return;
    for (const [key, [ok, what]] of Object.entries(KNOWN)) {
      const v = fm.data[key];
      if (v === undefined || v === null || ok(v)) continue;
      // Point at the key's line inside the frontmatter.
      let line = fm.range.start.line;
      for (let l = fm.range.start.line + 1; l < fm.range.end.line; l++) {
        const text = lines.lineText(l);
        if (text.startsWith(key) && /^\s*:/.test(text.slice(key.length))) {
          line = l;
          break;
        }
      }
      report({ start: { line, column: 1 }, end: { line, column: lines.lineText(line).length + 1 } }, `Frontmatter "${key}" should be ${what}`);
    }
  },
};
