// Counts mocha results, prints the plain CI line `N passed, N failed[, N skipped]` and a JSON line
// the outer runner reads, and hands the counts back.
export interface Results {
  passed: number;
  failed: number;
  skipped: number;
  failures: Array<{ title: string; error: string }>;
}

interface Runner {
  on(event: 'pass' | 'pending', cb: () => void): void;
  on(event: 'fail', cb: (test: { fullTitle(): string }, err: unknown) => void): void;
}

export function runAndSummarize(mochaRun: (cb: (failures: number) => void) => unknown): Promise<Results> {
  return new Promise((resolve) => {
    const res: Results = { passed: 0, failed: 0, skipped: 0, failures: [] };
    const runner = mochaRun(() => {
      console.log(`${res.passed} passed, ${res.failed} failed${res.skipped ? `, ${res.skipped} skipped` : ''}`);
      console.log(`MOCHA_RESULTS_JSON ${JSON.stringify(res)}`);
      resolve(res);
    }) as Runner;
    runner.on('pass', () => { res.passed++; });
    runner.on('pending', () => { res.skipped++; });
    runner.on('fail', (t, err) => {
      res.failed++;
      res.failures.push({ title: t.fullTitle(), error: String((err as Error)?.message ?? err) });
    });
  });
}
