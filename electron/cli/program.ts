/**
 * The `upi-inspector` command line: one commander program on the same core as the desktop app and the
 * browser host. Each command lives in commands/ and registers itself; add new ones to COMMANDS.
 */
import type { Command } from 'commander';
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
import { registerSettingsCommands } from './commands/settings';
import type { CliIo } from './io';
import { createProgramWith, runCliWith } from './program-base';

const COMMANDS: RegisterCommand[] = [registerKeysCommands, registerSignCommand, registerVerifyCommand, registerInspectResponseCommand, registerSnippetCommand, registerProfilesCommands, registerHistoryCommands];
// Later commands are appended one a line, so branches that add commands merge cleanly.
COMMANDS.push(registerLogsCommand);
COMMANDS.push(registerVaultCommands);
COMMANDS.push(registerCaseCommands);
COMMANDS.push(registerSettingsCommands);

export function createProgram(io: CliIo, setExit: (code: number) => void): Command {
  return createProgramWith(COMMANDS, io, setExit);
}

/** Runs the CLI on `argv` (without node and the script) and resolves to the exit code; never throws. */
export function runCli(argv: string[], io?: CliIo): Promise<number> {
  return runCliWith(COMMANDS, argv, io);
}
