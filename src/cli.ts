// The `postmortem` executable: runs the CLI on this process's arguments and sets its exit code.
import { main } from './cli/main';

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
}).then((code) => {
  process.exitCode = code;
});
