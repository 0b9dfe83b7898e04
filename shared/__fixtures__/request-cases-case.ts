/**
 * Finding cases for requests read out of case files: a fully redacted case cannot be verified (its
 * claims were re-encoded), and says so; the same request from a masked case verifies as usual.
 */
import { REDACTED_NOT_CHECKED } from '../diagnostics/case';
import type { RequestCase, RequestWorld } from './cases';

export async function caseFamilies(w: RequestWorld): Promise<Record<'case', RequestCase[]>> {
  const redaction = { masked: ['payload.signaturePayload.merchantCustomerId'], recorded: { valid: true, headline: 'The signature verifies.' } };
  return {
    case: [
      {
        id: 'case.redacted',
        name: 'a case exported with full redaction',
        raises: { text: w.baseText, options: { ...w.baseOptions, redaction, signature: { keysTried: [], notCheckedReason: REDACTED_NOT_CHECKED } } },
        avoids: w.base,
        mentions: ['full redaction', 'merchantCustomerId', 'cannot be checked', 'default masking', 'made before redaction: valid'],
      },
    ],
  };
}
