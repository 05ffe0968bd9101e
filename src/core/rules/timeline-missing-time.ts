import { quote } from './helpers';
import type { Rule } from './types';

export const timelineMissingTime: Rule = {
  id: 'timeline-missing-time',
  summary: 'Every timeline entry has a time',
  defaultSeverity: 'warning',
  rationale: 'The timeline turns "everything was on fire" into a sequence that can be analysed; an entry without a time cannot be placed in it.',
  examples: [
    { markdown: '## Timeline (UTC)\n\n- 14:50 Consumer lag alert fires\n- Alice restarts the consumer pods\n', findings: ['4:1'] },
    { markdown: '## Timeline (UTC)\n\n- 14:50 Consumer lag alert fires\n- **14:52** — Alice restarts the consumer pods\n', findings: [] },
    { markdown: '## Timeline\n\n- 2021-08-21: Certificate for the partner API expires\n- 2021-08-23: New certificate deployed\n', findings: [] },
    { markdown: '## Timeline\n\n1. Support reports failing uploads\n2. Storage quota raised\n3. Uploads succeed again\n', findings: ['1:1'] },
    { title: 'offsets from the entry above and a date whose text is on the next lines are times', markdown: '## Timeline\n\n| Time (UTC) | Event |\n| --- | --- |\n| 2026-03-10 02:00 | Rebuild starts |\n| +15 minutes | Workers stop taking batches |\n| +1h 50m | Rebuild restarts |\n\n- 2026-03-11:\n    The rebuild completes at its normal hour.\n', findings: [] },
  ],
  check({ postmortem, report }) {
    const events = postmortem.timeline.events;
    const section = postmortem.timeline.section;
    // A timeline with no time or day at all is one finding on its heading, not one per entry.
    if (events.length > 1 && section && events.every((e) => !e.time && e.date === undefined)) {
      report(section.headingRange, `None of the ${events.length} timeline entries has a time: start each with HH:MM (for example **14:23** — …) so the timeline can be placed and measured`);
      return;
    }
    for (const e of events) {
      // An event written with a day and no time (a day-granular table, `- 2021-08-22: text`) is placed by its day.
      if (e.time || e.date !== undefined) continue;
      report(e.range, `Timeline entry "${quote(e.text, 40)}" has no time: start it with HH:MM (for example **14:23** — …)`);
    }
  },
};
