/**
 * The profile store of a core context: one per context, on the context's data directory (memory when it
 * has none), made on first use so hosts and tests need not build one.
 */
import type { CoreContext } from '../handlers/types';
import { ProfileStore } from './store';

export { ProfileStore } from './store';
export { profileCandidates } from './registered';

const stores = new WeakMap<CoreContext, ProfileStore>();

export function profilesOf(ctx: CoreContext): ProfileStore {
  let store = stores.get(ctx);
  if (!store) {
    store = new ProfileStore(ctx.dataDir, () => ctx.now());
    stores.set(ctx, store);
  }
  return store;
}
