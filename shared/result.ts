/**
 * Failures cross every boundary (core → IPC/HTTP → renderer, core → CLI) as values, never as thrown
 * errors: `code` is stable (tests and the CLI key on it), `message` says what happened and what to do,
 * `field` points a form at the culprit.
 */
export interface AppError {
  code: string;
  message: string;
  field?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err(code: string, message: string, field?: string): { ok: false; error: AppError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/** A core error carrying an AppError; thrown inside the core, turned into a Result at the handler edge. */
export class InspectorError extends Error {
  readonly code: string;
  readonly field?: string;
  constructor(code: string, message: string, field?: string) {
    super(message);
    this.name = 'InspectorError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toAppError(): AppError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}
