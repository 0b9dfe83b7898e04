/**
 * What a response's words mean: its events, the `payload.status` values with the next step for the user,
 * the SDK's error codes (JP_000–JP_019) and the backend messages seen in `errorMessage`. From Juspay's
 * documentation; codes only third-party copies explain are marked unconfirmed.
 */
import { show } from '../words';

export const RESPONSE_EVENT = 'process_result';
export const INITIATE_EVENT = 'initiate_result';

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
  // Any JSON may sit in errorCode: an object whose own "toString" is not a function makes String() throw.
  const c = typeof code === 'string' ? code.trim() : typeof code === 'number' || typeof code === 'boolean' ? String(code) : show(code);
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
