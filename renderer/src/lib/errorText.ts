/** How the window words a failure: what happened, then what to do on this screen (shared/errors.ts). */
import { describeError } from '../../../shared/errors';
import type { AppError } from '../../../shared/result';

export function errorText(error: AppError): string {
  return describeError(error, 'window');
}
