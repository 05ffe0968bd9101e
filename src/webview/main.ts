// The timeline panel's browser code. It receives plain data and builds the DOM with createElement
// and textContent only: no document text is ever parsed as HTML.
import type { TimelineViewModel, ViewEvent } from '../core/timelineView';
import { inlineParts } from './inline';
import type { FromPanel, PanelState, ToPanel } from './messages';

interface VsCodeApi {
  postMessage(message: FromPanel): void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
let state: PanelState = vscode.getState() ?? { uri: undefined, scrollY: 0 };
let currentLine: number | undefined;

/** Pixels per minute of elapsed time, and the least room between two events. */
const PX_PER_MINUTE = 6;
const MIN_ROW = 4;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const KIND_LABELS: Record<string, string> = {
  trigger: 'Trigger', impact: 'Impact', detected: 'Detected', acknowledged: 'Acknowledged', mitigated: 'Mitigated', resolved: 'Resolved',
};

function message(title: string, detail: string): HTMLElement {
  const box = el('div', 'message');
  box.setAttribute('role', 'status');
  box.append(el('h2', undefined, title), el('p', undefined, detail));
  return box;
}

function metricCards(model: TimelineViewModel): HTMLElement {
  const section = el('section', 'metrics');
  section.setAttribute('aria-label', 'Metrics computed from the timeline');
  for (const m of model.metrics) {
    const card = el('div', `card${m.disagrees ? ' disagrees' : ''}${m.minutes === undefined ? ' missing' : ''}`);
    card.dataset.metric = m.metric;
    const basis = el('div', 'card-basis', m.basis);
    if (m.from && m.to) basis.title = `Measured from line ${m.from.line} to line ${m.to.line}`;
    card.append(el('div', 'card-label', m.label), el('div', 'card-value', m.display), basis);
    if (m.stated) {
      const follows = m.stated.follows ? `, as ${m.stated.follows}` : '';
      const stated = el('div', 'card-stated', `${m.disagrees ? '⚠ ' : ''}stated: ${m.stated.text} (line ${m.stated.line})${follows}`);
      if (m.disagrees) stated.title = 'The stated figure fits no reading of the timeline';
      card.append(stated);
    }
    card.setAttribute('aria-label', `${m.label}: ${m.display}, ${m.basis}${m.stated ? `; stated ${m.stated.text}${m.disagrees ? ', which disagrees with the timeline' : ''}` : ''}`);
    section.append(card);
  }
  return section;
}

function actionSummary(model: TimelineViewModel): HTMLElement {
  const a = model.actions;
  const section = el('section', 'actions');
  section.setAttribute('aria-label', 'Action items');
  section.append(el('span', 'chip total', `${a.total} action item${a.total === 1 ? '' : 's'}`));
  for (const p of a.byPriority) section.append(el('span', 'chip', `${p.priority}: ${p.count}`));
  if (a.done) section.append(el('span', 'chip ok', `${a.done} done`));
  if (a.dropped) section.append(el('span', 'chip', `${a.dropped} dropped`));
  if (a.missingOwner) section.append(el('span', 'chip warn', `${a.missingOwner} without owner`));
  if (a.missingDeadline) section.append(el('span', 'chip warn', `${a.missingDeadline} without deadline`));
  if (a.overdue) section.append(el('span', 'chip warn', `${a.overdue} overdue`));
  return section;
}

/** An entry's text with its inline code, emphasis and links, built as DOM nodes (text is never parsed as HTML). */
function inlineText(markdown: string): HTMLElement {
  const span = el('span', 'text');
  for (const part of inlineParts(markdown)) {
    if (part.kind === 'text') span.append(document.createTextNode(part.text));
    else if (part.kind === 'code') span.append(el('code', undefined, part.text));
    else if (part.kind === 'strong') span.append(el('strong', undefined, part.text));
    else if (part.kind === 'em') span.append(el('em', undefined, part.text));
    else {
      const a = el('a', undefined, part.text);
      a.href = part.href;
      a.title = part.href;
      // A click selects the row, not the link: the link opens on its own (VS Code opens it outside).
      a.addEventListener('click', (ev) => ev.stopPropagation());
      span.append(a);
    }
  }
  return span;
}

function eventRow(e: ViewEvent, index: number): HTMLElement {
  const row = el('div', `event${e.kind ? ` kind-${e.kind}` : ''}${e.inImpact ? ' in-impact' : ''}${e.outOfOrder ? ' out-of-order' : ''}${e.time ? '' : ' untimed'}`);
  row.setAttribute('role', 'listitem');
  row.tabIndex = 0;
  row.dataset.line = String(e.line);
  row.dataset.index = String(index);
  // Only the event a milestone was taken from carries its badge: one DETECTED, at the first detection.
  const kind = e.milestone ? KIND_LABELS[e.milestone] : undefined;
  row.setAttribute('aria-label', `${e.time ?? 'no time'}${kind ? `, ${kind}` : ''}${e.actor ? `, ${e.actor}` : ''}: ${e.text}. Line ${e.line}.`);
  row.append(el('span', 'time', e.time ?? '--:--'), el('span', 'dot'));
  const body = el('span', 'body');
  if (kind) body.append(el('span', 'badge', kind));
  // The actor is shown unless the text already starts with it ("Alice rolls back…").
  if (e.actor && !e.text.startsWith(e.actor)) body.append(el('span', 'actor', e.actor));
  body.append(inlineText(e.markdown));
  if (e.outOfOrder) body.append(el('span', 'flag', 'earlier than the entry before'));
  row.append(body);
  return row;
}

function timeline(model: TimelineViewModel): HTMLElement {
  const list = el('div', 'timeline');
  list.setAttribute('role', 'list');
  list.setAttribute('aria-label', 'Timeline events');
  const gaps = new Map(model.gaps.map((g) => [g.before, g]));
  const days = new Map(model.dayChanges.map((d) => [d.before, d]));
  let lastY: number | undefined;
  model.events.forEach((e, i) => {
    const day = days.get(i);
    if (day) list.append(el('div', 'day', day.date));
    const gap = gaps.get(i);
    if (gap) {
      const g = el('div', 'gap', gap.label);
      g.setAttribute('aria-label', `No entries for ${gap.label.replace(/⋯/g, '').trim()}`);
      list.append(g);
    }
    const row = eventRow(e, i);
    if (e.y !== undefined && lastY !== undefined && !gap) row.style.marginTop = `${Math.min(240, Math.max(0, (e.y - lastY) * PX_PER_MINUTE - 22) + MIN_ROW)}px`;
    if (e.y !== undefined) lastY = e.y;
    list.append(row);
  });
  return list;
}

function render(msg: Extract<ToPanel, { type: 'update' }>): void {
  const scroll = state.uri === msg.uri ? window.scrollY : 0;
  const page = document.createDocumentFragment();
  const model = msg.model;
  if (msg.error) page.append(message('This document could not be read', msg.error));
  else if (!model) page.append(message('No postmortem open', 'Open a postmortem Markdown document to see its timeline here.'));
  else {
    const head = el('header');
    head.append(el('h1', undefined, model.title ?? 'Untitled postmortem'));
    head.append(el('p', 'sub', model.zone ? `Times in ${model.zone}` : 'No time zone stated'));
    const tools = el('div', 'tools');
    const copy = el('button', undefined, 'Copy as SVG');
    copy.addEventListener('click', () => vscode.postMessage({ type: 'copySvg' }));
    const save = el('button', undefined, 'Save as SVG…');
    save.addEventListener('click', () => vscode.postMessage({ type: 'saveSvg' }));
    tools.append(copy, save);
    head.append(tools);
    page.append(head);
    for (const p of model.problems) page.append(el('p', 'problem', p));
    if (model.state === 'empty') page.append(message('No timeline yet', 'Add a "## Timeline" section with entries such as "- **14:23** — Deploy reaches production".'));
    else {
      if (model.state === 'untimed') page.append(message('No times in the timeline', 'Start each entry with a time (HH:MM) to place it on the axis.'));
      page.append(metricCards(model), actionSummary(model), timeline(model));
    }
  }
  root.replaceChildren(page);
  state = { uri: msg.uri, scrollY: scroll };
  window.scrollTo(0, scroll);
  vscode.setState(state);
  highlight(currentLine);
}

function highlight(line: number | undefined): void {
  currentLine = line;
  let best: HTMLElement | undefined;
  for (const row of root.querySelectorAll<HTMLElement>('.event')) {
    row.classList.remove('current');
    if (line !== undefined && Number(row.dataset.line) <= line) best = row;
  }
  if (best && line !== undefined) {
    best.classList.add('current');
    const r = best.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) best.scrollIntoView({ block: 'center' });
  }
}

root.addEventListener('click', (ev) => {
  const row = (ev.target as HTMLElement).closest<HTMLElement>('.event');
  if (row) vscode.postMessage({ type: 'reveal', line: Number(row.dataset.line) });
});
root.addEventListener('keydown', (ev) => {
  const row = (ev.target as HTMLElement).closest<HTMLElement>('.event');
  if (!row) return;
  if (ev.key === 'Enter' || ev.key === ' ') {
    ev.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(row.dataset.line) });
  } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const rows = [...root.querySelectorAll<HTMLElement>('.event')];
    const next = rows[rows.indexOf(row) + (ev.key === 'ArrowDown' ? 1 : -1)];
    next?.focus();
  }
});
window.addEventListener('scroll', () => {
  state = { ...state, scrollY: window.scrollY };
  vscode.setState(state);
});
window.addEventListener('message', (ev: MessageEvent<ToPanel>) => {
  const msg = ev.data;
  if (msg.type === 'update') render(msg);
  else if (msg.type === 'highlight') highlight(msg.line);
});
vscode.postMessage({ type: 'ready' });
