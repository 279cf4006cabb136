import { commands } from './commands';

/** `pnpm roster <command> [args]`: Roster's operator CLI. */
async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = commands.find((candidate) => candidate.name === name);

  if (!command || name === '--help' || name === 'help') {
    printHelp();
    return name === undefined || name === '--help' || name === 'help' ? 0 : 2;
  }
  if (args.includes('--help')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  return command.run(args);
}

function printHelp(): void {
  const lines = commands.map((c) => `  ${c.name.padEnd(22)} ${c.summary}`);
  process.stdout.write(
    ['usage: pnpm roster <command> [options]', '', ...lines, ''].join('\n'),
  );
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `roster: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
