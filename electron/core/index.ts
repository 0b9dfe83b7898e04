/**
 * The core, assembled: one context and one dispatch function, shared by the Electron main process, the
 * browser host and the CLI. Plain Node: this module and everything under it never import `electron`.
 */
import { bindDispatch, handlers, type CoreContext, type Dispatch } from './handlers';
import type { HostKind } from '../../shared/contract';
import { now as clockNow } from '../../shared/clock';
import { HistoryStore } from './history/store';
import { AutoLock } from './vault/auto-lock';
import type { Vault } from './vault/vault';

export const APP_NAME = 'UPI Inspector';

export interface CoreOptions {
  host: HostKind;
  version: string;
  vault: Vault;
  /** The data directory (profiles, history, settings live beside the vault); absent in tests that keep everything in memory. */
  dataDir?: string;
  now?: () => number;
  /** How long an auto-lock minute is (tests shorten it). */
  autoLockMinuteMs?: number;
}

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  /** Writes what is not yet on disk (the history); call before the process ends. */
  close(): Promise<void>;
}

export function createCore(options: CoreOptions): Core {
  const now = options.now ?? clockNow;
  const dataDir = options.dataDir ?? null;
  const ctx: CoreContext = {
    host: options.host,
    name: APP_NAME,
    version: options.version,
    platform: process.platform,
    vault: options.vault,
    dataDir,
    history: new HistoryStore({ dataDir, vault: options.vault, now }),
    autoLock: new AutoLock(options.vault, dataDir, options.autoLockMinuteMs === undefined ? {} : { minuteMs: options.autoLockMinuteMs }),
    now,
  };
  const dispatch = bindDispatch(handlers, ctx);
  return {
    ctx,
    // Idle means no call: each one starts the auto-lock clock again.
    dispatch: ((channel, input) => {
      ctx.autoLock.touch();
      return dispatch(channel, input);
    }) as Dispatch,
    close: () => {
      ctx.autoLock.stop();
      return ctx.history.flush();
    },
  };
}
