import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ExportFormat } from '../../src/core';
import { EXPORT_FORMATS } from '../../src/core';
import { defaultExportFileName, exportedMessage, pickUntitledLanguage, targetKind, untitledLanguage } from '../../src/extension/export-logic';

describe('extension export: target argument', () => {
  it('reads a string with a scheme as a URI', () => {
    assert.equal(targetKind('file:///tmp/out.json', true), 'uri');
    assert.equal(targetKind('vscode-vfs://github/o/r/out.csv', false), 'uri');
    assert.equal(targetKind('untitled:Untitled-1', true), 'uri');
  });
  it('reads another string relative to the workspace, or as a file path without a workspace', () => {
    assert.equal(targetKind('exports/out.json', true), 'workspace');
    assert.equal(targetKind('/tmp/out.json', true), 'workspace');
    assert.equal(targetKind('exports/out.json', false), 'file');
    assert.equal(targetKind('/tmp/out.json', false), 'file');
  });
});

describe('extension export: untitled documents and file names', () => {
  const expected: Record<ExportFormat, string> = {
    csv: 'csv', 'jira-csv': 'csv', 'linear-csv': 'csv', json: 'json', markdown: 'markdown', ics: 'plaintext', gh: 'shellscript',
  };
  for (const format of Object.keys(EXPORT_FORMATS) as ExportFormat[]) {
    it(`opens ${format} as ${expected[format]}`, () => assert.equal(untitledLanguage(format), expected[format]));
  }
  it('proposes action-items with the format extension', () => {
    assert.equal(defaultExportFileName('json'), 'action-items.json');
    assert.equal(defaultExportFileName('jira-csv'), 'action-items.csv');
    assert.equal(defaultExportFileName('markdown'), 'action-items.md');
  });
  it('proposes <postmortem-name>-action-items for one document', () => {
    assert.equal(defaultExportFileName('jira-csv', '/ws/postmortems/2025-04-14-progress-sync.md'), '2025-04-14-progress-sync-action-items.csv');
    assert.equal(defaultExportFileName('ics', '/ws/incident.markdown'), 'incident-action-items.ics');
  });
  it('opens CSV as csv only when a CSV language is installed, else as plain text', () => {
    assert.equal(pickUntitledLanguage('csv', ['markdown', 'csv']), 'csv');
    assert.equal(pickUntitledLanguage('linear-csv', ['markdown', 'json']), 'plaintext');
    assert.equal(pickUntitledLanguage('json', []), 'json');
  });
});

describe('extension export: the notice', () => {
  it('says where the items went', () => {
    assert.equal(exportedMessage('json', 'file', 6, [], 'exports/seed.json'), 'Exported 6 action items as JSON to exports/seed.json.');
    assert.equal(exportedMessage('csv', 'clipboard', 1, [], undefined), 'Exported 1 action item as CSV to the clipboard.');
    assert.equal(exportedMessage('markdown', 'untitled', 0, [], undefined), 'Exported 0 action items as Markdown task list to a new document.');
  });
  it('counts skipped items and names each reason once', () => {
    assert.equal(
      exportedMessage('ics', 'file', 2, [{ reason: 'no deadline date' }, { reason: 'no deadline date' }, { reason: 'already done' }], 'a.ics'),
      'Exported 2 action items as iCalendar to a.ics; skipped 3 (no deadline date, already done).',
    );
  });
});
