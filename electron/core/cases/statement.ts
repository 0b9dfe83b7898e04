/** What a case's masking did, in words a support engineer (and the merchant) can read at a glance. */
import type { CaseMasking, MaskRule } from '../../../shared/case/format';
import { plural } from '../../../shared/words';

const RULE_WORDS: Record<MaskRule, string> = {
  'mobile-number': 'mobile number',
  'account-number': 'account number',
  'account-holder-name': 'account-holder name',
  'device-fingerprint': 'device fingerprint',
  'bank-account-unique-id': 'bankAccountUniqueId',
  'reference-id': 'referenceId',
  'other-info': 'otherInfo',
  vpa: 'VPA',
  'merchant-customer-id': 'merchantCustomerId',
  'private-key': 'private key',
};

export function caseStatement(masking: Pick<CaseMasking, 'mode' | 'masked'>, rewritten: readonly string[] = []): string {
  const counts = new Map<MaskRule, number>();
  for (const m of masking.masked) counts.set(m.rule, (counts.get(m.rule) ?? 0) + 1);
  const what = [...counts].map(([rule, n]) => plural(n, RULE_WORDS[rule])).join(', ');
  const found = masking.masked.length ? `Personal data is masked: ${what}.` : 'No personal data was found to mask.';
  const layout = rewritten.length ? ` ${rewritten.join(', ')} could not be masked in place and ${rewritten.length === 1 ? 'was' : 'were'} re-written as JSON.` : '';
  if (masking.mode === 'full-redaction') {
    return `${found} Full redaction: merchantCustomerId was also masked inside the signed claims and signaturePayload re-encoded, so the signature can no longer be checked against this file. The verdict recorded in it was made on the original request, before redaction.${layout}`;
  }
  return `${found} The signed segments (protected, signaturePayload, signature) are exactly as received, so the signature can still be verified anywhere with the merchant's public key.${layout}`;
}
