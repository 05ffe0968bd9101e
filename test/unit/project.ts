import type { Field, Postmortem, Range, Section } from '../../src/core';

/** `line:col-line:col`, compact for expected files. */
export function r(range: Range): string {
  return `${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}`;
}

function field(f: Field<unknown>) {
  return f.origin === 'missing' ? { missing: r(f.range) } : { text: f.text, value: f.value ?? null, at: r(f.range) };
}

function section(s: Section): unknown {
  return {
    title: s.title, kind: s.kind ?? null, ...(s.also ? { also: s.also } : {}), range: r(s.range),
    ...(s.content !== 'text' ? { content: s.content } : {}), ...(s.children.length ? { children: s.children.map(section) } : {}),
  };
}

/** The parts of the model a fixture's expected file pins down, in a form that reads well as JSON. */
export function project(pm: Postmortem) {
  return {
    title: pm.title ?? null,
    date: pm.date ?? null,
    frontmatter: pm.frontmatter ? { range: r(pm.frontmatter.range), keys: pm.frontmatter.data ? Object.keys(pm.frontmatter.data) : null } : null,
    sections: pm.sections.map(section),
    ...(pm.fieldSections.length ? { fieldSections: pm.fieldSections.map((f) => `${f.kind} ${f.form}${f.label ? ` "${f.label}"` : ''} ${r(f.range)} ${f.content}`) } : {}),
    timezone: pm.timeline.zone ? `${pm.timeline.zone.name} ${pm.timeline.zone.offsetMinutes} ${pm.timeline.zone.source}` : null,
    events: pm.timeline.events.map((e) => ({
      at: r(e.range),
      time: e.time ? e.time.iso + (e.time.dayOffset && !e.time.date ? ` +${e.time.dayOffset}d` : '') : null,
      timeAt: e.time ? r(e.time.range) : null,
      ...(e.date !== undefined ? { date: e.date } : {}),
      text: e.text,
      actor: e.actor ?? null,
      kind: e.kind ? `${e.kind}${e.explicitKind ? ' (marker)' : ''}` : null,
    })),
    statedMetrics: pm.statedMetrics.map((m) => ({ metric: m.metric, label: m.label, minutes: m.minutes ?? null, at: r(m.range), valueAt: r(m.valueRange) })),
    milestones: Object.fromEntries(Object.entries(pm.computedMetrics.milestones).map(([k, v]) => [k, v.line])),
    metrics: Object.fromEntries(Object.entries(pm.computedMetrics.metrics).map(([k, m]) => [k, `${m.minutes} (${m.from.kind} @${m.from.line} to ${m.to.kind} @${m.to.line})`])),
    computed: pm.computedMetrics.readings.map((rd) => ({
      start: `${rd.start} @${rd.from.line}`,
      ...Object.fromEntries(Object.entries(rd.metrics).map(([k, m]) => [k, `${m.minutes} (to ${m.to.kind} @${m.to.line})`])),
    })),
    whyChains: pm.whyChains.map((c) => ({
      section: c.section?.title ?? null,
      steps: c.steps.map((s) => ({ q: s.question ?? null, a: s.answer ?? null, at: r(s.range) })),
    })),
    contributingFactors: pm.contributingFactors.map((f) => ({ text: f.text, at: r(f.range) })),
    actionTables: pm.actionTables.map((t) => ({ at: r(t.range), columns: t.columns })),
    actionItems: pm.actionItems.map((a) => ({
      line: a.line,
      source: a.source,
      state: a.state,
      ...(a.details.length ? { details: a.details } : {}),
      ...(a.extent.end.line !== a.range.end.line ? { extent: r(a.extent) } : {}),
      action: field(a.action),
      priority: field(a.priority),
      owner: field(a.owner),
      deadline: field(a.deadline),
      status: field(a.status),
      ticket: field(a.ticket),
      type: field(a.type),
    })),
    problems: pm.problems.map((p) => ({ code: p.code, at: r(p.range), message: p.message })),
  };
}
