/**
 * Which account values the table highlights, and why. The length rules are the findings' own
 * (`LENGTH_RULES`), so a cell is highlighted exactly when the findings list counts it.
 */
import { LENGTH_RULES } from '../../../../shared/diagnostics/response-payload';
import { ACCOUNT_FIELDS, type AccountRow } from '../../../../shared/response';
import { show } from '../../../../shared/words';

type LengthField = keyof typeof LENGTH_RULES;

const LENGTH_FIELDS = Object.keys(LENGTH_RULES) as LengthField[];

function isLengthField(field: string): field is LengthField {
  return Object.hasOwn(LENGTH_RULES, field);
}

/** Why a value stands out, in a sentence, or null when it is as expected (or absent). */
export function unusualReason(field: string, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (isLengthField(field)) {
    const rule = LENGTH_RULES[field];
    if (typeof value !== 'number') return `${rule.label} is not a number (${show(value)}): the PIN or OTP screen needs a digit count.`;
    if (rule.allowed(value)) return null;
    return `${rule.label} ${value} is outside what banks use (${rule.words} digits).`;
  }
  const kind = (ACCOUNT_FIELDS as Record<string, string>)[field];
  if (kind === 'boolean' && typeof value !== 'boolean') return `${field} is neither true nor false (${show(value)}).`;
  if (kind === 'topup' && typeof value !== 'boolean' && value !== 'topup_txn_pending') {
    return `${field} is not true, false or "topup_txn_pending" (${show(value)}).`;
  }
  return null;
}

const CHECKED = [...LENGTH_FIELDS, ...(Object.keys(ACCOUNT_FIELDS) as (keyof typeof ACCOUNT_FIELDS)[]).filter((f) => ACCOUNT_FIELDS[f] === 'boolean' || ACCOUNT_FIELDS[f] === 'topup')];

/** True when any of the row's values would be highlighted (the `is:unusual` filter). */
export function hasUnusualValue(row: AccountRow): boolean {
  for (const field of CHECKED) {
    if (unusualReason(field, row[field]) !== null) return true;
  }
  return false;
}
