// Test entry for the Node extension host (code-server, desktop VS Code). mocha is bundled in, and
// the suites are bundled modules, so nothing is loaded from disk at run time.
import Mocha from 'mocha';
import { runAndSummarize } from './summary';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  // The runner sets this when the packaged .vsix is installed and no development folder is loaded:
  // then the same suites run against the artefact users get, plus checks that it is the one running.
  if (process.env.POSTMORTEM_UNTRUSTED === '1') {
    // Restricted Mode: what the extension still does with a folder nobody trusted.
    require('./suite/untrusted.test');
  } else {
    if (process.env.POSTMORTEM_EXPECT_INSTALLED === '1') require('./suite/installed.test');
    require('./suite/activation.test');
    require('./suite/lint.test');
    require('./suite/lint-config.test');
    require('./suite/export.test');
    require('./suite/authoring.test');
    require('./suite/newPostmortem.test');
    require('./suite/actionItems.test');
    // Tracker sync end to end, against the packaged extension (it edits a demo postmortem: last).
    if (process.env.POSTMORTEM_EXPECT_INSTALLED === '1') require('./suite/sync.test');
  }
  const res = await runAndSummarize((cb) => mocha.run(cb));
  if (res.failed > 0 || res.passed === 0) throw new Error(`${res.failed} tests failed, ${res.passed} passed.`);
}
