/**
 * `upi-inspector/node`: the inspector's core for plain Node tests — sign, verify, inspect a response,
 * read a log — with no window, no host and no vault unless one is asked for (docs/automation.md).
 * Everything goes through the same core functions as the app and the CLI, so a verdict here is the
 * verdict the Inspect screen shows.
 */
import type { SignResult } from '../../shared/contract';
import { inspectResponseText } from '../../shared/diagnostics';
import { ACTION, SERVICE, envelopeFieldsSchema, type EnvelopeFields } from '../../shared/envelope';
import { LogFeed, type LogSession } from '../../shared/logs';
import { now as clockNow } from '../../shared/clock';
import { newRequestId } from '../../shared/request-ids';
import { InspectorError } from '../../shared/result';
import type { Verdict } from '../../shared/verdict';
import type { ResponseInspection } from '../../shared/contract';
import { givenKeyCandidate, vaultCandidates, type KeySet } from '../core/candidates';
import { verifyRequestText } from '../core/inspect';
import { looseKeyInfo } from '../core/keys/export';
import { readPrivateKey } from '../core/keys/read';
import { applyAutomationEnv } from '../core/automation';
import { judgeItems } from '../core/logs';
import { signEnvelope } from '../core/signer';
import { openVaultFromEnv } from '../core/vault/open';
import type { Vault } from '../core/vault/vault';

export type { SignResult, Verdict, ResponseInspection, LogSession, EnvelopeFields };

// UPI_INSPECTOR_NOW and UPI_INSPECTOR_REQUEST_IDS count here too; a bad value fails the import, naming it.
applyAutomationEnv(process.env);
export { InspectorError };

/** Where a vault key comes from when one is asked for: the data folder and its passphrase. */
export interface VaultOptions {
  /** The data folder (UPI_INSPECTOR_HOME); default: that variable, else ~/.config/upi-inspector. */
  home?: string;
  /** Its passphrase (UPI_INSPECTOR_PASSPHRASE); default: that variable. */
  passphrase?: string;
}

export interface SignInput {
  merchantId: string;
  merchantChannelId: string;
  merchantCustomerId: string;
  /** Default: the next of UPI_INSPECTOR_REQUEST_IDS, else a fresh uuid v4. */
  requestId?: string;
  /** Epoch ms as a string or number; default: the clock (UPI_INSPECTOR_NOW when set). */
  timestamp?: string | number;
  service?: string;
  action?: string;
  /** The header kid; default: the key's own kid (a JWK's `kid`) — one of the two is needed. */
  kid?: string;
  /** The private key as PEM or JWK text; or */
  privateKey?: string;
  /** a vault key by id or kid, read from the vault in `vault` (opened only then). */
  vaultKey?: string;
  vault?: VaultOptions;
}

/** Signs an envelope as Compose and `upi-inspector sign` do: same fields and key, same bytes. */
export async function sign(input: SignInput): Promise<SignResult> {
  const parsed = envelopeFieldsSchema.safeParse({
    requestId: input.requestId ?? newRequestId(),
    service: input.service ?? SERVICE,
    action: input.action ?? ACTION,
    merchantId: input.merchantId,
    merchantCustomerId: input.merchantCustomerId,
    merchantChannelId: input.merchantChannelId,
    timestamp: String(input.timestamp ?? clockNow()),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InspectorError('invalid_input', `sign(): ${issue.message}`, { field: issue.path.join('.') });
  }
  const fields: EnvelopeFields = parsed.data;
  if ((input.privateKey === undefined) === (input.vaultKey === undefined)) {
    throw new InspectorError('invalid_input', 'sign() takes exactly one key: privateKey (PEM or JWK text) or vaultKey (a vault id or kid).', { field: 'privateKey' });
  }
  if (input.privateKey !== undefined) {
    const read = readPrivateKey(input.privateKey, { field: 'privateKey' });
    const info = await looseKeyInfo(read, { id: 'node-api', label: 'the privateKey given', ...(read.kid ? { kid: read.kid } : {}) });
    return signEnvelope(fields, { info, privateKey: read.privateKey }, input.kid === undefined ? {} : { kid: input.kid });
  }
  const vault = await openVaultAt(input.vault);
  return signEnvelope(fields, vault.signingKey(vault.find(input.vaultKey!).id), input.kid === undefined ? {} : { kid: input.kid });
}

export interface VerifyOptions {
  /** Public (or private) keys to try, PEM or JWK text; a private key is reduced to its public half. */
  publicKeys?: string[];
  /** Also try the keys of a vault (opened only when given). */
  vault?: VaultOptions;
  /** The reference time in epoch ms for the timestamp checks; default: the clock (UPI_INSPECTOR_NOW when set). */
  now?: number;
}

/** The verdict on a request (envelope JSON, a logged line, a JWS…): the same object Inspect shows. */
export async function verify(text: string, options: VerifyOptions = {}): Promise<Verdict> {
  return verifyRequestText(text, await keySet(options), options.now ?? clockNow());
}

/** Findings on an SDK response; give `requestId` to check it answers that request. */
export function inspectResponse(text: string, options: { requestId?: string } = {}): ResponseInspection {
  return inspectResponseText(text, options.requestId === undefined ? {} : { requestId: options.requestId });
}

/** Reads a log (logcat text) into the timeline session: every request and response, each request judged. */
export async function readLog(text: string, options: VerifyOptions & { zoneOffsetMs?: number; year?: number } = {}): Promise<LogSession> {
  const feed = new LogFeed('the log given');
  const items = [...feed.push(text), ...feed.end()];
  const keys = await keySet(options);
  return judgeItems(items, keys, {
    now: () => options.now ?? clockNow(),
    ...(options.zoneOffsetMs === undefined ? {} : { zoneOffsetMs: options.zoneOffsetMs }),
    ...(options.year === undefined ? {} : { year: options.year }),
  });
}

async function keySet(options: VerifyOptions): Promise<KeySet> {
  const candidates = await Promise.all((options.publicKeys ?? []).map((text, i) => givenKeyCandidate(text, 'pasted', `publicKeys[${i}]`)));
  if (!options.vault) return { candidates };
  const fromVault = vaultCandidates(await openVaultAt(options.vault));
  const kids = fromVault.map((c) => c.kid).filter((kid) => kid !== '');
  return { candidates: [...candidates, ...fromVault], ...(kids.length > 0 ? { vaultKids: kids } : {}) };
}

async function openVaultAt(options: VaultOptions = {}): Promise<Vault> {
  const env = { ...process.env, ...(options.home ? { UPI_INSPECTOR_HOME: options.home } : {}), ...(options.passphrase ? { UPI_INSPECTOR_PASSPHRASE: options.passphrase } : {}) };
  const vault = await openVaultFromEnv(env);
  const status = await vault.status();
  if (status.state !== 'unlocked') throw new InspectorError('vault_locked', `The key vault ${status.path} is locked: pass vault.passphrase (or set UPI_INSPECTOR_PASSPHRASE).`);
  return vault;
}
