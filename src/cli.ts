// The `postmortem` executable: runs the CLI on this process's arguments and sets its exit code.
// Started as a worker thread (see cli/batch.ts), the same bundle lints the files it is given.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { WorkerJob } from './cli/batch';
import { runWorkerJob } from './cli/batch';
import { enginePath, nodeHost } from './cli/host';
import { main } from './cli/main';
import { PostmortemEngine } from './core';

const job = (workerData as { postmortemLintJob?: WorkerJob } | undefined)?.postmortemLintJob;
if (!isMainThread && job) {
  const engine = new PostmortemEngine(nodeHost, job.configFile !== undefined ? { configFile: enginePath(job.configFile) } : {});
  void runWorkerJob(engine, nodeHost, job).then((results) => parentPort!.postMessage(results));
} else {
  // `postmortem lint DIR | head`: when the reader goes away, stop quietly with the exit code so far.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  void main(process.argv.slice(2), {
    out: (s) => process.stdout.write(`${s}\n`),
    err: (s) => process.stderr.write(`${s}\n`),
    write: (s) => process.stdout.write(s),
    workerScript: __filename,
  }).then((code) => {
    process.exitCode = code;
  });
}
