/**
 * The compose form and its live signed preview. The form persists across restarts (nothing in it is
 * secret: keys stay on the main side and are named here only by id). Every edit is signed at once (a
 * signature takes under a millisecond on the main side, so waiting for a pause in typing only added
 * delay), one signature in flight at a time: edits made meanwhile are signed together when it returns.
 * Every answer is checked against the latest request, so a slow signature never overwrites a newer one.
 */
import { now as clockNow } from '../../../shared/clock';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import {
  ACTION,
  MAX_TIMESTAMP_AGE_MS,
  OTHER_SERVICES,
  SERVICE,
  SIBLING_ACTIONS,
  envelopeFieldError,
  newRequestId,
  type EnvelopeFields,
} from '../../../shared/envelope-rules';
import { requestIdsPinned } from '../../../shared/request-ids';
import type { SignResult } from '../../../shared/contract';
import { err, type AppError } from '../../../shared/result';
import type { Verdict } from '../../../shared/verdict';
import { api } from '../api';
import { formatAge, formatSpan } from '../lib/time';
import { persistStorage } from '../lib/windowStorage';
import { exactProblems } from './envelopeExact';

export const FIELD_NAMES = ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestamp'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];
export type TextField = Exclude<FieldName, 'timestamp'>;
export type TimestampMode = 'now' | 'pinned';

/** What the user typed; this is what persists. */
export interface ComposeForm {
  requestId: string;
  service: string;
  action: string;
  merchantId: string;
  merchantCustomerId: string;
  merchantChannelId: string;
  timestampMode: TimestampMode;
  /** The typed epoch-ms value used when the mode is "pinned". */
  pinnedTimestamp: string;
  /** Vault key id of the signing key. */
  keyId: string | null;
  /** The profile signed for (Compose's profile select): the main side refuses a key that is not its own. */
  profileId: string | null;
}

export interface Problem {
  field: FieldName | 'keyId';
  message: string;
}

export interface PreviewState {
  phase: 'idle' | 'invalid' | 'signing' | 'signed' | 'error';
  /** The latest good signature; kept on screen while a newer one is being made. */
  result: SignResult | null;
  /** Why the form cannot be signed yet (phase "invalid"). */
  problems: Problem[];
  /** What the main side answered when signing failed (phase "error"). */
  error: AppError | null;
  /** When `result` was made, epoch ms. */
  signedAt: number | null;
  /** How `result`'s timestamp was chosen: stamped at signing, or pinned (its age is told differently). */
  stampMode?: TimestampMode;
}

export interface VerifyState {
  phase: 'idle' | 'verifying' | 'done' | 'error';
  result: Verdict | null;
  error: AppError | null;
  /** The envelope JSON that was verified, so a stale answer is never shown for a newer envelope. */
  json: string | null;
}

interface EnvelopeState extends ComposeForm {
  /** The stamp used when the mode is "now": refreshed at every signing. */
  nowTimestamp: string;
  preview: PreviewState;
  verify: VerifyState;
  /** Set by an explicit "Sign now": every empty field then says it is required, touched or not. */
  revealErrors: boolean;
  /** Exact-bytes mode (negative tests): every field signed as typed, nothing trimmed, any timestamp string. */
  exactBytes: boolean;
  /** In exact-bytes mode, the kid put in the header instead of the signing key's; null: the key's own. */
  kidOverride: string | null;
  setExactBytes(on: boolean): void;
  setKidOverride(kid: string | null): void;
  setField(name: TextField, value: string): void;
  resetField(name: 'service' | 'action'): void;
  generateRequestId(): void;
  setTimestampMode(mode: TimestampMode): void;
  setPinnedTimestamp(value: string): void;
  setKeyId(keyId: string | null): void;
  /** Sign the form as it now is: at once, or when the signature in flight returns (edits meanwhile go together). */
  scheduleSign(): void;
  /** Sign at once (re-stamping "now"); resolves to the result when it is still the latest. */
  signNow(options?: { explicit?: boolean }): Promise<SignResult | null>;
  verifyNow(): Promise<Verdict | null>;
  /** Ctrl/Cmd+Enter: sign now, then verify what was signed. */
  signAndVerify(): Promise<void>;
}

export const DEFAULT_FORM: Omit<ComposeForm, 'requestId'> = {
  service: SERVICE,
  action: ACTION,
  merchantId: '',
  merchantCustomerId: '',
  merchantChannelId: '',
  timestampMode: 'now',
  pinnedTimestamp: '',
  keyId: null,
  profileId: null,
};

const IDLE_PREVIEW: PreviewState = { phase: 'idle', result: null, problems: [], error: null, signedAt: null };
const IDLE_VERIFY: VerifyState = { phase: 'idle', result: null, error: null, json: null };

/** The seven request fields as they will be sent to the signer. */
export function currentFields(s: ComposeForm & { nowTimestamp: string }): Record<FieldName, string> {
  return {
    requestId: s.requestId,
    service: s.service,
    action: s.action,
    merchantId: s.merchantId,
    merchantCustomerId: s.merchantCustomerId,
    merchantChannelId: s.merchantChannelId,
    timestamp: s.timestampMode === 'now' ? s.nowTimestamp : s.pinnedTimestamp,
  };
}

/** Each field checked on its own against the shared rules (the schema's, without zod), so every field can say which rule it breaks. */
export function fieldErrors(fields: Record<FieldName, string>): Partial<Record<FieldName, string>> {
  const errors: Partial<Record<FieldName, string>> = {};
  for (const name of FIELD_NAMES) {
    const message = envelopeFieldError(name, fields[name]);
    if (message !== undefined) errors[name] = message;
  }
  return errors;
}

/** Everything that stops signing, in form order. */
export function signingProblems(fields: Record<FieldName, string>, keyId: string | null): Problem[] {
  const errors = fieldErrors(fields);
  const problems: Problem[] = FIELD_NAMES.filter((n) => errors[n]).map((n) => ({ field: n, message: errors[n]! }));
  if (!keyId) problems.push({ field: 'keyId', message: 'Choose a signing key: import or generate one on the Keys screen.' });
  return problems;
}

/** Things that sign but are probably not what the user wants. `now` is epoch ms. */
export function fieldWarnings(fields: Record<FieldName, string>, now: number, mode: TimestampMode = 'pinned'): Partial<Record<FieldName, string>> {
  const warnings: Partial<Record<FieldName, string>> = {};
  const service = fields.service.trim();
  if (service && service !== SERVICE) {
    warnings.service = (OTHER_SERVICES as readonly string[]).includes(service)
      ? `${service} belongs to a sibling product; upiGetSessionToken is served by ${SERVICE}.`
      : `Changed from ${SERVICE}, the only service documented for this call: the SDK will not route it.`;
  }
  const action = fields.action.trim();
  if (action && action !== ACTION) {
    warnings.action = (SIBLING_ACTIONS as readonly string[]).includes(action)
      ? `${action} shares this envelope, but takes more fields than this form builds (see the docs for ${action}).`
      : `Not an action the UPI plugin documents: the SDK expects ${ACTION}.`;
  }
  for (const name of ['merchantId', 'merchantCustomerId', 'merchantChannelId'] as const) {
    const value = fields[name];
    if (value.trim() && value !== value.trim()) warnings[name] = `${name} has spaces at its start or end: they are trimmed before signing.`;
  }
  if (/^\d{13}$/.test(fields.timestamp)) {
    const at = Number(fields.timestamp);
    const age = now - at;
    if (age > MAX_TIMESTAMP_AGE_MS && mode === 'now') {
      warnings.timestamp = `Stamped ${formatAge(at, now, { past: true })}: older than the 15-minute expiry. Copying or saving the envelope signs it afresh; Refresh does it now.`;
    } else if (age > MAX_TIMESTAMP_AGE_MS) {
      // A pinned value is not when the envelope was signed (that was just now): say how old the value is.
      warnings.timestamp = `This timestamp is ${formatSpan(age)} old: older than the 15-minute expiry, so Juspay will reject it (REQUEST_EXPIRED). Choose "Now" or pin a fresh value.`;
    } else if (age < -60_000) {
      warnings.timestamp = `This timestamp is ${formatSpan(age)} in the future: check the value or the device clock.`;
    }
  }
  return warnings;
}

function toSignerFields(fields: Record<FieldName, string>): EnvelopeFields {
  return { ...fields };
}

/** A live signature is in flight, or queued for the end of this task. */
let liveSigning = false;
/** The form changed since the live signature in flight was asked for. */
let signAgain = false;
/** Incremented per signing request; only the latest may write the preview. */
let signSeq = 0;
let verifySeq = 0;

export const useEnvelopeStore = create<EnvelopeState>()(
  persist(
    (set, get) => {
      const edit = (patch: Partial<EnvelopeState>) => {
        set(patch);
        get().scheduleSign();
      };
      return {
        requestId: newRequestId(),
        ...DEFAULT_FORM,
        nowTimestamp: String(clockNow()),
        preview: IDLE_PREVIEW,
        verify: IDLE_VERIFY,
        revealErrors: false,
        exactBytes: false,
        kidOverride: null,

        setField: (name, value) => edit({ [name]: value }),
        resetField: (name) => edit({ [name]: name === 'service' ? SERVICE : ACTION }),
        generateRequestId: () => edit({ requestId: newRequestId() }),
        setTimestampMode: (mode) => {
          const s = get();
          if (mode === s.timestampMode) return;
          // Pinning starts from the stamp on screen, so the envelope does not jump.
          if (mode === 'pinned' && !s.pinnedTimestamp) edit({ timestampMode: mode, pinnedTimestamp: s.nowTimestamp });
          else edit({ timestampMode: mode });
        },
        // Exact bytes keeps what was typed, spaces and all: that is the point of the mode.
        setPinnedTimestamp: (value) => edit({ pinnedTimestamp: get().exactBytes ? value : value.trim() }),
        setExactBytes: (on) => edit(on ? { exactBytes: true } : { exactBytes: false, kidOverride: null }),
        setKidOverride: (kid) => edit({ kidOverride: kid }),
        setKeyId: (keyId) => edit({ keyId }),

        scheduleSign: () => {
          signAgain = true;
          if (liveSigning) return;
          liveSigning = true;
          // A microtask: several edits made in one go (a profile filling the form) are signed together.
          queueMicrotask(async () => {
            try {
              while (signAgain) {
                signAgain = false;
                await get().signNow({ explicit: false });
              }
            } finally {
              liveSigning = false;
            }
          });
        },

        signNow: async ({ explicit = true } = {}) => {
          const seq = ++signSeq;
          if (explicit && !get().revealErrors) set({ revealErrors: true });
          if (get().timestampMode === 'now') set({ nowTimestamp: String(clockNow()) });
          const s = get();
          const fields = currentFields(s);
          const problems = s.exactBytes ? exactProblems(fields, s.keyId, s.kidOverride) : signingProblems(fields, s.keyId);
          if (problems.length > 0) {
            set({ preview: { ...IDLE_PREVIEW, phase: 'invalid', problems }, verify: IDLE_VERIFY });
            return null;
          }
          set({ preview: { ...s.preview, phase: 'signing', problems: [], error: null } });
          let answer;
          try {
            // Recorded in the history, one entry per requestId: edits to the form update it.
            // Exact bytes: the main side signs the fields as typed, with the kid override in the header.
            const what = s.exactBytes ? { exact: { fields, ...(s.kidOverride !== null ? { kid: s.kidOverride } : {}) } } : { fields: toSignerFields(fields) };
            answer = await api['envelope:sign']({ ...what, keyId: s.keyId!, ...(s.profileId ? { profileId: s.profileId } : {}), record: {} });
          } catch (e) {
            answer = err('unexpected', `Signing failed: ${String(e)}`);
          }
          if (seq !== signSeq) return null; // a newer request owns the preview
          if (!answer.ok) {
            set({ preview: { ...IDLE_PREVIEW, phase: 'error', error: answer.error }, verify: IDLE_VERIFY });
            return null;
          }
          const sameEnvelope = get().preview.result?.json === answer.value.json;
          set({
            preview: { phase: 'signed', result: answer.value, problems: [], error: null, signedAt: clockNow(), stampMode: s.timestampMode },
            ...(sameEnvelope ? {} : { verify: IDLE_VERIFY }),
          });
          return answer.value;
        },

        verifyNow: async () => {
          const json = get().preview.result?.json;
          if (!json) return null;
          const seq = ++verifySeq;
          set({ verify: { phase: 'verifying', result: null, error: null, json } });
          let answer;
          try {
            answer = await api['envelope:verify']({ text: json, ...(get().profileId ? { profile: { id: get().profileId! } } : {}) });
          } catch (e) {
            answer = err('unexpected', `Verification failed: ${String(e)}`);
          }
          if (seq !== verifySeq || get().preview.result?.json !== json) return null;
          if (!answer.ok) {
            set({ verify: { phase: 'error', result: null, error: answer.error, json } });
            return null;
          }
          set({ verify: { phase: 'done', result: answer.value, error: null, json } });
          return answer.value;
        },

        signAndVerify: async () => {
          const signed = await get().signNow();
          if (signed) await get().verifyNow();
        },
      };
    },
    {
      name: 'upi-inspector.compose',
      version: 1,
      storage: persistStorage('upi-inspector.compose'),
      partialize: (s): ComposeForm => ({
        requestId: s.requestId,
        service: s.service,
        action: s.action,
        merchantId: s.merchantId,
        merchantCustomerId: s.merchantCustomerId,
        merchantChannelId: s.merchantChannelId,
        timestampMode: s.timestampMode,
        pinnedTimestamp: s.pinnedTimestamp,
        keyId: s.keyId,
        profileId: s.profileId,
      }),
      // Only known fields of the right type come back; anything else keeps its default.
      merge: (persisted, current) => {
        const saved = (persisted ?? {}) as Partial<Record<keyof ComposeForm, unknown>>;
        const next = { ...current };
        for (const key of ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'pinnedTimestamp'] as const) {
          // Request ids pinned by UPI_INSPECTOR_REQUEST_IDS win over the one kept from the last launch.
          if (key === 'requestId' && requestIdsPinned()) continue;
          if (typeof saved[key] === 'string') next[key] = saved[key];
        }
        if (saved.timestampMode === 'now' || saved.timestampMode === 'pinned') next.timestampMode = saved.timestampMode;
        if (typeof saved.keyId === 'string' || saved.keyId === null) next.keyId = saved.keyId;
        if (typeof saved.profileId === 'string' || saved.profileId === null) next.profileId = saved.profileId;
        if (!next.requestId) next.requestId = newRequestId();
        return next;
      },
    },
  ),
);
