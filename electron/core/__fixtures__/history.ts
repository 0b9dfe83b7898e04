/** History entries and stores for the history's tests. */
import { randomUUID } from 'node:crypto';
import type { HistoryFacts, HistoryKind } from '../../../shared/history';
import type { NewEntry } from '../history/entries';
import { HistoryStore } from '../history/store';
import { openVault } from '../vault/open';
import type { Vault } from '../vault/vault';

export const PASSPHRASE = 'history test passphrase';

export const NO_FACTS: HistoryFacts = {
  profile: null,
  merchantId: null,
  channel: null,
  kid: null,
  requestId: null,
  status: null,
  errorCode: null,
  valid: null,
  cause: null,
  summary: null,
};

/** An entry of `kind` with a fresh draft, its facts and text as given. */
export function entry(kind: HistoryKind, facts: Partial<HistoryFacts> = {}, text = `${kind} text ${randomUUID()}`, extra: Partial<NewEntry> = {}): NewEntry {
  const reopen: NewEntry['reopen'] =
    kind === 'inspect'
      ? { kind, referenceMs: 1668389349848 }
      : kind === 'response'
        ? { kind, linkedRequestId: null }
        : { kind, keyId: 'k1', fields: { requestId: facts.requestId ?? randomUUID(), service: 's', action: 'a', merchantId: 'm', merchantCustomerId: 'c', merchantChannelId: 'ch', timestamp: '1668389349848' } };
  return { kind, source: 'window', draftId: randomUUID(), facts: { ...NO_FACTS, ...facts }, text, reopen, ...extra };
}

/** A passphrase vault in `dir`, unlocked unless asked not to be. */
export function passphraseVault(dir: string, unlocked = true): Promise<Vault> {
  return openVault({ mode: 'passphrase', dataDir: dir, ...(unlocked ? { passphrase: PASSPHRASE } : {}) });
}

/** A history on `dir` whose clock the test moves (`clock.now`), saving without delay. */
export function historyIn(dir: string | null, vault: Vault, clock = { now: 1_700_000_000_000 }): HistoryStore {
  return new HistoryStore({ dataDir: dir, vault, now: () => clock.now, saveDelayMs: 0 });
}
