// The npm package as a user gets it: packed, installed into an empty project, run and imported there.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Ajv from 'ajv-draft-04';
import { repoRoot } from './root';

const root = repoRoot;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm package, installed from its tarball into an empty project', { timeout: 300_000 }, () => {
  let project = '';
  let tarball = '';
  before(() => {
    tarball = execFileSync(process.execPath, [join(root, 'scripts/npm-package.mjs')], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop()!;
    project = mkdtempSync(join(tmpdir(), 'pm-npm-'));
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    mkdirSync(join(project, 'postmortems'));
    writeFileSync(join(project, 'postmortems', '2025-04-14-outage.md'), readFileSync(join(root, 'test/fixtures/rules/action-missing-owner.md'), 'utf8'));
    writeFileSync(join(project, 'postmortems', 'README.md'), '# Postmortems\n');
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: project, stdio: 'pipe' });
  });
  after(() => rmSync(project, { recursive: true, force: true }));

  it('ships only what it lists', () => {
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter((l) => l !== '').map((l) => l.replace(/^package\//, ''));
    for (const f of listed) assert.match(f, /^(?:cli\.js|lib\.cjs|lib\.mjs|types\/.+\.d\.ts|docs\/rules\/[a-z0-9-]+\.md|README\.md|LICENSE|package\.json)$/, f);
    for (const f of ['cli.js', 'lib.cjs', 'lib.mjs', 'types/index.d.ts', 'package.json']) assert.ok(listed.includes(f), f);
  });
  it('npx postmortem lint --format sarif writes SARIF 2.1.0 that the official schema accepts', () => {
    const p = spawnSync(npm, ['exec', '--', 'postmortem', 'lint', '--format', 'sarif', '--today', '2025-04-15', 'postmortems/'], { cwd: project, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    assert.match(p.stderr, /^1 file, 0 errors, \d+ warnings$/m);
    const log = JSON.parse(p.stdout) as { version: string; runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>; tool: { driver: { rules: Array<{ id: string; help: { markdown: string } }> } } }> };
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema has a pattern that is no valid regular expression in unicode mode (a stray `]`): read it as written.
    const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
    assert.ok(validate(JSON.parse(p.stdout)), JSON.stringify(validate.errors?.slice(0, 5)));
    const run = log.runs[0]!;
    assert.ok(run.results.length > 0);
    assert.ok(run.tool.driver.rules.some((r) => r.id === 'action-missing-owner' && r.help.markdown.length > 20));
    // Help links lead to the rule pages the package ships.
    const help = (run.tool.driver.rules as Array<{ id: string; helpUri?: string }>).find((r) => r.id === 'action-missing-owner')!.helpUri;
    assert.ok(help && existsSync(fileURLToPath(help)), String(help));
    assert.equal(run.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri, 'postmortems/2025-04-14-outage.md');
    // A broken log is refused: the check can fail.
    assert.equal(validate({ ...JSON.parse(p.stdout), version: '2.0.0' }), false);
  });
  it('npx postmortem lint --format github prints annotations', () => {
    const p = spawnSync(npm, ['exec', '--', 'postmortem', 'lint', '--format', 'github', '--today', '2025-04-15', 'postmortems/'], { cwd: project, encoding: 'utf8' });
    assert.equal(p.status, 0, p.stderr);
    assert.match(p.stdout, /^::warning file=postmortems\/2025-04-14-outage\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=action-missing-owner::/m);
  });
  it('imports as ESM and as CommonJS', () => {
    writeFileSync(join(project, 'a.mjs'), "import { lintText, parsePostmortem, exportActionItems } from 'postmortem-markdown';\nimport { readFileSync } from 'node:fs';\nconst t = readFileSync('postmortems/2025-04-14-outage.md', 'utf8');\nconsole.log(JSON.stringify([lintText(t, { today: '2025-04-15' }).findings.length, parsePostmortem(t).actionItems.length, exportActionItems(t, 'json').count]));\n");
    writeFileSync(join(project, 'a.cjs'), "const { lintText, parsePostmortem, exportActionItems } = require('postmortem-markdown');\nconst t = require('fs').readFileSync('postmortems/2025-04-14-outage.md', 'utf8');\nconsole.log(JSON.stringify([lintText(t, { today: '2025-04-15' }).findings.length, parsePostmortem(t).actionItems.length, exportActionItems(t, 'json').count]));\n");
    const esm = JSON.parse(execFileSync(process.execPath, ['a.mjs'], { cwd: project, encoding: 'utf8' }));
    const cjs = JSON.parse(execFileSync(process.execPath, ['a.cjs'], { cwd: project, encoding: 'utf8' }));
    assert.deepEqual(esm, cjs);
    assert.ok(esm[0] > 0 && esm[1] > 0 && esm[2] === esm[1]);
  });
  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] }, files: ['b.ts'] }));
    const good = "import { lintText, parsePostmortem, exportActionItems } from 'postmortem-markdown';\nimport type { Finding, Postmortem } from 'postmortem-markdown';\nexport const pm: Postmortem = parsePostmortem('# x');\nexport const findings: Finding[] = lintText('# x').findings;\nexport const csv: string = exportActionItems('# x', 'csv').text;\n";
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    writeFileSync(join(project, 'b.ts'), good);
    const ok = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
    assert.equal(ok.status, 0, ok.stdout);
    // And a wrong use is refused: the declarations are checked, not skipped.
    writeFileSync(join(project, 'b.ts'), `${good}export const bad: number = exportActionItems('# x', 'xlsx').count;\n`);
    const bad = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
    assert.notEqual(bad.status, 0);
    assert.match(bad.stdout, /'"xlsx"' is not assignable/);
  });
});
