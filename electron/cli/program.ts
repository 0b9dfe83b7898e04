/**
 * The `upi-inspector` command line: one commander program on the same core as the desktop app and the
 * browser host. Each command lives in commands/ and registers itself; add new ones to COMMANDS.
 */
import { Command, CommanderError } from 'commander';
import { version } from '../../package.json';
import { registerHistoryCommands } from './commands/history';
import { registerInspectResponseCommand } from './commands/inspect-response';
import { registerKeysCommands } from './commands/keys';
import { registerProfilesCommands } from './commands/profiles';
import type { RegisterCommand } from './commands/shared';
import { registerSignCommand } from './commands/sign';
import { registerSnippetCommand } from './commands/snippet';
import { registerVerifyCommand } from './commands/verify';
import { registerLogsCommand } from './commands/logs';
import { registerVaultCommands } from './commands/vault';
import { registerCaseCommands } from './commands/case';
import { prepareAutomation } from './automation';
import { createContext } from './context';
import { EXIT, reportError } from './errors';
import { processIo, type CliIo } from './io';

const COMMANDS: RegisterCommand[] = [registerKeysCommands, registerSignCommand, registerVerifyCommand, registerInspectResponseCommand, registerSnippetCommand, registerProfilesCommands, registerHistoryCommands];
// Later commands are appended one a line, so branches that add commands merge cleanly.
COMMANDS.push(registerLogsCommand);
COMMANDS.push(registerVaultCommands);
COMMANDS.push(registerCaseCommands);

export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  const ctx = createContext(io, version);
  const program = new Command('upi-inspector')
    .description('Build, sign, verify and explain Juspay UPI Plugin upiGetSessionToken requests and responses.')
    .version(version)
    .option('--json', 'machine-readable JSON output')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const register of COMMANDS) register(program, { ctx, exit: setExit });
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code; never throws. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  let code: number = EXIT.ok;
  const refused = await prepareAutomation(io);
  if (refused !== null) return refused;
  const program = createProgram(io, (c) => {
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
