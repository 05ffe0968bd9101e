import type { Rule } from './types';

export const timelineNoTimezone: Rule = {
  id: 'timeline-no-timezone',
  summary: 'The timeline says which time zone its times are in',
  defaultSeverity: 'warning',
  rationale: 'Responders in different zones read 14:23 differently, and logs are usually in UTC. Name the zone once: in the heading, a sentence, a table header or frontmatter.',
  examples: [
    { markdown: '## Timeline\n\n- 14:23 Deploy reaches production\n', findings: ['1:1'] },
    { markdown: '## Timeline (all times UTC)\n\n- 14:23 Deploy reaches production\n', findings: [] },
  ],
  check({ postmortem, lines, report }) {
    const zoneless = postmortem.timeline.events.filter((e) => e.time && !e.time.zone);
    if (zoneless.length === 0) return;
    const section = postmortem.timeline.section;
    const at = section?.headingRange ?? zoneless[0]!.range;
    const fixes = section
      ? [{
        title: 'Add "(all times UTC)" to the heading',
        safe: true,
        edits: [{ range: { start: section.headingRange.end, end: section.headingRange.end }, newText: ' (all times UTC)' }],
      }]
      : [];
    // Keep the heading's closing #s, if any, after the insertion.
    if (section && /\s#+\s*$/.test(lines.lineText(section.headingRange.start.line))) fixes.length = 0;
    report(at, `${zoneless.length} timeline time${zoneless.length === 1 ? ' has' : 's have'} no time zone: say "(all times UTC)" in the heading, or give the zone in a table header, a sentence or frontmatter \`timezone\``, fixes);
  },
};
