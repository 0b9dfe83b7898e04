/**
 * A fully redacted case: merchantCustomerId was masked inside the signed claims and the segment
 * re-encoded, so the bytes the merchant signed are gone and no key can verify what is left. The
 * verdict says so, and why, instead of calling the signature wrong.
 */
import { finding } from './catalog';
import type { Finding } from './types';

export interface RedactionFacts {
  /** Paths masked inside the signed segments, e.g. `payload.signaturePayload.merchantCustomerId`. */
  masked: string[];
  /** The verdict recorded in the case before redaction, to say what it was. */
  recorded?: { valid: boolean | null; headline: string };
}

/** The reason the evidence gives for not checking the signature of a redacted case. */
export const REDACTED_NOT_CHECKED =
  'this case was exported with full redaction, so the signed segments are not the bytes the merchant signed.';

export function redactionFindings(redaction: RedactionFacts | undefined, path = 'payload.signaturePayload'): Finding[] {
  if (!redaction) return [];
  const fields = redaction.masked.length ? redaction.masked.join(', ') : 'values inside the signed claims';
  const recorded = redaction.recorded
    ? ` The verdict recorded in the case, made before redaction: ${redaction.recorded.valid === true ? 'valid' : redaction.recorded.valid === false ? 'invalid' : 'not verified'} (“${redaction.recorded.headline}”).`
    : '';
  return [
    finding(
      'case.redacted',
      path,
      `The signature cannot be checked: this case was exported with full redaction, which masked ${fields} and re-encoded the segment, so the signed bytes are no longer the ones the merchant's app sent.${recorded}`,
      'Ask for the case exported with the default masking (it keeps the signed segments intact, so it verifies anywhere), or verify the original request.',
    ),
  ];
}
