// PLACEHOLDER — replaced by the key-vault work (issue 4). Only `status()` is used by the skeleton.
import type { VaultStatus } from '../../shared/keys';

export class Vault {
  async status(): Promise<VaultStatus> {
    return { state: 'unlocked', mode: 'session', path: null, keyCount: 0 };
  }
}
