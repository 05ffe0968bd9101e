// Writes the demo workspace for `npm start`: examples/*.md as they are, and each
// examples/demo/*.md.tmpl as *.md with `{{today}}`, `{{today+N}}`, `{{today-N}}` replaced by dates
// relative to today (UTC), so the demo always has overdue, due-soon and done action items:
//   2025-checkout-clean            nothing to fix
//   payments-action-items-postmortem  no owner, no priority, no deadline, a vague action, overdue items
//   search-timeline-postmortem     out of order, no time, editorialising, blame, a stated metric that disagrees
//   cdn-table-postmortem           timeline and action items as tables, with tickets and statuses
// The templates end in .tmpl so that the CLI, the unit tests and the integration workspace, which
// read examples/, never see their placeholders.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** `text` with each `{{today±N}}` replaced by the date N days from `today` (YYYY-MM-DD). */
export function renderDates(text, today) {
  const base = Date.parse(`${today}T00:00:00Z`);
  return text.replace(/\{\{today(?:([+-])(\d{1,4}))?\}\}/g, (_, sign, days) => {
    const n = days === undefined ? 0 : Number(days) * (sign === '-' ? -1 : 1);
    return new Date(base + n * 86_400_000).toISOString().slice(0, 10);
  });
}

/** Writes the demo postmortems under `<target>/postmortems/`; returns the files written. */
export function writeDemoWorkspace(examples, target, today = new Date().toISOString().slice(0, 10)) {
  const out = path.join(target, 'postmortems');
  mkdirSync(out, { recursive: true });
  const written = [];
  for (const f of readdirSync(examples).filter((f) => f.endsWith('.md'))) {
    cpSync(path.join(examples, f), path.join(out, f));
    written.push(path.join(out, f));
  }
  const demo = path.join(examples, 'demo');
  for (const f of readdirSync(demo).filter((f) => f.endsWith('.md.tmpl'))) {
    const name = f.slice(0, -'.tmpl'.length);
    writeFileSync(path.join(out, name), renderDates(readFileSync(path.join(demo, f), 'utf8'), today));
    written.push(path.join(out, name));
  }
  return written;
}
