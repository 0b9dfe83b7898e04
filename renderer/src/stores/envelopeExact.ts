/**
 * Compose's exact-bytes mode (negative tests): what stops signing (only a missing key or an absurd
 * length) and what the inspector will say about each field, in its own words (shared/diagnostics/compose).
 */
import { composeFindings, type ComposeTarget } from '../../../shared/diagnostics/compose';
import type { KeyRef } from '../../../shared/diagnostics/types';
import { exactFieldProblem } from '../../../shared/envelope-rules';
import type { KeyInfo } from '../../../shared/keys';
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

/** The warning under each field (and the header kid): the inspector's findings about the bytes as they will be signed. */
export function exactWarnings(fields: Record<FieldName, string>, signer: KeyInfo | undefined, kidOverride: string | null, now: number): Partial<Record<ComposeTarget, string>> {
  const ref: KeyRef | undefined = signer ? { keyId: signer.id, source: 'vault', label: signer.label, kid: signer.kid, thumbprint: signer.thumbprint, bits: signer.bits } : undefined;
  const found = composeFindings({ fields, kid: kidOverride ?? signer?.kid ?? '', ...(ref ? { signer: ref } : {}), now });
  const out: Partial<Record<ComposeTarget, string>> = {};
  for (const [target, findings] of Object.entries(found) as [ComposeTarget, NonNullable<(typeof found)[ComposeTarget]>][]) {
    out[target] = findings.map((f) => f.message).join(' ');
  }
  return out;
}
