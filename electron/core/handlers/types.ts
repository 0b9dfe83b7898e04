import type { Channel, ChannelOutput, ChannelParsedInput, HostKind } from '../../../shared/contract';
import type { HistoryStore } from '../history/store';
import type { AutoLock } from '../vault/auto-lock';
import type { Vault } from '../vault/vault';

/** Everything a handler may use: the core's state, passed in so tests can build their own. */
export interface CoreContext {
  host: HostKind;
  name: string;
  version: string;
  platform: string;
  vault: Vault;
  /** Where the app keeps its files (vault, profiles, history); null when nothing is persisted (tests). */
  dataDir: string | null;
  /** Every sign, inspection and response reading the window records (in memory when dataDir is null). */
  history: HistoryStore;
  /** Locks a passphrase vault after the window has been idle for its setting; every call resets it. */
  autoLock: AutoLock;
  /** Epoch ms; injectable so tests pin time. */
  now(): number;
}

/**
 * A handler gets input the contract already validated. It returns its value or throws an
 * InspectorError; `dispatch` turns both into a Result, so no exception leaves the core.
 */
export type Handler<C extends Channel> = (input: ChannelParsedInput<C>, ctx: CoreContext) => Promise<ChannelOutput<C>>;
export type HandlerTable = { [C in Channel]: Handler<C> };
export type PartialHandlerTable<K extends Channel> = { [C in K]: Handler<C> };
