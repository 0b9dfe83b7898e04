/** Exit codes and the one-line error report every command shares (house rule: never a stack trace). */
import { InspectorError } from '../../shared/result';
import type { CliIo } from './io';

export const EXIT = {
  /** Done; for verify: the signature is valid. */
  ok: 0,
  /** The thing checked is invalid (verify). */
  invalid: 1,
  /** Bad usage or bad input: unknown option, unreadable file, weak or non-RSA key, locked vault. */
  usage: 2,
} as const;

export function usageError(message: string, field?: string): InspectorError {
  return new InspectorError('invalid_usage', message, field);
}

/** Prints an error as one line on stderr (JSON with --json) and returns the exit code. */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  const appError =
    error instanceof InspectorError
      ? error.toAppError()
      : { code: 'internal', message: `unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  const message = appError.message.replace(/\s*\n\s*/g, ' ');
  io.stderr(json ? `${JSON.stringify({ error: { ...appError, message } })}\n` : `upi-inspector: ${message} [${appError.code}]\n`);
  return EXIT.usage;
}
