import type { ExportItem } from './items';
import type { ExportResult } from './types';
import { description } from './types';

/** A shell word in single quotes: nothing inside is expanded; a quote becomes '\''. NULs are dropped. */
export function shellQuote(s: string): string {
  // eslint-disable-next-line no-control-regex
  return `'${s.replace(/\u0000/g, '').replace(/'/g, `'\\''`)}'`;
}

/** `gh`: a bash script with one `gh issue create` per open item; done and dropped items are skipped. */
export function ghExport(items: readonly ExportItem[]): ExportResult {
  const lines = [
    '#!/usr/bin/env bash',
    '# Creates one GitHub issue per open postmortem action item. Review it, then run it in the repository.',
    'set -euo pipefail',
    '',
  ];
  const skipped: ExportResult['skipped'] = [];
  let count = 0;
  for (const i of items) {
    if (i.status !== 'open') {
      skipped.push({ item: i, reason: i.status === 'done' ? 'already done' : 'dropped' });
      continue;
    }
    count++;
    const args = ['gh', 'issue', 'create', '--title', shellQuote(i.action), '--body', shellQuote(description(i, true)), '--label', shellQuote('postmortem')];
    if (i.priority) args.push('--label', shellQuote(i.priority));
    // Only a GitHub login can be an assignee; any other owner stays in the body.
    if (/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/.test(i.owner)) args.push('--assignee', shellQuote(i.owner));
    lines.push(args.join(' '));
  }
  return { text: `${lines.join('\n')}\n`, count, skipped };
}
