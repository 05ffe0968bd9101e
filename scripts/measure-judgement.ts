// `npm run measure:judgement -- <docs folder> <labels folder> [--details]`
//
// How well action-vague and blame-language agree with a person's reading. The labels are JSON lines
// per document (`<labels folder>/<document name without .md>.jsonl`), written by reading the document:
//   {"kind":"action","line":N,"text":"…","label":"vague|actionable|borderline","reason":"…"}
//   {"kind":"sentence","line":N,"text":"…","label":"blame|neutral","reason":"…"}
// Every action item is labelled, and every sentence with a trigger word or a judgement of people.
//
// action-vague: a labelled item is flagged when a finding starts on its line (or, for an item the parser
// reads, anywhere in it). Items the parser reads as done or dropped are left out (the rule does not judge
// finished work). Borderline items are reported, not scored. Every action item is labelled, so a finding
// on no labelled item is a false alarm.
// blame-language: a labelled sentence is flagged when a finding starts on its line or on one of the
// next two (a wrapped sentence), nearest label first. A finding near no labelled sentence is counted
// as a false alarm: the labeller read that sentence and found nothing to label.
//
// Prints precision and recall per rule, and with --details every miss and false alarm. A measurement,
// not a test: it always exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/core/lint';
import { parsePostmortem } from '../src/core/parse';
import { MEASURE_TODAY } from './measure-corpus-lib';

interface Label {
  kind: 'action' | 'sentence';
  line: number;
  text: string;
  label: 'vague' | 'actionable' | 'borderline' | 'blame' | 'neutral';
  reason?: string;
}

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  notes: string[];
}

const tally = (): Tally => ({ tp: 0, fp: 0, fn: 0, tn: 0, notes: [] });

function readLabels(path: string): Label[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Label);
}

/**
 * Whether a label is the label of a parsed item: on one of its lines, or on the line before it when
 * the label is a headline written on its own line ("**Network redundancy:**" over the item).
 */
function isLabelOf(l: Label, item: { line: number; range: { start: { line: number }; end: { line: number } } }): boolean {
  const headline = /:\s*$/.test(l.text) ? 1 : 0;
  return item.line === l.line || (l.line >= item.range.start.line - headline && l.line <= item.range.end.line);
}

function score(t: Tally): string {
  const p = t.tp + t.fp === 0 ? NaN : t.tp / (t.tp + t.fp);
  const r = t.tp + t.fn === 0 ? NaN : t.tp / (t.tp + t.fn);
  return `precision ${Number.isNaN(p) ? '–' : p.toFixed(2)} (${t.tp}/${t.tp + t.fp})  recall ${Number.isNaN(r) ? '–' : r.toFixed(2)} (${t.tp}/${t.tp + t.fn})`;
}

function main(): void {
  const [docs, labels] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const details = process.argv.includes('--details');
  if (!docs || !labels) {
    console.log('Usage: npm run measure:judgement -- <docs folder> <labels folder> [--details]');
    return;
  }
  const vague = tally();
  const blame = tally();
  let borderline = 0;
  let borderlineFlagged = 0;
  let doneLeftOut = 0;
  let notItems = 0;
  let files = 0;
  for (const name of readdirSync(docs).filter((f) => f.endsWith('.md')).sort()) {
    const own = readLabels(join(labels, name.replace(/\.md$/, '.jsonl')));
    if (!existsSync(join(labels, name.replace(/\.md$/, '.jsonl')))) continue;
    files++;
    const text = readFileSync(join(docs, name), 'utf8');
    const { findings } = lintText(text, { today: MEASURE_TODAY });
    const pm = parsePostmortem(text);
    const vagueFindings = findings.filter((f) => f.ruleId === 'action-vague');
    const vagueLines = new Set(vagueFindings.map((f) => f.range.start.line));
    const norm = (t: string) => t.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
    // Two labelled items on one line (a report of a fix, then a commitment): a finding flags the one it quotes.
    const quotes = (l: Label) => vagueFindings.some((f) => f.range.start.line === l.line && norm(l.text).startsWith(norm(/"([^"]{1,40})/.exec(f.message)?.[1] ?? '')));
    const shared = (l: Label) => own.filter((x) => x.kind === 'action' && x.line === l.line).length > 1;
    for (const l of own.filter((x) => x.kind === 'action')) {
      const item = pm.actionItems.find((i) => isLabelOf(l, i));
      if (item?.done) {
        doneLeftOut++;
        continue;
      }
      // An item written as prose (a commitment in a paragraph) is judged where its sentence starts.
      const flagged = shared(l) ? quotes(l) : item ? vagueLines.has(item.range.start.line) || vagueLines.has(l.line) : vagueLines.has(l.line);
      const where = `${name}:${l.line} ${l.text.slice(0, 100)}`;
      if (l.label === 'borderline') {
        borderline++;
        if (flagged) borderlineFlagged++;
      } else if (l.label === 'vague') {
        if (flagged) vague.tp++;
        else {
          vague.fn++;
          if (!item) notItems++;
          vague.notes.push(`missed   ${where}${item ? '' : ' (not read as an item)'}  — ${l.reason ?? ''}`);
        }
      } else if (flagged) {
        vague.fp++;
        vague.notes.push(`false    ${where}  — ${l.reason ?? ''}`);
      } else vague.tn++;
    }
    // Every action item was labelled: a finding on no labelled item is a false alarm.
    const actionLabels = own.filter((x) => x.kind === 'action');
    for (const line of vagueLines) {
      const item = pm.actionItems.find((i) => line >= i.range.start.line && line <= i.range.end.line);
      const labelled = actionLabels.some((l) => l.line === line || (item !== undefined && isLabelOf(l, item)));
      if (labelled) continue;
      vague.fp++;
      vague.notes.push(`false    ${name}:${line} (no labelled item) ${findings.find((f) => f.ruleId === 'action-vague' && f.range.start.line === line)?.message.slice(0, 110) ?? ''}`);
    }
    const sentences = own.filter((x) => x.kind === 'sentence').sort((a, b) => a.line - b.line);
    const hit = new Set<Label>();
    for (const f of findings.filter((x) => x.ruleId === 'blame-language')) {
      const line = f.range.start.line;
      const near = sentences.filter((s) => line >= s.line && line <= s.line + 2).sort((a, b) => b.line - a.line);
      // Several sentences on one line: the one that holds the quoted phrase.
      const phrase = /"([^"]+)"/.exec(f.message)?.[1]?.toLowerCase().replace(/\s+/g, ' ');
      const norm = (t: string) => t.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ');
      const holding = phrase ? near.filter((s) => norm(s.text).includes(phrase)) : [];
      const label = holding.find((s) => !hit.has(s)) ?? holding[0] ?? near.find((s) => !hit.has(s)) ?? near[0];
      if (!label) {
        blame.fp++;
        blame.notes.push(`false    ${name}:${line} (no labelled sentence) ${f.message.slice(0, 120)}`);
        continue;
      }
      if (hit.has(label)) continue;
      hit.add(label);
    }
    for (const s of sentences) {
      const where = `${name}:${s.line} ${s.text.slice(0, 110)}`;
      if (s.label === 'blame') {
        if (hit.has(s)) blame.tp++;
        else {
          blame.fn++;
          blame.notes.push(`missed   ${where}  — ${s.reason ?? ''}`);
        }
      } else if (hit.has(s)) {
        blame.fp++;
        blame.notes.push(`false    ${where}  — ${s.reason ?? ''}`);
      } else blame.tn++;
    }
  }
  console.log(`${files} labelled documents in ${docs} (today = ${MEASURE_TODAY})`);
  console.log(`action-vague    ${score(vague)}   [${borderline} borderline items, ${borderlineFlagged} flagged; ${doneLeftOut} items read as done left out]`);
  console.log(`                of the vague items the parser reads as items: recall ${(vague.tp / Math.max(1, vague.tp + vague.fn - notItems)).toFixed(2)} (${vague.tp}/${vague.tp + vague.fn - notItems}); ${notItems} vague items are prose the parser does not read as items`);
  console.log(`blame-language  ${score(blame)}`);
  if (details) {
    for (const [rule, t] of [['action-vague', vague], ['blame-language', blame]] as const) {
      console.log(`\n${rule}:`);
      for (const n of t.notes) console.log(`  ${n}`);
    }
  }
}

main();
