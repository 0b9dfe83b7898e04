/**
 * A LINKED response with `vpas × accounts` accounts, pretty-printed as the SDK logs it, with the
 * spellings mixed ("6" and 4, "true" and false). 100 × 100 gives the 10,000-account (about 5 MB) text.
 * Account `a` of VPA `v` has the masked number XXXXXXXX<v*100+a, 4 digits> and referenceId ref-v-a.
 */
export function bigResponseText(vpas = 100, accounts = 100): string {
  const vpaAccounts = Array.from({ length: vpas }, (_, v) => ({
    vpa: `user${v}@axb`,
    accounts: Array.from({ length: accounts }, (_, a) => ({
      bankCode: '607153',
      bankName: `Bank ${v}`,
      maskedAccountNumber: `XXXXXXXX${String(v * 100 + a).padStart(4, '0')}`,
      mpinLength: a % 2 ? '6' : 4,
      mpinSet: a % 2 ? 'true' : false,
      referenceId: `ref-${v}-${a}`,
      otpLength: '6',
      atmPinLength: 4,
      type: 'SAVINGS',
      branchName: 'Branch',
      bankAccountUniqueId: `uniq-${v}-${a}`,
      ifsc: 'UTIB0000123',
      isPrimary: a === 0 ? 'true' : 'false',
      name: 'Customer',
    })),
  }));
  return JSON.stringify({ requestId: 'x', payload: { status: 'LINKED', vpaAccounts }, error: false, event: 'process_result' }, null, 2);
}
