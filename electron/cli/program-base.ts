/**
 * The program every command joins: name, description, version, the global --json flag, errors as one
 * line. `program.ts` builds it with every command; `sign-cli.ts` with `sign` alone, so a script that
 * signs thousands of times loads only what signing needs.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import type { RegisterCommand } from './commands/shared';
import { prepareAutomation } from './automation';
import { createContext } from './context';
import { EXIT, reportError } from './errors';
import { processIo, type CliIo } from './io';

export function createProgramWith(commands: readonly RegisterCommand[], io: CliIo, setExit: (code: number) => void): Command {
  const ctx = createContext(io, version);
  const program = new Command('upi-inspector')
    .description('Build, sign, verify and explain Juspay UPI Plugin upiGetSessionToken requests and responses.')
    .version(version)
    .option('--json', 'machine-readable JSON output')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const register of commands) register(program, { ctx, exit: setExit });
  return program;
}

/** Runs a program of `commands` on `argv` (without node and the script) and resolves to the exit code; never throws. */
export async function runCliWith(commands: readonly RegisterCommand[], argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const refused = await prepareAutomation(io);
  if (refused !== null) return refused;
  const program = createProgramWith(commands, io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    // Commander has already printed its one-line usage error (or the help/version text).
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return reportError(io, e, argv.includes('--json'));
  }
}
