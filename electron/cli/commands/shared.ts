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
  throw new InspectorError(result.error.code, result.error.message, result.error.field);
}

/** Calls a contract channel through the core's dispatch, exactly as the desktop and browser doors do. */
export async function callChannel<C extends Channel>(ctx: CliContext, channel: C, input: unknown): Promise<ChannelOutput<C>> {
  const core = await ctx.core();
  return unwrap(await core.dispatch(channel, input));
}


/** Retries once with a passphrase when the key turns out to be encrypted, then explains how to pass one. */
export async function withKeyPassphrase<T>(ctx: CliContext, file: string, attempt: (passphrase: string | undefined) => Promise<T>): Promise<T> {
  const fromEnv = ctx.io.env[KEY_PASSPHRASE_ENV] || undefined;
  try {
    return await attempt(fromEnv);
  } catch (e) {
    if (!(e instanceof InspectorError) || (e.code !== 'passphrase_required' && e.code !== 'wrong_passphrase')) throw e;
    const asked = ctx.io.interactive ? await ctx.askPassphrase(`Passphrase for the key ${file}: `) : undefined;
    if (asked === undefined) {
      throw new InspectorError(
        e.code,
        e.code === 'passphrase_required'
          ? `${e.message.replace(/: type its passphrase to import it\.$/, '')}: set ${KEY_PASSPHRASE_ENV} to its passphrase (there is no terminal to ask on).`
          : `${e.message} (the passphrase came from ${KEY_PASSPHRASE_ENV}).`,
        e.field,
      );
    }
    return attempt(asked);
  }
}
