/**
 * The command line of every CLI: `--help`/`-h` prints the usage in Vietnamese and exits 0; an
 * unknown option, a missing value or a stray argument is one line naming it, and exit code 2
 * (never a stack trace).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Node's messages for a bad command line, as one Vietnamese line. */
function explain(error: Error & { code?: string }): string {
  const option = /'(-[^' ]+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `không có tùy chọn ${option ?? error.message}`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return option ? `tùy chọn ${option} cần một giá trị` : error.message;
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `không nhận đối số ${/'([^']*)'/.exec(error.message)?.[1] ?? ''}`.trim();
  return error.message;
}

/**
 * Parses `argv` for the command `name` (as run with npm: `npm run <name> -- …`). `help` is the
 * usage text: what the command does, its options and an example.
 */
export function cliArgs<O extends Options>(name: string, help: string, options: O, config: { allowPositionals?: boolean; args?: string[] } = {}) {
  const full = { options: { ...options, help: { type: 'boolean', short: 'h' } as const }, allowPositionals: config.allowPositionals ?? false, strict: true as const, ...(config.args && { args: config.args }) };
  try {
    const parsed = parseArgs(full);
    if ((parsed.values as { help?: boolean }).help) {
      process.stdout.write(`${help.trim()}\n`);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    console.error(`${name}: ${explain(error as Error)} — xem npm run ${name} -- --help`);
    process.exit(2);
  }
}
