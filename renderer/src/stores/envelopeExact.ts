/**
 * Compose's exact-bytes mode (negative tests): what stops signing (only a missing key or an absurd
 * length). What the inspector will say about each field is in exactWarnings.ts, loaded with the mode.
 */
import { exactFieldProblem } from '../../../shared/envelope-rules';
import { FIELD_NAMES, type FieldName, type Problem } from './envelope';

/** Exact-bytes mode signs anything but an absurdly long field; a key is still needed. */
export function exactProblems(fields: Record<FieldName, string>, keyId: string | null, kidOverride: string | null): Problem[] {
  const problems: Problem[] = [];
  for (const name of FIELD_NAMES) {
    const problem = exactFieldProblem(name, fields[name]);
    if (problem) problems.push({ field: name, message: problem });
  }
  if (kidOverride !== null && exactFieldProblem('kid', kidOverride)) problems.push({ field: 'keyId', message: 'The header kid is too long: shorten it.' });
  if (!keyId) problems.push({ field: 'keyId', message: 'Choose a signing key: import or generate one on the Keys screen.' });
  return problems;
}
