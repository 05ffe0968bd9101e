import { parseArgs } from 'node:util';

/** A bad invocation or unreadable input: one line on stderr, exit code 2. */
export class UsageError extends Error {}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in the usage (`FORMAT`), for string options. */
  value?: string;
  describe: string;
}

export interface CommandSpec {
  name: string;
  /** Positional arguments as the usage shows them: `PATH...`. */
  operands: string;
  summary: string;
  options: Record<string, OptionSpec>;
}

export const EXIT_CODES = 'Exit codes: 0 fine, 1 lint errors (or more warnings than --max-warnings), 2 bad usage or unreadable input, 3 internal error.';

const HELP: Record<string, OptionSpec> = { help: { type: 'boolean', short: 'h', describe: 'Show this help' } };

/** `--format FORMAT` and the like, padded into two columns. */
function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries({ ...options, ...HELP }).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : '    '}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`,
    o.describe,
  ] as const);
  const width = Math.max(...rows.map(([a]) => a.length)) + 2;
  return rows.map(([a, b]) => `  ${a.padEnd(width)}${b}`);
}

/** The help of one command: usage line, what it does, every option, exit codes. */
export function commandUsage(spec: CommandSpec): string {
  return [`Usage: postmortem ${spec.name} [options] ${spec.operands}`, '', spec.summary, '', 'Options:', ...optionLines(spec.options), '', EXIT_CODES].join('\n');
}

/** The top-level help: every command with its summary. */
export function globalUsage(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: postmortem <command> [options] PATH...',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary.split('\n')[0]}`),
    '',
    "Run 'postmortem <command> --help' for a command's options.",
    '',
    'Options:',
    '  -h, --help     Show this help',
    '  -v, --version  Show the version',
    '',
    EXIT_CODES,
  ].join('\n');
}

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  operands: string[];
  help: boolean;
}

/** Reads a command's arguments with Node's `util.parseArgs`; bad ones become a {@link UsageError}. */
export function parseCommand(spec: CommandSpec, args: string[]): Parsed {
  const options = Object.fromEntries(Object.entries({ ...spec.options, ...HELP }).map(([name, o]) => [
    name, { type: o.type, ...(o.short ? { short: o.short } : {}) },
  ]));
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as Parsed['values'], operands: positionals, help: values.help === true };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = (e as Error).message;
    const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`unknown option '${quoted}' for ${spec.name}; see 'postmortem ${spec.name} --help'`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const name = /--[\w-]+/.exec(message)?.[0] ?? quoted;
      throw new UsageError(/argument missing/.test(message) ? `${name} needs a value` : `${name} takes no value`);
    }
    throw new UsageError(message.split('\n')[0]!);
  }
}
