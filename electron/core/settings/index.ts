/**
 * The settings store of a core context: one per context, on its data directory (memory when it has
 * none), made on first use so hosts and tests need not build one.
 */
import type { CoreContext } from '../handlers/types';
import { SettingsStore } from './store';

export { SettingsStore } from './store';

const stores = new WeakMap<CoreContext, SettingsStore>();

export function settingsOf(ctx: CoreContext): SettingsStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new SettingsStore(ctx.dataDir, () => ctx.now());
    stores.set(ctx, store);
  }
  return store;
}
