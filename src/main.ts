// The command line's entry: `khabar <command> [--help]`; each command is a file of src/cli/. `npm start` runs `serve`.
import { ConfigError } from './config.ts';
import { COMMANDS } from './cli/index.ts';

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return `Khabar: a publishing platform for independent newsrooms\n\nUsage: khabar <command> [--help]\n\nCommands:\n${rows.join('\n')}\n`;
}

async function main(argv: string[]): Promise<void> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return;
  }
  const cmd = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!cmd) {
    console.error(`Unknown command "${name}".\n\n${usage()}`);
    process.exitCode = 2;
    return;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.log(cmd.help);
    return;
  }
  await cmd.run(args);
}

main(process.argv.slice(2)).catch((err) => {
  if (err instanceof ConfigError) console.error(`Configuration error: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
