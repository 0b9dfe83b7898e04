/** `upi-inspector sign …` on its own: the same program with only the sign command in it (see program-base.ts). */
import { registerSignCommand } from './commands/sign';
import type { CliIo } from './io';
import { runCliWith } from './program-base';

export function runSignCli(argv: string[], io?: CliIo): Promise<number> {
  return runCliWith([registerSignCommand], argv, io);
}
