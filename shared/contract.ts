/**
 * The one IPC contract: every channel the renderer (or the CLI) may call, with the zod schema its input
 * must pass and the type of its output. Both doors (Electron IPC, browser host HTTP) and the preload are
 * generated from this table, so a channel exists everywhere or nowhere.
 */
import { z } from 'zod';
import { envelopeFieldsSchema, exactFieldsSchema, MAX_EXACT_FIELD_LENGTH, type SessionTokenRequest, type JwsHeader, type SessionClaims } from './envelope';
import type { KeyInfo, KeyInfoWithWarnings, PublicKeyExport, VaultSettings, VaultStatus } from './keys';
import { KEY_SIZES } from './keys';
import type { AppError, Result } from './result';
import type { Verdict } from './verdict';
import type { Finding } from './diagnostics/types';
import type { ResponseJsonSource, ResponseShape } from './response';
import { CHANNELS, channelPath, type Channel } from './channels';
import {
  duplicateProfileInputSchema,
  exportProfilesInputSchema,
  importProfilesInputSchema,
  profileIdInputSchema,
  saveProfileInputSchema,
  type ProfileList,
  type ProfilesExport,
  type ProfilesImport,
  type SavedProfile,
} from './profile-channels';
import {
  historyIdSchema,
  historyListSchema,
  historySettingsSchema,
  recordOptionSchema,
  recordResponseSchema,
  type HistoryEntry,
  type HistoryEntrySummary,
  type HistoryPage,
  type HistorySettings,
  type HistoryStatus,
} from './history';
import { captureStartInput, capturePollInput, captureStopInput, logsSessionInput, type AdbDevice, type CaptureSnapshot } from './logs/channels';
import type { LogSession } from './logs/session';
import { caseExportInput, redactionSchema, type CaseExport } from './case/channels';
import { recordLogSchema, type RecordLogResult } from './history-log';
import { settingsChangeSchema, type SettingsAnswer } from './settings';

export type HostKind = 'electron' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  platform: string;
  vault: VaultStatus;
}

/** What the automation knobs set for the window (docs/automation.md). */
export interface AppAutomation {
  /** UPI_INSPECTOR_NOW: the pinned clock in epoch ms, or null when the clock runs. */
  now: number | null;
  /** UPI_INSPECTOR_REQUEST_IDS not yet handed out: the first window to ask takes them, in order. */
  requestIds: string[];
}

export interface SignResult {
  envelope: SessionTokenRequest;
  /** The envelope as the merchant's app would send it, pretty and compact. */
  json: string;
  compact: string;
  header: JwsHeader;
  claims: SessionClaims;
  /** ASCII(protected + "." + signaturePayload): the exact bytes that were signed. */
  signingInput: string;
  key: KeyInfo;
}

/**
 * The verdict on a response: its findings only. The window reads the response itself once per paste
 * (shared/response) and computes the same findings from that read, so the main side never echoes a
 * multi-MB normalised response back.
 */
export interface ResponseInspection {
  findings: Finding[];
  /** `payload-only` when the paste was the inner payload and was wrapped; absent when it did not parse. */
  shape?: ResponseShape;
  /** Where the JSON was found: the whole text, inside a log line, or a JSON string; absent when it did not parse. */
  source?: ResponseJsonSource;
}

export interface ResignSegmentDiff {
  name: 'protected' | 'signaturePayload' | 'signature';
  original: string;
  resigned: string;
  /** Index of the first differing character, or -1 when identical. */
  firstDifference: number;
}

export interface ResignDiff {
  original: SessionTokenRequest | null;
  resigned: SignResult;
  segments: ResignSegmentDiff[];
}

const id = z.string().min(1, { error: 'id is required: pick a key from the vault.' });
const optionalText = (max: number) => z.string().max(max).optional();

/** Declares a channel: its input schema, and (as a phantom type) its output. */
function channel<I extends z.ZodType, O>(input: I): { input: I; output?: O } {
  return { input };
}

const empty = z.object({}).strict();

/** The profile a verdict answers with: one by id, or `auto` (whichever the request's merchantId, channel and kid match). */
const profileRequest = z.union([z.literal('auto'), z.object({ id: z.string().min(1).max(100) }).strict()], {
  error: 'profile must be "auto" or { id } of a stored profile.',
}).optional();

export const contract = {
  'app:info': channel<typeof empty, AppInfo>(empty),
  'app:automation': channel<typeof empty, AppAutomation>(empty),
  'vault:status': channel<typeof empty, VaultStatus>(empty),
  'vault:unlock': (() => {
    const s = z.object({ passphrase: z.string().min(1, { error: 'passphrase is required to unlock the vault.' }) }).strict();
    return channel<typeof s, VaultStatus>(s);
  })(),
  'vault:lock': channel<typeof empty, VaultStatus>(empty),
  'vault:changePassphrase': (() => {
    const s = z
      .object({
        current: z.string().min(1, { error: 'current is required: type the passphrase the vault opens with now.' }).max(1024),
        next: z.string().min(1, { error: 'next is required: type the new passphrase.' }).max(1024, { error: 'next is over 1024 characters.' }),
      })
      .strict();
    return channel<typeof s, VaultStatus>(s);
  })(),
  /** Empty input reads the settings; autoLockMinutes given (null: never) changes it. */
  'vault:settings': (() => {
    const s = z
      .object({
        autoLockMinutes: z
          .number({ error: 'autoLockMinutes must be a number of minutes, or null for never.' })
          .int({ error: 'autoLockMinutes must be a whole number of minutes.' })
          .min(1, { error: 'autoLockMinutes must be at least 1.' })
          .max(24 * 60, { error: 'autoLockMinutes must be at most 1440 (a day); use null for never.' })
          .nullable()
          .optional(),
      })
      .strict();
    return channel<typeof s, VaultSettings>(s);
  })(),
  'keys:list': channel<typeof empty, KeyInfo[]>(empty),
  'keys:import': (() => {
    const s = z
      .object({
        text: z
          .string()
          .min(1, { error: 'key is empty: paste a PEM or JWK, or open a key file.' })
          .max(256 * 1024, { error: 'key text is over 256 KiB: that is not a single RSA key.' })
          .optional(),
        /** A binary key file (DER, PKCS#12…) as base64, instead of text. */
        bytes: z
          .string()
          .min(1, { error: 'the key file is empty.' })
          .max(88 * 1024, { error: 'the key file is over 64 KiB: that is not a single RSA key.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'bytes must be base64.' })
          .optional(),
        passphrase: optionalText(1024),
        label: optionalText(200),
        kid: optionalText(200),
        fileName: optionalText(1024),
      })
      .strict()
      .refine((v) => (v.text === undefined) !== (v.bytes === undefined), { error: 'key is empty: paste a PEM or JWK, or open a key file.', path: ['text'] });
    return channel<typeof s, KeyInfoWithWarnings>(s);
  })(),
  'keys:generate': (() => {
    const s = z
      .object({
        bits: z.union(KEY_SIZES.map((n) => z.literal(n)) as [z.ZodLiteral<2048>, z.ZodLiteral<3072>, z.ZodLiteral<4096>], {
          error: 'bits must be 2048, 3072 or 4096.',
        }),
        label: optionalText(200),
        kid: optionalText(200),
      })
      .strict();
    return channel<typeof s, KeyInfoWithWarnings>(s);
  })(),
  'keys:exportPublic': (() => {
    const s = z.object({ id }).strict();
    return channel<typeof s, PublicKeyExport>(s);
  })(),
  'keys:rename': (() => {
    const s = z.object({ id, label: optionalText(200), kid: optionalText(200) }).strict();
    return channel<typeof s, KeyInfoWithWarnings>(s);
  })(),
  'keys:delete': (() => {
    const s = z.object({ id }).strict();
    return channel<typeof s, { id: string }>(s);
  })(),
  'envelope:sign': (() => {
    const s = z
      .object({
        /** The fields, checked and trimmed (the usual way). */
        fields: envelopeFieldsSchema.optional(),
        /**
         * Instead of `fields`: exact-bytes mode, for negative tests. The fields are signed exactly as given
         * (no trimming, any timestamp string), and `kid`, when given, goes into the header in place of the key's.
         */
        exact: z
          .object({
            fields: exactFieldsSchema,
            kid: z.string().max(MAX_EXACT_FIELD_LENGTH, { error: `kid is longer than ${MAX_EXACT_FIELD_LENGTH} characters: shorten it.` }).optional(),
          })
          .strict()
          .optional(),
        keyId: id,
        /** The profile being signed for: a key bound to another profile, or a kid it does not register, is refused. */
        profileId: optionalText(100),
        /** Present: the window records this signature in the history (one entry per requestId). */
        record: recordOptionSchema.optional(),
      })
      .strict()
      .refine((v) => (v.fields === undefined) !== (v.exact === undefined), {
        error: 'give either fields (checked and trimmed) or exact (signed byte for byte), not both and not neither.',
        path: ['fields'],
      });
    return channel<typeof s, SignResult>(s);
  })(),
  'envelope:verify': (() => {
    const s = z
      .object({
        text: z.string().min(1, { error: 'nothing to verify: paste an envelope, its payload or a compact JWS.' }).max(8 * 1024 * 1024),
        publicKey: optionalText(256 * 1024),
        profile: profileRequest,
      })
      .strict();
    return channel<typeof s, Verdict>(s);
  })(),
  'inspect:request': (() => {
    const s = z
      .object({
        text: z.string().max(8 * 1024 * 1024),
        publicKey: optionalText(256 * 1024),
        /** Reference time for timestamp checks, epoch ms; default now. */
        now: z.number().int().nonnegative().optional(),
        profile: profileRequest,
        /** Present: the window records this inspection in the history (one entry per draft). */
        record: recordOptionSchema.optional(),
        /** The request is a fully redacted case's: it is not verified, and the verdict says why (case.redacted). */
        redaction: redactionSchema.optional(),
      })
      .strict();
    return channel<typeof s, Verdict>(s);
  })(),
  'inspect:response': (() => {
    const s = z
      .object({
        text: z.string().max(64 * 1024 * 1024),
        /** The id of the request this response was linked to (the CLI's --request-id); omit to compare with none. */
        requestId: optionalText(200),
      })
      .strict();
    return channel<typeof s, ResponseInspection>(s);
  })(),
  'inspect:resign': (() => {
    const s = z.object({ text: z.string().max(8 * 1024 * 1024), keyId: id }).strict();
    return channel<typeof s, ResignDiff>(s);
  })(),
  'profiles:list': channel<typeof empty, ProfileList>(empty),
  'profiles:save': channel<typeof saveProfileInputSchema, SavedProfile>(saveProfileInputSchema),
  'profiles:delete': channel<typeof profileIdInputSchema, { id: string }>(profileIdInputSchema),
  'profiles:duplicate': channel<typeof duplicateProfileInputSchema, SavedProfile>(duplicateProfileInputSchema),
  'profiles:export': channel<typeof exportProfilesInputSchema, ProfilesExport>(exportProfilesInputSchema),
  'profiles:import': channel<typeof importProfilesInputSchema, ProfilesImport>(importProfilesInputSchema),
  'history:list': channel<typeof historyListSchema, HistoryPage>(historyListSchema),
  'history:get': channel<typeof historyIdSchema, HistoryEntry>(historyIdSchema),
  'history:delete': channel<typeof historyIdSchema, { id: string }>(historyIdSchema),
  'history:clear': channel<typeof empty, { deleted: number }>(empty),
  /** Empty input reads the retention; keepNewest/keepDays given (null: no limit) change it. */
  'history:settings': channel<typeof historySettingsSchema, { settings: HistorySettings; status: HistoryStatus }>(historySettingsSchema),
  'history:recordResponse': channel<typeof recordResponseSchema, HistoryEntrySummary>(recordResponseSchema),
  'logs:session': channel<typeof logsSessionInput, LogSession>(logsSessionInput),
  'logs:devices': channel<typeof empty, AdbDevice[]>(empty),
  'logs:capture:start': channel<typeof captureStartInput, CaptureSnapshot>(captureStartInput),
  'logs:capture:poll': channel<typeof capturePollInput, CaptureSnapshot>(capturePollInput),
  'logs:capture:stop': channel<typeof captureStopInput, CaptureSnapshot>(captureStopInput),
  'case:export': channel<typeof caseExportInput, CaseExport>(caseExportInput),
  'history:recordLog': channel<typeof recordLogSchema, RecordLogResult>(recordLogSchema),
  /** The window's settings as kept in the data directory (theme, screen, Compose form, table layouts). */
  'settings:get': channel<typeof empty, SettingsAnswer>(empty),
  /** Changes the sections and tables given (a table set to null is forgotten; a bad value is dropped with a notice); answers with the settings now kept. */
  'settings:set': channel<typeof settingsChangeSchema, SettingsAnswer>(settingsChangeSchema),
} satisfies Record<Channel, { input: z.ZodType; output?: unknown }>;

export type Contract = typeof contract;
export type { Channel };
export { CHANNELS, channelPath };
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = NonNullable<Contract[C]['output']>;

/** What the renderer sees: one async function per channel, always resolving to a Result. */
export type InspectorApi = { [C in Channel]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>> };

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/** Turns a zod failure into the contract's error: the first issue, naming its field. */
export function inputError(error: z.ZodError): AppError & { code: 'invalid_input' } {
  const issue = error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : undefined;
  const bare = field ? field.split('.').pop() : undefined;
  let message = issue?.message ?? 'the input does not match the contract.';
  let fix: string | undefined;
  if (issue?.code === 'unrecognized_keys') {
    message = `unknown field(s) ${issue.keys.join(', ')}.`;
    fix = 'Remove them.';
  } else if (issue?.code === 'invalid_type' && bare && !message.includes(bare)) message = `${field}: ${message}`;
  return { code: 'invalid_input', message, ...(fix === undefined ? {} : { fix }), ...(field === undefined ? {} : { field }) };
}
