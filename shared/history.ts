/**
 * The history of signs, inspections and response readings: what an entry is, what the History screen
 * and `history list` ask for, and the schemas of the history channels' inputs (contract.ts uses them).
 * The main side stores entries (electron/core/history); this module only says what they are.
 */
import { z } from 'zod';
import { pickCause } from './diagnostics/cause';
import type { EnvelopeFields } from './envelope-rules';
import type { Finding } from './diagnostics/types';
import { isRecord } from './guards';
import type { ParseResponseResult } from './response';
import type { Verdict } from './verdict';

export const HISTORY_KINDS = ['sign', 'inspect', 'response'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

/** Where an entry was recorded: the window (live, one entry per draft) or the CLI (`--save`). */
export type HistorySource = 'window' | 'cli';

/** The facts a list row shows and search reads; every field but id, time, kind and source may be unknown. */
export interface HistoryFacts {
  profile: string | null;
  merchantId: string | null;
  channel: string | null;
  kid: string | null;
  requestId: string | null;
  /** The response's payload.status (responses only). */
  status: string | null;
  /** The response's errorCode (responses only). */
  errorCode: string | null;
  /** The verdict's `valid` (requests), or "no error finding" (responses); null when nothing was verified. */
  valid: boolean | null;
  /** The id of the finding that explains the failure. */
  cause: string | null;
  /** The one-line verdict. */
  summary: string | null;
}

/** The other half of a request/response pair: the newest entry of the other side with the same requestId. */
export interface HistoryPair {
  id: string;
  kind: HistoryKind;
  time: number;
  status: string | null;
  valid: boolean | null;
}

export interface HistoryEntrySummary extends HistoryFacts {
  id: string;
  /** When it was last recorded, epoch ms. */
  time: number;
  kind: HistoryKind;
  source: HistorySource;
  /** Private key material was found in what was pasted and removed before storing. */
  redacted: boolean;
  pair: HistoryPair | null;
}

/** Compose's fields as they were signed: reopening puts them back with the timestamp pinned. */
export type SignedFields = EnvelopeFields;

/** What reopening an entry needs besides its text. */
export type HistoryReopen =
  | { kind: 'inspect'; /** The reference time the verdict was made at, epoch ms. */ referenceMs: number }
  | { kind: 'response'; /** The requestId it was compared with, when it was linked to one. */ linkedRequestId: string | null }
  | { kind: 'sign'; fields: SignedFields; /** Vault id of the key that signed. */ keyId: string };

export interface HistoryEntry extends HistoryEntrySummary {
  /** What was pasted (the signed envelope for a sign), with any private key material removed. */
  text: string;
  /** The Inspect screen's public-key box; null when empty, or when it held private key material (never stored). */
  publicKey: string | null;
  /** The public-key box held private key material, so it was not stored. */
  publicKeyWithheld: boolean;
  /** The window's draft this entry follows: reopening keeps recording into this entry. */
  draftId: string;
  reopen: HistoryReopen;
}

/** Where the history lives and whether it can be read now. */
export interface HistoryStatus {
  /** memory: nothing is written (no data directory); file: plain SQLite; encrypted: sealed like the key vault. */
  storage: 'memory' | 'file' | 'encrypted';
  path: string | null;
  /** The vault is locked, so the file cannot be read: new entries wait in memory and are written at unlock. */
  locked: boolean;
  /** Entries recorded while locked, waiting to be written. */
  pending: number;
  /** Something the user should know (locked, damaged and moved aside, could not be saved). */
  message?: string;
}

export interface HistoryPage {
  entries: HistoryEntrySummary[];
  /** How many entries match, for the virtual list's length. */
  total: number;
  offset: number;
  /** Every profile that has entries, for the filter. */
  profiles: string[];
  status: HistoryStatus;
}

/** Retention: keep the newest N and/or the last N days; null means no limit of that kind. */
export interface HistorySettings {
  keepNewest: number | null;
  keepDays: number | null;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { keepNewest: 1000, keepDays: null };
export const MAX_KEEP_NEWEST = 1_000_000;
export const MAX_KEEP_DAYS = 36_500;

const id = z.string().min(1, { error: 'id is required: pick an entry from the history.' }).max(100);
const profile = z.string().max(200).nullable();

/** The optional `record` member of envelope:sign and inspect:request: present, the window records the call. */
export const recordOptionSchema = z
  .object({
    /** The Inspect draft (renewed on each paste); a sign is keyed by its requestId instead. */
    draftId: z.string().min(1).max(100).optional(),
    profile: profile.optional(),
  })
  .strict();
export type RecordOption = z.infer<typeof recordOptionSchema>;

export const historyListSchema = z
  .object({
    query: z.string().max(1000).optional(),
    kind: z.enum(HISTORY_KINDS, { error: 'kind must be sign, inspect or response.' }).optional(),
    /** A profile name, null for entries without one, absent for all. */
    profile: profile.optional(),
    limit: z.number().int().min(1).max(1000, { error: 'limit is at most 1000 entries a page.' }).optional(),
    offset: z.number().int().min(0).optional(),
  })
  .strict();
export type HistoryQuery = z.infer<typeof historyListSchema>;

export const historyIdSchema = z.object({ id }).strict();

export const historySettingsSchema = z
  .object({
    keepNewest: z
      .number()
      .int({ error: 'keepNewest is a whole number of entries.' })
      .min(1, { error: 'keepNewest is at least 1 (or empty for no limit).' })
      .max(MAX_KEEP_NEWEST, { error: `keepNewest is at most ${MAX_KEEP_NEWEST.toLocaleString('en')}.` })
      .nullable()
      .optional(),
    keepDays: z
      .number()
      .int({ error: 'keepDays is a whole number of days.' })
      .min(1, { error: 'keepDays is at least 1 (or empty for no limit).' })
      .max(MAX_KEEP_DAYS, { error: `keepDays is at most ${MAX_KEEP_DAYS}.` })
      .nullable()
      .optional(),
  })
  .strict();

/** What the window read from a response (once per paste) and sends to be recorded with its text. */
export const recordResponseSchema = z
  .object({
    draftId: z.string().min(1).max(100),
    // The same limit as inspect:response: whatever the Response screen reads can be recorded.
    text: z.string().min(1, { error: 'text is empty: there is no response to record.' }).max(64 * 1024 * 1024),
    profile: profile.optional(),
    requestId: z.string().max(200).nullable().optional(),
    status: z.string().max(200).nullable().optional(),
    errorCode: z.string().max(200).nullable().optional(),
    valid: z.boolean().nullable(),
    cause: z.string().max(200).nullable().optional(),
    summary: z.string().max(2000).nullable().optional(),
    /** The request it was compared with, when linked. */
    linkedRequestId: z.string().max(200).nullable().optional(),
  })
  .strict();
export type RecordResponseInput = z.infer<typeof recordResponseSchema>;

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The facts of a request as the verdict read them: ids, kid, and the verdict itself. */
export function requestFacts(verdict: Verdict, profileName: string | null = null): HistoryFacts {
  const claims = isRecord(verdict.decoded.claims) ? verdict.decoded.claims : {};
  const header = isRecord(verdict.decoded.header) ? verdict.decoded.header : {};
  return {
    profile: profileName,
    merchantId: text(claims.merchantId),
    channel: text(claims.merchantChannelId),
    kid: text(header.kid),
    requestId: text(verdict.decoded.requestId),
    status: null,
    errorCode: null,
    valid: verdict.valid,
    cause: verdict.cause ?? null,
    summary: verdict.summary.headline,
  };
}

/** What a response reading records besides its text: its own ids and status, and the verdict of its findings. */
export type ResponseFacts = Pick<RecordResponseInput, 'requestId' | 'status' | 'errorCode' | 'valid' | 'cause' | 'summary'>;

/** The facts of a response already read (`parseResponseText`) and judged (`responseFindings`). */
export function responseFacts(parsed: ParseResponseResult, findings: readonly Finding[]): ResponseFacts {
  const response = parsed.ok ? parsed.response : undefined;
  const cause = pickCause(findings) ?? null;
  const headline = cause ? findings.find((f) => f.id === cause)?.message : undefined;
  return {
    requestId: text(response?.requestId),
    status: text(response?.payload?.status),
    errorCode: text(response?.errorCode),
    valid: !findings.some((f) => f.severity === 'error'),
    cause,
    summary: headline ?? (parsed.ok ? 'No error findings.' : parsed.message),
  };
}

/** The words for an entry's kind in lists and buttons. */
export const KIND_LABELS: Record<HistoryKind, string> = { sign: 'Sign', inspect: 'Inspect', response: 'Response' };
