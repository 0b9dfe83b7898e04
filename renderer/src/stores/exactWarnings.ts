/**
 * Compose's exact-bytes warnings: the inspector's findings about the bytes as they will be signed
 * (shared/diagnostics/compose), in its own words. The inspector's rules are a large script, so the form
 * loads this module only when the mode is switched on (useExactWarnings).
 */
import { composeFindings, type ComposeTarget } from '../../../shared/diagnostics/compose';
import type { KeyRef } from '../../../shared/diagnostics/types';
import type { KeyInfo } from '../../../shared/keys';
import type { FieldName } from './envelope';

export type { ComposeTarget };

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
