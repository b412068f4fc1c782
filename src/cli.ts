#!/usr/bin/env node
// The headless face of Corpus Lens: the same core as the extension, for batch work.
import { CliError } from './cli/io';
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
    out(usage);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    err(`corpus-lens: unknown command '${name}' (see corpus-lens --help)`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    out(command.help);
    return 0;
  }
  try {
    return await command.run(args, out, err);
  } catch (e) {
    if (e instanceof CliError) {
      err(`corpus-lens: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`corpus-lens: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
