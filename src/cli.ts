#!/usr/bin/env node
// The headless face of Corpus Lens: the same core as the extension, for batch work.
import { CliError, EXIT, shown, UsageError } from './cli/io';
import { extractHelp, runExtract } from './cli/extract';
import { exportHelp, runExport } from './cli/export';
import { runValidate, validateHelp } from './cli/validate';

type Command = { help: string; run: (args: readonly string[], out: (s: string) => void, err: (s: string) => void) => Promise<number> };

const commands: Record<string, Command> = {
  extract: { help: extractHelp, run: runExtract },
  validate: { help: validateHelp, run: runValidate },
  export: { help: exportHelp, run: runExport },
};

const usage = `Usage: corpus-lens <command> [options]

Commands:
${Object.values(commands)
  .map((c) => '  ' + c.help.split('\n')[0])
  .join('\n')}

Run \`corpus-lens <command> --help\` for a command's options.`;

export async function main(
  argv: readonly string[],
  out: (s: string) => void = (s) => void process.stdout.write(s + '\n'),
  err: (s: string) => void = (s) => void process.stderr.write(s + '\n'),
): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? out : err)(usage);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = commands[name];
  if (!command) {
    err(`corpus-lens: unknown command '${shown(name)}' (see corpus-lens --help)`);
    return EXIT.usage;
  }
  const options = args.indexOf('--');
  if ((options < 0 ? args : args.slice(0, options)).some((a) => a === '--help' || a === '-h')) {
    out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(args, out, err);
  } catch (e) {
    if (e instanceof CliError) {
      err(`corpus-lens: ${shown(e.message)}`);
      return e instanceof UsageError ? EXIT.usage : EXIT.skipped;
    }
    throw e;
  }
}

/**
 * Output to a pipe whose reader has gone (`corpus-lens extract … | head -1`): the reader has what it
 * wanted, so the run stops at once, quietly, with status 0. Errors on stderr are dropped.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`corpus-lens: cannot write the output (${e.code ?? e.message})\n`);
    process.exit(EXIT.internal);
  });
  process.stderr.on('error', () => undefined);
}

if (require.main === module) {
  quietOnClosedPipe();
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`corpus-lens: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = EXIT.internal;
    },
  );
}
