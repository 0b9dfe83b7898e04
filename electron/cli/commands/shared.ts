import type { Command } from 'commander';
import type { Channel, ChannelOutput } from '../../../shared/contract';
import { InspectorError, type Result } from '../../../shared/result';
import type { CliContext } from '../context';

/** Environment variable for the passphrase of an encrypted key file (never a command-line argument). */
export const KEY_PASSPHRASE_ENV = 'UPI_INSPECTOR_KEY_PASSPHRASE';

/** What a command file gets from the program: the shared context and a way to set the exit code. */
export interface CommandHost {
  ctx: CliContext;
  /** Sets the process exit code (0 ok, 1 invalid, 2 bad usage or input). Errors: just throw. */
  exit(code: number): void;
}

/** Each file in commands/ exports one: it adds its command (or command group) to the program. */
export type RegisterCommand = (program: Command, host: CommandHost) => void;

/** The global --json flag, wherever it was typed. */
export function wantsJson(command: Command): boolean {
  return command.optsWithGlobals<{ json?: boolean }>().json === true;
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const { code, message, fix, field } = result.error;
  throw new InspectorError(code, message, { fix, field });
}

/** Calls a contract channel through the core's dispatch, exactly as the desktop and browser doors do. */
export async function callChannel<C extends Channel>(ctx: CliContext, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const core = await ctx.core();
  return unwrap(await core.dispatch(channel, input));
}

/** Retries once with a passphrase asked at the terminal when the key turns out to be encrypted. */
export async function withKeyPassphrase<T>(ctx: CliContext, file: string, attempt: (passphrase: string | undefined) => Promise<T>): Promise<T> {
  const fromEnv = ctx.io.env[KEY_PASSPHRASE_ENV] || undefined;
  try {
    return await attempt(fromEnv);
  } catch (e) {
    if (!(e instanceof InspectorError) || (e.code !== 'passphrase_required' && e.code !== 'wrong_passphrase')) throw e;
    const asked = ctx.io.interactive ? await ctx.askPassphrase(`Passphrase for the key ${file}: `) : undefined;
    // No terminal: the error's CLI fix says how to pass the passphrase (shared/errors.ts).
    if (asked === undefined) throw e;
    return attempt(asked);
  }
}
