// TEMPORARY until the key vault (issue 4) lands: the host's vault comes from the environment.
import { Vault } from '../core/vault';

export async function openHostVault(_env: NodeJS.ProcessEnv): Promise<Vault> {
  return new Vault();
}
