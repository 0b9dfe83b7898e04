/**
 * The core, assembled: one context and one dispatch function, shared by the Electron main process, the
 * browser host and the CLI. Plain Node: this module and everything under it never import `electron`.
 */
import { bindDispatch, handlers, type CoreContext, type Dispatch } from './handlers';
import type { HostKind } from '../../shared/contract';
import type { Vault } from './vault/vault';

export const APP_NAME = 'UPI Inspector';

export interface CoreOptions {
  host: HostKind;
  version: string;
  vault: Vault;
  /** The data directory (profiles, history, settings live beside the vault); absent in tests that keep everything in memory. */
  dataDir?: string;
  now?: () => number;
}

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
}

export function createCore(options: CoreOptions): Core {
  const ctx: CoreContext = {
    host: options.host,
    name: APP_NAME,
    version: options.version,
    platform: process.platform,
    vault: options.vault,
    dataDir: options.dataDir ?? null,
    now: options.now ?? Date.now,
  };
  return { ctx, dispatch: bindDispatch(handlers, ctx) };
}
