// What every command of the command line is: a one-line summary for `khabar --help`, its own help text, and what it
// runs. The environment part of each help text comes from config.ts's own list of settings, so it cannot drift.
import { SETTING_HELP, SETTING_NAMES } from '../config.ts';

export interface Command {
  summary: string;
  help: string;
  run(args: string[]): Promise<void>;
}

/** The settings every command reads, one line each, from config.ts. */
export function environmentHelp(): string {
  const width = Math.max(...SETTING_NAMES.map((n) => n.length)) + 2;
  return `Environment (docs/configuration.md has the full table):\n${SETTING_NAMES.map((n) => `  ${n.padEnd(width)}${SETTING_HELP[n]}`).join('\n')}`;
}

/** A command's help: its usage and description, then the environment it reads. */
export function helpText(usage: string, description: string): string {
  return `${usage}\n\n${description}\n\n${environmentHelp()}`;
}
