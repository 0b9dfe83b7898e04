/**
 * The response's fields, once, as tables of name → kind (the normaliser is driven by them, the Response
 * screen orders its columns by them), and the types of a response as the normaliser leaves it.
 */

export type FieldKind = 'text' | 'boolean' | 'number' | 'topup' | 'object';

export const ENVELOPE_FIELDS = {
  requestId: 'text',
  service: 'text',
  event: 'text',
  error: 'boolean',
  errorCode: 'text',
  errorMessage: 'text',
} as const satisfies Record<string, FieldKind>;

export const PAYLOAD_FIELDS = {
  action: 'text',
  status: 'text',
  isDeviceBound: 'boolean',
  isDeviceActivated: 'boolean',
  prefix: 'text',
  customerMobileNumber: 'text',
  deviceFingerPrint: 'text',
  otherInfo: 'object',
} as const satisfies Record<string, FieldKind>;

export const VPA_FIELDS = { vpa: 'text' } as const satisfies Record<string, FieldKind>;

/** Each linked bank account, in the documented order (also a sensible column order for a table). */
export const ACCOUNT_FIELDS = {
  bankCode: 'text',
  bankName: 'text',
  maskedAccountNumber: 'text',
  mpinLength: 'number',
  mpinSet: 'boolean',
  referenceId: 'text',
  otpLength: 'number',
  atmPinLength: 'number',
  type: 'text',
  branchName: 'text',
  bankAccountUniqueId: 'text',
  ifsc: 'text',
  isInitialTopUpDone: 'topup',
  isPrimary: 'boolean',
  name: 'text',
} as const satisfies Record<string, FieldKind>;

export type AccountField = keyof typeof ACCOUNT_FIELDS;

/**
 * A value as the normaliser leaves it: the field's type when it was readable (`"6"` → 6), otherwise the
 * original value exactly as received (check with `typeof`). `null` is kept as null.
 */
export type Kept = string | number | boolean | null | object;
export type Flex<T> = T | Kept;

type KindValue = {
  text: string;
  boolean: boolean;
  number: number;
  topup: boolean | 'topup_txn_pending';
  object: Record<string, unknown>;
};

type Normalized<T extends Record<string, FieldKind>> = { -readonly [K in keyof T]?: Flex<KindValue[T[K]]> };

export type NormalizedAccount = Normalized<typeof ACCOUNT_FIELDS>;

export interface NormalizedVpaAccount extends Normalized<typeof VPA_FIELDS> {
  accounts: NormalizedAccount[];
}

export interface NormalizedPayload extends Normalized<typeof PAYLOAD_FIELDS> {
  /** Always an array (empty when absent or unreadable); see `SpellingReport` for what was received. */
  vpaAccounts: NormalizedVpaAccount[];
}

export interface NormalizedResponse extends Normalized<typeof ENVELOPE_FIELDS> {
  /** Absent when the response had no readable payload object. */
  payload?: NormalizedPayload;
}

/** One row per account, flattened for a table: the VPA and the account's position alongside its fields. */
export interface AccountRow extends NormalizedAccount {
  vpa?: Flex<string>;
  vpaIndex: number;
  accountIndex: number;
}

export interface UnreadValue {
  /** Exact path, e.g. `payload.vpaAccounts[0].accounts[3].otpLength`. */
  path: string;
  /** Field pattern, e.g. `payload.vpaAccounts[].accounts[].otpLength`. */
  field: string;
  expected: FieldKind | 'array' | 'object';
  value: unknown;
}

/** What spellings the normaliser saw, summarised per field pattern (not per account). */
export interface SpellingReport {
  /** Field pattern → how many values were strings standing for booleans/numbers/objects ("true", "6", "{}"). */
  strings: Record<string, number>;
  /** Field pattern → how many values were real JSON booleans/numbers/objects. */
  json: Record<string, number>;
  /** Values that could not be read as their field's type (at most 50 kept; `unreadableCount` has them all). */
  unreadable: UnreadValue[];
  unreadableCount: number;
}

export interface NormalizeResult {
  response: NormalizedResponse;
  spelling: SpellingReport;
}
