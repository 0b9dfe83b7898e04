/**
 * Failures cross every boundary (core → IPC/HTTP → renderer, core → CLI) as values, never as thrown
 * errors: `code` is stable and listed in `shared/errors.ts` (tests and the CLI key on it), `message`
 * says what happened, `fix` what to do about this occurrence (each door may word it its own way, see
 * `fixFor`), and `field` points a form at the culprit.
 */
import type { ErrorCode } from './errors';

export interface AppError {
  code: ErrorCode;
  /** What happened. */
  message: string;
  /** What to do, specific to this occurrence; the catalogue's door wording wins over it. */
  fix?: string;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** What an error says besides its code and message. */
export interface ErrorDetails {
  fix?: string;
  field?: string;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: ErrorCode, message: string, details: ErrorDetails = {}): { ok: false; error: AppError } {
  return { ok: false, error: appError(code, message, details) };
}

function appError(code: ErrorCode, message: string, details: ErrorDetails): AppError {
  const error: AppError = { code, message };
  if (details.fix !== undefined) error.fix = details.fix;
  if (details.field !== undefined) error.field = details.field;
  return error;
}

/** A core error carrying an AppError; thrown inside the core, turned into a Result at the handler edge. */
export class InspectorError extends Error {
  readonly code: ErrorCode;
  readonly fix?: string;
  readonly field?: string;
  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'InspectorError';
    this.code = code;
    if (details.fix !== undefined) this.fix = details.fix;
    if (details.field !== undefined) this.field = details.field;
  }
  toAppError(): AppError {
    return appError(this.code, this.message, this);
  }
}
