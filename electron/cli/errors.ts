/** Exit codes and the one-line error report every command shares (house rule: never a stack trace). */
import { describeError, fixFor } from '../../shared/errors';
import { InspectorError, type AppError, type ErrorDetails } from '../../shared/result';
import type { CliIo } from './io';

export const EXIT = {
  /** Done; for verify: the signature is valid. */
  ok: 0,
  /** The thing checked is invalid (verify). */
  invalid: 1,
  /** Bad usage or bad input: unknown option, unreadable file, weak or non-RSA key, locked vault. */
  usage: 2,
} as const;

export function usageError(message: string, details: ErrorDetails = {}): InspectorError {
  return new InspectorError('invalid_usage', message, details);
}

/**
 * Prints an error on stderr and returns the exit code: one line, what happened then what to do in the
 * CLI's words, then the code (`upi-inspector: <message> <fix> [code]`); with --json,
 * `{ error: { code, message, fix, field } }`.
 */
export function reportError(io: CliIo, error: unknown, json: boolean): number {
  const appError: AppError =
    error instanceof InspectorError
      ? error.toAppError()
      : { code: 'internal', message: `unexpected error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` };
  if (json) {
    const { code, message, field } = appError;
    io.stderr(`${JSON.stringify({ error: { code, message, fix: fixFor(appError, 'cli'), field } })}\n`);
  } else {
    io.stderr(`upi-inspector: ${describeError(appError, 'cli')} [${appError.code}]\n`);
  }
  return EXIT.usage;
}
