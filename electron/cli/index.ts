/** `maskwork` command line: the same main-process services as the app, for scripting and batch work. */
export {};
const USAGE = `maskwork <command> [options]

Commands:
  help                 Show this help.
`;

async function main(argv: string[]): Promise<number> {
  const [cmd] = argv;
  if (!cmd || cmd === 'help' || cmd === '--help' || cmd === '-h') {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stderr.write(`maskwork: unknown command “${cmd}”.\n\n${USAGE}`);
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
