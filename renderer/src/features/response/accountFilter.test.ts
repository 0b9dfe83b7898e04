import { describe, expect, it } from 'vitest';
import { accountRows, parseResponseText, type AccountRow } from '../../../../shared/response';
import { compileFilter, fieldTerm, parseFilter } from './accountFilter';

/** Three accounts spelled the way merchants' logs spell them: strings and JSON values mixed. */
function rows(): AccountRow[] {
  const text = JSON.stringify({
    payload: {
      status: 'LINKED',
      vpaAccounts: [
        {
          vpa: 'asha.k@axb',
          accounts: [
            { bankName: 'Axis Bank', maskedAccountNumber: 'XX4521', mpinSet: 'true', mpinLength: '6', otpLength: '6', atmPinLength: '4', isPrimary: 'true' },
            { bankName: 'ICICI Bank', maskedAccountNumber: 'XX7788', mpinSet: false, mpinLength: 4, otpLength: 8, atmPinLength: 6, isPrimary: false, isInitialTopUpDone: 'topup_txn_pending' },
          ],
        },
        {
          vpa: 'asha.k@okhdfc',
          accounts: [{ bankName: 'HDFC Bank', maskedAccountNumber: 'XX0099', mpinSet: 'false', mpinLength: 99, otpLength: '-1', atmPinLength: 'four', branchName: 'State Bank Road' }],
        },
      ],
    },
  });
  const parsed = parseResponseText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return accountRows(parsed.response);
}

/** The masked numbers of the accounts a query keeps. */
function keep(query: string): string[] {
  const { terms } = parseFilter(query);
  const test = compileFilter(terms);
  return rows()
    .filter((r) => !test || test(r))
    .map((r) => String(r.maskedAccountNumber));
}

describe('the accounts filter syntax', () => {
  it('reads booleans whatever their spelling: mpinSet:false keeps false and "false"', () => {
    expect(keep('mpinSet:false')).toEqual(['XX7788', 'XX0099']);
    expect(keep('mpinSet:true')).toEqual(['XX4521']);
    expect(keep('mpinset:no')).toEqual(['XX7788', 'XX0099']);
  });

  it('compares numbers as numbers, "6" and 6 alike, with comparisons', () => {
    expect(keep('otpLength:6')).toEqual(['XX4521']);
    expect(keep('otp:8')).toEqual(['XX7788']);
    expect(keep('mpinLength:>4')).toEqual(['XX4521', 'XX0099']);
    expect(keep('mpinLength:<=4')).toEqual(['XX7788']);
    expect(keep('otpLength:-1')).toEqual(['XX0099']);
    // A value that is not a number is matched as written.
    expect(keep('atmPinLength:four')).toEqual(['XX0099']);
  });

  it('matches text fields by a case-insensitive part, under their field name or short name', () => {
    expect(keep('bank:hdfc')).toEqual(['XX0099']);
    expect(keep('bankName:BANK')).toEqual(['XX4521', 'XX7788', 'XX0099']);
    expect(keep('vpa:okhdfc')).toEqual(['XX0099']);
    expect(keep('branch:"state bank"')).toEqual(['XX0099']);
  });

  it('ANDs several terms, and free words match any column, hidden ones included', () => {
    expect(keep('mpinSet:false bank:icici')).toEqual(['XX7788']);
    expect(keep('mpinSet:false otpLength:8 bank:hdfc')).toEqual([]);
    expect(keep('axis')).toEqual(['XX4521']);
    expect(keep('pending')).toEqual(['XX7788']);
    expect(keep('"state bank"')).toEqual(['XX0099']);
    expect(keep('asha.k@axb xx77')).toEqual(['XX7788']);
  });

  it('excludes with a leading minus or a "!" after the colon, but "-1" is a word', () => {
    expect(keep('-bank:axis')).toEqual(['XX7788', 'XX0099']);
    expect(keep('mpinSet:!false')).toEqual(['XX4521']);
    expect(keep('-hdfc')).toEqual(['XX4521', 'XX7788']);
    expect(keep('-1')).toEqual(['XX0099']);
  });

  it('is:unusual keeps the accounts with a highlighted value', () => {
    expect(keep('is:unusual')).toEqual(['XX0099']);
    expect(keep('-is:unusual')).toEqual(['XX4521', 'XX7788']);
  });

  it('says clearly when a name is not a column, and leaves that term out', () => {
    const parsed = parseFilter('pin:4 bank:axis');
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain('“pin” is not a column');
    expect(parsed.problems[0]).toContain('mpinLength (mpin)');
    expect(parsed.terms).toEqual([{ kind: 'field', field: 'bankName', value: 'axis', negate: false }]);
    expect(parseFilter('is:weird').problems[0]).toContain('is:unusual');
  });

  it('an empty box or a term still being typed filters nothing', () => {
    expect(parseFilter('   ')).toEqual({ terms: [], problems: [] });
    expect(parseFilter('bank:')).toEqual({ terms: [], problems: [] });
    expect(compileFilter([])).toBeNull();
  });

  it('column filter boxes take the value syntax: "!" negates', () => {
    const test = compileFilter([fieldTerm('mpinSet', 'false'), fieldTerm('bankName', '!icici')])!;
    expect(rows().filter(test).map((r) => r.maskedAccountNumber)).toEqual(['XX0099']);
  });
});
