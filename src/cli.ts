// The `postmortem` executable: runs the CLI on this process's arguments and sets its exit code.
import { main } from './cli/main';

void main(process.argv.slice(2), {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  write: (s) => process.stdout.write(s),
}).then((code) => {
  process.exitCode = code;
});
