/**
 * The accounts table's columns as data: order, width, what each holds, the short names the filter box
 * accepts, and which ones a support engineer sees first. The table, its column chooser and the
 * `field:value` filter all read this one list.
 */
import { ACCOUNT_FIELDS, type AccountField, type AccountRow, type FieldKind } from '../../../../shared/response';

export type AccountColumnId = AccountField | 'vpa';

export interface AccountColumnSpec {
  id: AccountColumnId;
  kind: FieldKind;
  width: number;
  description: string;
  /** Other names the filter box accepts for this column (`bank:hdfc`). */
  aliases: readonly string[];
  /** Shown when the table opens; the rest are one click away in the column chooser. */
  shown: boolean;
}

/** Default order: who and where, then what a payment flow needs (MPIN set, the three lengths), then the rest. */
export const ACCOUNT_COLUMNS: readonly AccountColumnSpec[] = [
  { id: 'vpa', kind: 'text', width: 170, description: 'The VPA this account is linked to', aliases: [], shown: true },
  { id: 'bankName', kind: ACCOUNT_FIELDS.bankName, width: 130, description: 'Name of bank', aliases: ['bank'], shown: true },
  { id: 'maskedAccountNumber', kind: ACCOUNT_FIELDS.maskedAccountNumber, width: 160, description: 'Account number with last few digits visible', aliases: ['account', 'number'], shown: true },
  { id: 'mpinSet', kind: ACCOUNT_FIELDS.mpinSet, width: 84, description: 'Is the MPIN set', aliases: [], shown: true },
  { id: 'mpinLength', kind: ACCOUNT_FIELDS.mpinLength, width: 104, description: 'Length of the MPIN', aliases: ['mpin'], shown: true },
  { id: 'otpLength', kind: ACCOUNT_FIELDS.otpLength, width: 96, description: 'Length of the OTP', aliases: ['otp'], shown: true },
  { id: 'atmPinLength', kind: ACCOUNT_FIELDS.atmPinLength, width: 120, description: 'Length of the ATM PIN', aliases: ['atm', 'atmPin'], shown: true },
  { id: 'isPrimary', kind: ACCOUNT_FIELDS.isPrimary, width: 92, description: 'Is this the primary account', aliases: ['primary'], shown: true },
  { id: 'bankCode', kind: ACCOUNT_FIELDS.bankCode, width: 90, description: 'IIN code for the bank', aliases: ['code', 'iin'], shown: false },
  { id: 'ifsc', kind: ACCOUNT_FIELDS.ifsc, width: 120, description: 'Account IFSC', aliases: [], shown: false },
  { id: 'branchName', kind: ACCOUNT_FIELDS.branchName, width: 140, description: 'Branch in which the account is registered', aliases: ['branch'], shown: false },
  { id: 'type', kind: ACCOUNT_FIELDS.type, width: 100, description: 'Type of account, e.g. SAVINGS', aliases: [], shown: false },
  { id: 'name', kind: ACCOUNT_FIELDS.name, width: 140, description: 'Name of the account holder', aliases: ['holder'], shown: false },
  { id: 'isInitialTopUpDone', kind: ACCOUNT_FIELDS.isInitialTopUpDone, width: 150, description: 'UPI Lite only: true or topup_txn_pending', aliases: ['topup'], shown: false },
  { id: 'referenceId', kind: ACCOUNT_FIELDS.referenceId, width: 150, description: 'Account reference id', aliases: ['ref', 'reference'], shown: false },
  { id: 'bankAccountUniqueId', kind: ACCOUNT_FIELDS.bankAccountUniqueId, width: 190, description: 'Unique identifier for the bank account across banks', aliases: ['uid', 'unique'], shown: false },
];

const BY_NAME = new Map<string, AccountColumnSpec>();
for (const spec of ACCOUNT_COLUMNS) {
  BY_NAME.set(spec.id.toLowerCase(), spec);
  for (const alias of spec.aliases) BY_NAME.set(alias.toLowerCase(), spec);
}

/** The column a name in the filter box stands for (field name or short name, any case). */
export function columnByName(name: string): AccountColumnSpec | undefined {
  return BY_NAME.get(name.toLowerCase());
}

/** The names the filter box accepts, for the message about an unknown one. */
export function filterNames(): string {
  return ACCOUNT_COLUMNS.map((c) => (c.aliases.length ? `${c.id} (${c.aliases[0]})` : c.id)).join(', ');
}

export function accountValue(row: AccountRow, id: AccountColumnId): unknown {
  return row[id];
}
