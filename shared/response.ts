/**
 * The `upiGetSessionToken` response: what each field means, a reader that accepts booleans and numbers
 * spelled as JSON values *or* strings (Juspay's own samples send `"mpinSet": "true"`, `"otpLength": "6"`,
 * `"otherInfo": "{}"`) and remembers which spelling it saw, the status and error-code catalogues, and a
 * fast normaliser for tables (10,000 accounts, no regex per field). Pure TypeScript.
 */
import { z } from 'zod';
import { extractJson, parseJson } from './json';
import { isRecord } from './guards';
import { describeType } from './words';

export const RESPONSE_EVENT = 'process_result';
export const INITIATE_EVENT = 'initiate_result';

// ---------------------------------------------------------------------------------------------------------
// Readers: one value in, the typed value and how it was spelled out (or "not readable").

/** How a value was written on the wire: a real JSON boolean/number/object, or a string standing for one. */
export type Spelling = 'json' | 'string';

export type Read<T> = { ok: true; value: T; spelling: Spelling } | { ok: false };

const NOT_READ: { ok: false } = { ok: false };

/** `true`/`false` or the strings "true"/"false" (any case, surrounding spaces allowed). */
export function readBoolean(v: unknown): Read<boolean> {
  if (v === true || v === false) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string' && v.length <= 9) {
    const t = v.trim().toLowerCase();
    if (t === 'true') return { ok: true, value: true, spelling: 'string' };
    if (t === 'false') return { ok: true, value: false, spelling: 'string' };
  }
  return NOT_READ;
}

/** A finite JSON number, or a string holding a plain decimal number ("6", "-1", "4.0"). No hex, no exponents. */
export function readNumber(v: unknown): Read<number> {
  if (typeof v === 'number') return Number.isFinite(v) ? { ok: true, value: v, spelling: 'json' } : NOT_READ;
  if (typeof v !== 'string' || v.length === 0 || v.length > 32) return NOT_READ;
  let s = 0;
  let e = v.length;
  while (s < e && v.charCodeAt(s) === 32) s++;
  while (e > s && v.charCodeAt(e - 1) === 32) e--;
  let i = s;
  if (v.charCodeAt(i) === 45) i++;
  let digits = 0;
  let dot = false;
  for (; i < e; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !dot) dot = true;
    else return NOT_READ;
  }
  if (digits === 0) return NOT_READ;
  const n = Number(v.slice(s, e));
  return Number.isFinite(n) ? { ok: true, value: n, spelling: 'string' } : NOT_READ;
}

/** UPI Lite's `isInitialTopUpDone`: a boolean (either spelling) or the literal `topup_txn_pending`. */
export function readTopUp(v: unknown): Read<boolean | 'topup_txn_pending'> {
  if (v === 'topup_txn_pending') return { ok: true, value: v, spelling: 'json' };
  return readBoolean(v);
}

/** Text fields are read as strings; anything else is kept as received and reported. */
export function readText(v: unknown): Read<string> {
  return typeof v === 'string' ? { ok: true, value: v, spelling: 'json' } : NOT_READ;
}

/** `otherInfo`: an object, or a string holding a JSON object ("{}"). Other strings are kept as text. */
export function readObject(v: unknown): Read<Record<string, unknown>> {
  if (isRecord(v)) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('{')) {
      const parsed = parseJson(t);
      if (parsed.ok && isRecord(parsed.value)) return { ok: true, value: parsed.value, spelling: 'string' };
    }
  }
  return NOT_READ;
}

/** An array, or a string holding a JSON array ("[]"). */
function readArray(v: unknown): Read<unknown[]> {
  if (Array.isArray(v)) return { ok: true, value: v, spelling: 'json' };
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    const parsed = parseJson(v);
    if (parsed.ok && Array.isArray(parsed.value)) return { ok: true, value: parsed.value, spelling: 'string' };
  }
  return NOT_READ;
}

// ---------------------------------------------------------------------------------------------------------
// The fields, once: both the zod schema and the normaliser are generated from these tables.

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

const MAX_UNREAD = 50;

class Recorder {
  readonly strings = new Map<string, number>();
  readonly json = new Map<string, number>();
  readonly unreadable: UnreadValue[] = [];
  unreadableCount = 0;

  saw(field: string, spelling: Spelling, counted: boolean): void {
    if (!counted) return;
    const m = spelling === 'string' ? this.strings : this.json;
    m.set(field, (m.get(field) ?? 0) + 1);
  }

  unread(path: () => string, field: string, expected: UnreadValue['expected'], value: unknown): void {
    this.unreadableCount++;
    if (this.unreadable.length < MAX_UNREAD) this.unreadable.push({ path: path(), field, expected, value });
  }

  report(): SpellingReport {
    return {
      strings: Object.fromEntries(this.strings),
      json: Object.fromEntries(this.json),
      unreadable: this.unreadable,
      unreadableCount: this.unreadableCount,
    };
  }
}

const READERS: Record<FieldKind, (v: unknown) => Read<unknown>> = {
  text: readText,
  boolean: readBoolean,
  number: readNumber,
  topup: readTopUp,
  object: readObject,
};

interface CompiledField {
  name: string;
  kind: FieldKind;
  read: (v: unknown) => Read<unknown>;
  /** Only non-text kinds have a spelling worth counting. */
  counted: boolean;
  pattern: string;
}

function compile(table: Record<string, FieldKind>, prefix: string): CompiledField[] {
  return Object.entries(table).map(([name, kind]) => ({
    name,
    kind,
    read: READERS[kind],
    counted: kind !== 'text',
    pattern: prefix + name,
  }));
}

const C_ENVELOPE = compile(ENVELOPE_FIELDS, '');
const C_PAYLOAD = compile(PAYLOAD_FIELDS, 'payload.');
const C_VPA = compile(VPA_FIELDS, 'payload.vpaAccounts[].');
const C_ACCOUNT = compile(ACCOUNT_FIELDS, 'payload.vpaAccounts[].accounts[].');

function readFields(
  source: Record<string, unknown>,
  fields: CompiledField[],
  out: Record<string, unknown>,
  rec: Recorder,
  pathOf: (name: string) => string,
): void {
  for (let f = 0; f < fields.length; f++) {
    const field = fields[f]!;
    if (!Object.hasOwn(source, field.name)) continue;
    const raw = source[field.name];
    if (raw === undefined || raw === null) {
      if (raw === null) out[field.name] = null;
      continue;
    }
    const r = field.read(raw);
    if (r.ok) {
      out[field.name] = r.value;
      rec.saw(field.pattern, r.spelling, field.counted);
    } else {
      out[field.name] = raw;
      // Free text in otherInfo is allowed ("as passed in request"); only complain about non-strings there.
      if (!(field.kind === 'object' && typeof raw === 'string')) rec.unread(() => pathOf(field.name), field.pattern, field.kind, raw);
    }
  }
}

/**
 * Reads any value as a `upiGetSessionToken` response, never throws. Readable booleans/numbers become
 * booleans/numbers whatever their spelling; everything else is kept as received and listed in the report.
 */
export function normalizeResponse(value: unknown): NormalizeResult {
  const rec = new Recorder();
  const response: NormalizedResponse = {};
  if (!isRecord(value)) return { response, spelling: rec.report() };
  readFields(value, C_ENVELOPE, response as Record<string, unknown>, rec, (n) => n);
  if (Object.hasOwn(value, 'payload')) {
    const p = readObject(value.payload);
    if (p.ok) {
      rec.saw('payload', p.spelling, true);
      response.payload = normalizePayload(p.value, rec);
    } else if (value.payload !== null && value.payload !== undefined) {
      rec.unread(() => 'payload', 'payload', 'object', value.payload);
    }
  }
  return { response, spelling: rec.report() };
}

function normalizePayload(source: Record<string, unknown>, rec: Recorder): NormalizedPayload {
  const payload: NormalizedPayload = { vpaAccounts: [] };
  readFields(source, C_PAYLOAD, payload as unknown as Record<string, unknown>, rec, (n) => `payload.${n}`);
  if (!Object.hasOwn(source, 'vpaAccounts') || source.vpaAccounts === null || source.vpaAccounts === undefined) return payload;
  const list = readArray(source.vpaAccounts);
  if (!list.ok) {
    rec.unread(() => 'payload.vpaAccounts', 'payload.vpaAccounts', 'array', source.vpaAccounts);
    return payload;
  }
  rec.saw('payload.vpaAccounts', list.spelling, true);
  const vpas = list.value;
  for (let v = 0; v < vpas.length; v++) {
    const entry = vpas[v];
    if (!isRecord(entry)) {
      rec.unread(() => `payload.vpaAccounts[${v}]`, 'payload.vpaAccounts[]', 'object', entry);
      continue;
    }
    const vpa: NormalizedVpaAccount = { accounts: [] };
    readFields(entry, C_VPA, vpa as unknown as Record<string, unknown>, rec, (n) => `payload.vpaAccounts[${v}].${n}`);
    if (Object.hasOwn(entry, 'accounts') && entry.accounts !== null && entry.accounts !== undefined) {
      const accounts = readArray(entry.accounts);
      if (!accounts.ok) {
        rec.unread(() => `payload.vpaAccounts[${v}].accounts`, 'payload.vpaAccounts[].accounts', 'array', entry.accounts);
      } else {
        rec.saw('payload.vpaAccounts[].accounts', accounts.spelling, true);
        const items = accounts.value;
        for (let a = 0; a < items.length; a++) {
          const item = items[a];
          if (!isRecord(item)) {
            rec.unread(() => `payload.vpaAccounts[${v}].accounts[${a}]`, 'payload.vpaAccounts[].accounts[]', 'object', item);
            continue;
          }
          const account: NormalizedAccount = {};
          readFields(item, C_ACCOUNT, account as Record<string, unknown>, rec, (n) => `payload.vpaAccounts[${v}].accounts[${a}].${n}`);
          vpa.accounts.push(account);
        }
      }
    }
    payload.vpaAccounts.push(vpa);
  }
  return payload;
}

/** Flattens `vpaAccounts[].accounts[]` into one row per account, for a table. */
export function accountRows(response: NormalizedResponse): AccountRow[] {
  const rows: AccountRow[] = [];
  const vpas = response.payload?.vpaAccounts ?? [];
  for (let v = 0; v < vpas.length; v++) {
    const entry = vpas[v]!;
    for (let a = 0; a < entry.accounts.length; a++) {
      const row: AccountRow = { ...entry.accounts[a]!, vpaIndex: v, accountIndex: a };
      if (entry.vpa !== undefined) row.vpa = entry.vpa;
      rows.push(row);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------
// The zod schema: the same tables, read strictly (an unreadable value is an issue), each flexible field
// giving `{ value, spelling }` so a caller can see how it was written.

function spelled<T>(read: (v: unknown) => Read<T>, expected: string) {
  return z.union([z.string(), z.number(), z.boolean(), z.record(z.string(), z.unknown())]).transform((v, ctx) => {
    const r = read(v);
    if (r.ok) return { value: r.value, spelling: r.spelling };
    ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${describeType(v)}` });
    return z.NEVER;
  });
}

const KIND_SCHEMAS = {
  text: z.string(),
  boolean: spelled(readBoolean, 'true/false or "true"/"false"'),
  number: spelled(readNumber, 'a number or a string of digits'),
  topup: spelled(readTopUp, 'true/false or "topup_txn_pending"'),
  object: spelled(readObject, 'an object or a string holding a JSON object'),
};
type KindSchemas = typeof KIND_SCHEMAS;

type ShapeOf<T extends Record<string, FieldKind>> = { -readonly [K in keyof T]: z.ZodOptional<z.ZodNullable<KindSchemas[T[K]]>> };

function shapeOf<T extends Record<string, FieldKind>>(table: T): ShapeOf<T> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, kind] of Object.entries(table)) shape[name] = KIND_SCHEMAS[kind].nullable().optional();
  return shape as ShapeOf<T>;
}

/** An array, or a string holding a JSON array (parsed first, so issues keep their exact paths). */
const arrayOf = <S extends z.ZodType>(item: S) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    const parsed = parseJson(v);
    return parsed.ok && Array.isArray(parsed.value) ? parsed.value : v;
  }, z.array(item));

export const accountSchema = z.looseObject(shapeOf(ACCOUNT_FIELDS));
export const vpaAccountSchema = z.looseObject({ ...shapeOf(VPA_FIELDS), accounts: arrayOf(accountSchema).nullable().optional() });
export const responsePayloadSchema = z.looseObject({
  ...shapeOf(PAYLOAD_FIELDS),
  vpaAccounts: arrayOf(vpaAccountSchema).nullable().optional(),
});
/**
 * The response as zod reads it: lenient about spelling (`"true"`/`true`, `"6"`/`6`, `"{}"`/`{}`), strict
 * about readability (a `mpinLength` of "six" is an issue at its path). Flexible fields come out as
 * `{ value, spelling }`. For display, prefer `normalizeResponse`, which never fails.
 */
export const responseSchema = z.looseObject({
  ...shapeOf(ENVELOPE_FIELDS),
  payload: responsePayloadSchema.nullable().optional(),
});
export type ResponseWire = z.input<typeof responseSchema>;
export type ResponseRead = z.output<typeof responseSchema>;

// ---------------------------------------------------------------------------------------------------------
// Status meanings.

export type StatusKind = 'documented' | 'sibling' | 'unknown';

export interface StatusInfo {
  status: string;
  kind: StatusKind;
  meaning: string;
  /** What the user (or the app) should do next. */
  nextStep: string;
}

const STATUSES = new Map<string, Omit<StatusInfo, 'status'>>([
  [
    'NOPERMISSION',
    {
      kind: 'documented',
      meaning: 'the user has not granted the permissions the SDK needs yet (phone state).',
      nextStep: 'ask the user to grant the phone-state permission, then call upiGetSessionToken again.',
    },
  ],
  [
    'FRESH',
    {
      kind: 'documented',
      meaning: 'permissions are granted but the user is not registered on this device.',
      nextStep: 'start device binding (onboarding) for this user.',
    },
  ],
  [
    'BOUND',
    {
      kind: 'documented',
      meaning: 'the user is registered on this device but no bank accounts were found.',
      nextStep: 'take the user to link a bank account.',
    },
  ],
  [
    'LINKED',
    {
      kind: 'documented',
      meaning: 'the user is registered on this device and has linked bank accounts (listed in vpaAccounts).',
      nextStep: 'the user can pay; accounts with mpinSet false need an MPIN set first.',
    },
  ],
  [
    'FAILURE',
    {
      kind: 'documented',
      meaning: 'the call failed.',
      nextStep: 'read errorCode and errorMessage for the reason.',
    },
  ],
  [
    'REGISTERED',
    {
      kind: 'sibling',
      meaning:
        'seen in sibling Juspay SDKs: a VPA exists but no account is linked. upiGetSessionToken documents BOUND for this state.',
      nextStep: 'treat it like BOUND: take the user to link a bank account; check the SDK version in use.',
    },
  ],
]);

export const KNOWN_STATUSES = [...STATUSES.keys()];

/** Meaning and next step of a `payload.status`; `kind: 'unknown'` for anything not documented. */
export function describeStatus(status: unknown): StatusInfo {
  const s = typeof status === 'string' ? status : String(status);
  const known = STATUSES.get(s);
  if (known) return { status: s, ...known };
  const upper = STATUSES.get(s.trim().toUpperCase());
  const hint = upper ? ` It differs from the documented ${s.trim().toUpperCase()} only in case or spaces.` : '';
  return {
    status: s,
    kind: 'unknown',
    meaning: `"${s.slice(0, 60)}" is not a documented status (FAILURE, NOPERMISSION, FRESH, BOUND, LINKED).${hint}`,
    nextStep: 'check which SDK and version produced this response.',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Error codes and backend messages.

export type ErrorCodeKind = 'documented' | 'unconfirmed' | 'unknown';

export interface ErrorCodeInfo {
  code: string;
  kind: ErrorCodeKind;
  /** Empty when nobody documents the code. */
  meaning: string;
  /** What to check. */
  check: string;
}

const ERROR_CODES = new Map<string, Omit<ErrorCodeInfo, 'code'>>([
  ['JP_000', { kind: 'documented', meaning: 'no reason available.', check: 'read errorMessage and the SDK logs around the call.' }],
  [
    'JP_001',
    {
      kind: 'documented',
      meaning: 'a business-logic or parameter problem (for example a denied permission, a SIM fetch failure, a time-out).',
      check: 'errorMessage names the problem; check permissions, the SIM, and the request fields.',
    },
  ],
  ['JP_002', { kind: 'documented', meaning: 'the user pressed back.', check: 'nothing is broken: the user left the flow.' }],
  [
    'JP_003',
    {
      kind: 'documented',
      meaning: 'a parameter has the wrong type; errorMessage names it.',
      check: 'fix the type of the named field (all request fields are strings; payload is a JSON object).',
    },
  ],
  ['JP_004', { kind: 'documented', meaning: 'a dependency is missing.', check: 'check the SDK dependencies in the app build (Gradle) and that initiate finished.' }],
  ['JP_005', { kind: 'documented', meaning: 'no internet connection.', check: 'check the device is online and retry.' }],
  ['JP_006', { kind: 'documented', meaning: 'the status is awaited (not final yet).', check: 'wait for the final result or query status again.' }],
  ['JP_007', { kind: 'documented', meaning: 'page not found.', check: 'check the SDK version and that initiate succeeded before process.' }],
]);
for (let i = 8; i <= 19; i++) {
  const code = `JP_${String(i).padStart(3, '0')}`;
  ERROR_CODES.set(
    code,
    code === 'JP_017'
      ? {
          kind: 'unconfirmed',
          meaning: 'initiate was called twice (from third-party copies of the docs, not confirmed by Juspay).',
          check: 'make sure the app calls initiate once per session and waits for initiate_result.',
        }
      : {
          kind: 'unconfirmed',
          meaning: '',
          check: 'this code exists but Juspay does not document it; read errorMessage and ask Juspay support.',
        },
  );
}

/** Meaning of an `errorCode`: documented (JP_000–JP_007), unconfirmed (JP_008–JP_019) or unknown. */
export function describeErrorCode(code: unknown): ErrorCodeInfo {
  const c = typeof code === 'string' ? code.trim() : String(code);
  const known = ERROR_CODES.get(c) ?? ERROR_CODES.get(c.toUpperCase());
  if (known) return { code: c, ...known };
  return { code: c, kind: 'unknown', meaning: '', check: 'this code is not in Juspay’s documentation; read errorMessage and ask Juspay support.' };
}

export interface BackendErrorInfo {
  /** The message as Juspay's backend spells it. */
  key: string;
  meaning: string;
  check: string;
}

/** Backend messages seen in `errorMessage` (Juspay's backend response codes page), with what to check. */
export const BACKEND_ERRORS: readonly BackendErrorInfo[] = [
  {
    key: 'Merchant signature mismatch',
    meaning: 'Juspay could not verify the signature with the public key registered for this kid.',
    check:
      'check that the kid belongs to the key pair that signed; that the signature is over protected + "." + signaturePayload exactly as sent; that all three fields are unpadded base64url; that the public key Juspay holds is the pair of this private key; and that UAT and production kids/keys are not mixed.',
  },
  {
    key: 'Invalid merchant id or merchant channel id',
    meaning: 'merchantId or merchantChannelId in signaturePayload is not what Juspay configured for this merchant/app.',
    check: 'use exactly the merchantId and merchantChannelId Juspay issued (same as at initiate, same environment; case matters).',
  },
  {
    key: 'REQUEST_EXPIRED',
    meaning: 'the signed timestamp is too old (the default limit is 15 minutes) or the clocks disagree.',
    check: 'sign at call time with timestamp = epoch milliseconds as a string; check the signing server’s clock; do not replay captured requests.',
  },
  {
    key: 'SESSION_EXPIRED',
    meaning: 'the SDK session/auth has expired (default 15 minutes).',
    check: 'refresh the auth (updateAuth) with a freshly signed payload, or initiate again.',
  },
  {
    key: 'DEVICE_FINGERPRINT_MISMATCH',
    meaning: 'the device is not the one the user bound (new phone, reinstall, cleared data or changed SIM).',
    check: 'bind the device again for this user.',
  },
  {
    key: 'DUPLICATE_REQUEST',
    meaning: 'this requestId (or signed request) was already used.',
    check: 'generate a fresh uuid v4 requestId and a fresh signature for every call; do not resend a captured request.',
  },
  {
    key: 'UNAUTHORIZED',
    meaning: 'Juspay rejected the authentication of the call.',
    check: 'check the kid, key and environment (UAT vs production) and, for clientAuthToken flows, that the token is valid and not expired.',
  },
];

const BACKEND_KEYS = BACKEND_ERRORS.map((e) => ({ info: e, norm: normalizeMessage(e.key) }));

function normalizeMessage(s: string): string {
  return s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
}

/** Backend errors an `errorMessage` mentions (case, spaces and underscores ignored). */
export function matchBackendErrors(errorMessage: unknown): BackendErrorInfo[] {
  if (typeof errorMessage !== 'string' || errorMessage.length === 0) return [];
  const norm = normalizeMessage(errorMessage.slice(0, 2000));
  return BACKEND_KEYS.filter((k) => norm.includes(k.norm)).map((k) => k.info);
}

// ---------------------------------------------------------------------------------------------------------
// Text in, normalised response out.

export type ParseResponseResult =
  | {
      ok: true;
      response: NormalizedResponse;
      spelling: SpellingReport;
      /** The object as received. */
      raw: Record<string, unknown>;
      /** `payload-only`: the paste was the inner payload (status, vpaAccounts …) and was wrapped. */
      shape: 'envelope' | 'payload-only';
      /** Where the JSON came from: the whole text, inside a log line, or a JSON string holding JSON. */
      source: 'json' | 'log-line' | 'json-string';
      /** Where the JSON starts in the text, when it was found inside a log line. */
      foundAt?: { line: number; column: number };
    }
  | {
      ok: false;
      reason: 'empty' | 'json' | 'not-response';
      message: string;
      /** For `json`: 1-based position of the error. */
      line?: number;
      column?: number;
      offset?: number;
      /** The paste looks like a upiGetSessionToken *request*. */
      looksLikeRequest?: boolean;
    };

const NOT_RESPONSE = 'this is not a upiGetSessionToken response: expected an object with `payload` (or `requestId`/`event`)';

/** Parses pasted text (JSON, or a log line with JSON in it) into a normalised response, or says why not. Never throws. */
export function parseResponseText(text: string): ParseResponseResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, reason: 'empty', message: 'Nothing to inspect: paste a upiGetSessionToken response (JSON).' };
  }
  let source: 'json' | 'log-line' | 'json-string' = 'json';
  let foundAt: { line: number; column: number } | undefined;
  let value: unknown;
  const parsed = parseJson(text);
  if (parsed.ok) value = parsed.value;
  else {
    const trimmed = text.trimStart();
    const extracted = trimmed.startsWith('{') || trimmed.startsWith('[') ? undefined : extractJson(text);
    if (extracted?.ok) {
      value = extracted.value;
      source = 'log-line';
      foundAt = { line: extracted.line, column: extracted.column };
    } else if (extracted && !extracted.error) {
      return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}; found no JSON object in the text.` };
    } else {
      const error = extracted?.error ?? parsed;
      return {
        ok: false,
        reason: 'json',
        message: `The response is not valid JSON: ${error.message}`,
        line: error.line,
        column: error.column,
        offset: error.offset,
      };
    }
  }
  if (typeof value === 'string') {
    const inner = value.trim().startsWith('{') ? parseJson(value) : undefined;
    if (inner?.ok && isRecord(inner.value)) {
      value = inner.value;
      source = 'json-string';
    }
  }
  if (!isRecord(value)) {
    return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}, got ${describeType(value)}.` };
  }
  const looksLikeRequest = isRequestLike(value);
  if (looksLikeRequest) {
    return {
      ok: false,
      reason: 'not-response',
      message: `${NOT_RESPONSE}; this looks like a upiGetSessionToken request (it has protected/signaturePayload/signature): inspect it as a request.`,
      looksLikeRequest: true,
    };
  }
  let shape: 'envelope' | 'payload-only' = 'envelope';
  let target: Record<string, unknown> = value;
  if (!hasAny(value, ['payload', 'requestId', 'event'])) {
    if (hasAny(value, ['status', 'vpaAccounts', 'isDeviceBound'])) {
      shape = 'payload-only';
      target = { payload: value };
    } else {
      const keys = Object.keys(value).slice(0, 8);
      const seen = keys.length ? `; its keys are ${keys.map((k) => `\`${k.slice(0, 40)}\``).join(', ')}` : '; it is an empty object';
      return { ok: false, reason: 'not-response', message: `${NOT_RESPONSE}${seen}.` };
    }
  }
  const { response, spelling } = normalizeResponse(target);
  const result: ParseResponseResult = { ok: true, response, spelling, raw: value, shape, source };
  if (foundAt) result.foundAt = foundAt;
  return result;
}

function hasAny(o: Record<string, unknown>, keys: string[]): boolean {
  return keys.some((k) => Object.hasOwn(o, k));
}

function isRequestLike(o: Record<string, unknown>): boolean {
  const p = isRecord(o.payload) ? o.payload : o;
  return ['protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken'].some((k) => Object.hasOwn(p, k));
}
