// Deterministic generators of realistic postmortems for the benchmark.

/** A deterministic pseudo-random sequence, so every run benchmarks the same documents. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const VERBS = ['checks', 'restarts', 'rolls back', 'pages', 'scales out', 'reviews', 'acknowledges', 'posts an update on', 'fails over', 'drains'];
const THINGS = ['checkout-api', 'db-primary', 'the ingest queue', 'payments-worker', 'the CDN config', 'auth-service', 'redis-cache', 'the deploy pipeline'];
const PEOPLE = ['Alice', 'Bob', 'Carlos', 'Dana', 'Priya', 'Sam', 'Jun', 'Mia'];

/** A realistic postmortem of about `lines` lines: prose, day-by-day list timelines, a table timeline, whys, factors, action tables. */
export function generate(lines: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
  const out = ['---', `title: Generated incident ${lines}`, 'date: 2025-06-14', 'severity: SEV-2', 'authors: [Alice, Bob]', '---', '', `# Generated incident ${lines}`, '', '## Summary', ''];
  const budget = (share: number) => Math.max(4, Math.floor(lines * share));
  for (let i = 0; i < budget(0.12); i += 2) out.push(`The ${pick(THINGS)} degraded while ${pick(PEOPLE)} investigated; request ${i} saw errors.`, '');
  out.push('## Impact', '', '- Users could not check out.', '- Duration: 3 h 25 min', '', '## Timeline (all times UTC)', '');
  let minute = 23 * 60 + 10;
  let day = 14;
  const perDay = 120;
  for (let i = 0; i < budget(0.4); i++) {
    if (i % perDay === 0) out.push('', `### 2025-06-${String(day++).padStart(2, '0')}`, '');
    minute = (minute + 1 + Math.floor(r() * 3)) % 1440;
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    out.push(`- **${hh}:${mm}** — ${pick(PEOPLE)} ${pick(VERBS)} ${pick(THINGS)}${i % 17 === 0 ? ' [detected]' : ''}`);
  }
  out.push('', '### Paging log', '', '| Time (UTC) | Actor | Event |', '| --- | --- | --- |');
  for (let i = 0; i < budget(0.08); i++) out.push(`| ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | PagerDuty | Page ${i} for ${pick(THINGS)} |`);
  out.push('', '## Root cause', '');
  for (let i = 0; i < budget(0.1); i += 3) out.push(`Why did ${pick(THINGS)} fail (${i})?`, `→ Because ${pick(THINGS)} timed out.`, '');
  out.push('## Contributing factors', '');
  for (let i = 0; i < budget(0.08); i++) out.push(`- ${pick(THINGS)} had no alert on saturation (${i}).`);
  out.push('', '## Action items', '');
  const rows = Math.max(1, lines - out.length - 10);
  for (let i = 0; i < rows; i++) {
    if (i % 200 === 0) out.push('', `### Workstream ${i / 200 + 1}`, '', '| Priority | Action | Owner | Deadline |', '| --- | --- | --- | --- |');
    out.push(`| P${i % 4} | Add p99 latency alert on ${pick(THINGS)} at ${100 + i}ms | @${pick(PEOPLE).toLowerCase()} | 2025-0${5 + (i % 4)}-1${i % 9} |`);
  }
  return `${out.slice(0, Math.max(lines, 40)).join('\n')}\n`;
}

