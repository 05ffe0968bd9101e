// The panel's view model, `postmortem timeline --format json|text|svg`, the hover on a time and the
// computed metrics are views of one model: on every fixture they must show the same events at the
// same times, the same milestones and the same metric figures with the same reading.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { timelineJson, timelineText } from '../../src/cli/timeline';
import { RULE_IDS, formatMinutes, parsePostmortem, resolveConfig } from '../../src/core';
import { hoverAt } from '../../src/core/authoring';
import { describeReading } from '../../src/core/vocabulary/metrics';
import { escapeXml, timelineSvg, timelineViewModel } from '../../src/core/timelineView';
import { repoRoot } from './root';

const dir = join(repoRoot, 'test/fixtures');
const today = '2026-11-27';
const pad = (n: number) => String(n).padStart(2, '0');
const config = resolveConfig({}, RULE_IDS).config;

describe('panel, timeline json/text/svg, hovers and metrics agree on every fixture', () => {
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.md'))) {
    it(name, () => {
      const text = readFileSync(join(dir, name), 'utf8');
      const pm = parsePostmortem(text);
      const vm = timelineViewModel(pm, today);
      const json = timelineJson(name, pm);
      const txt = timelineText(name, pm);
      const svg = timelineSvg(vm);
      assert.equal(vm.events.length, pm.timeline.events.length, 'panel events');
      assert.equal(json.events.length, pm.timeline.events.length, 'json events');
      // The event rows of the text output, in order: `  <line>  <date time>  <text>`.
      const rows = txt.split('\n').filter((l) => /^ {2}[ \d]{3}\d {2}\S/.test(l));
      assert.equal(rows.length, pm.timeline.events.length, 'text rows');
      pm.timeline.events.forEach((e, i) => {
        const v = vm.events[i]!;
        const j = json.events[i]!;
        assert.equal(v.line, e.line);
        assert.equal(j.line, e.line);
        assert.equal(j.time, e.time?.iso ?? null, `json time, line ${e.line}`);
        assert.equal(j.kind, e.kind ?? null);
        assert.equal(v.kind, e.kind);
        const clock = e.time ? `${pad(e.time.hour)}:${pad(e.time.minute)}` : undefined;
        assert.equal(v.time, clock, `panel time, line ${e.line}`);
        assert.equal(v.date, e.time?.date, `panel date, line ${e.line}`);
        // The text output prints the local clock (and the day) of each event on its line.
        const row = rows[i] ?? '';
        assert.ok(row?.trimStart().startsWith(`${e.line} `), `text row for line ${e.line}: ${row}`);
        if (e.time) assert.ok(row.includes(`${clock}:${pad(e.time.second)}`), `text time, line ${e.line}: ${row}`);
        if (e.time?.date) assert.ok(row.includes(e.time.date), `text date, line ${e.line}`);
        if (clock) assert.ok(svg.includes(`>${clock}</text>`), `svg time ${clock}, line ${e.line}`);
        // A hover on the time shows the same instant.
        if (e.time) {
          const h = hoverAt(pm, e.time.range.start, today, config);
          assert.ok(h?.markdown.includes(`**${e.time.iso}**`), `hover, line ${e.line}`);
        }
      });
      // One badge per milestone, on the milestone's event.
      for (const [kind, ref] of Object.entries(pm.computedMetrics.milestones)) {
        if (kind === 'impact-end' || kind === 'declared') continue;
        const badged = vm.events.filter((v) => v.milestone === kind);
        assert.deepEqual(badged.map((v) => v.line), [ref.line], `badge ${kind}`);
      }
      // Every metric: the same minutes and reading in the model, the panel, json, text and svg.
      for (const v of vm.metrics) {
        const m = pm.computedMetrics.metrics[v.metric];
        assert.equal(v.minutes, m?.minutes, `panel ${v.metric}`);
        const jm = (json.metrics as Record<string, { minutes: number; reading: string }>)[v.metric];
        assert.equal(jm?.minutes, m?.minutes, `json ${v.metric}`);
        if (!m) continue;
        const reading = describeReading(m);
        assert.equal(v.basis, reading);
        assert.equal(jm!.reading, reading);
        assert.ok(txt.includes(formatMinutes(m.minutes)) && txt.includes(reading), `text ${v.metric}`);
        assert.ok(svg.includes(escapeXml(`${v.label}: ${v.display} — ${reading}`).slice(0, 60)), `svg ${v.metric}`);
      }
    });
  }
});
