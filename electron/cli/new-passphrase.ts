/**
 * A new vault passphrase at the terminal (a new vault, or change-passphrase): refused with the strength
 * estimator's reason and asked again, up to three times, then typed a second time to confirm.
 */
import { InspectorError } from '../../shared/result';
import { assertStrongPassphrase, MIN_PASSPHRASE_LENGTH, passphraseWeakness } from '../core/vault/passphrase-policy';
import type { CliIo } from './io';

const TRIES = 3;

export async function askNewPassphrase(io: CliIo, question: string): Promise<string> {
  let chosen: string;
  for (let attempt = 1; ; attempt++) {
    chosen = await io.promptHidden(attempt === 1 ? `${question.trimEnd()} (at least ${MIN_PASSPHRASE_LENGTH} characters, hard to guess): ` : 'Choose another: ');
    const weakness = await passphraseWeakness(chosen);
    if (weakness === null) break;
    if (attempt === TRIES) await assertStrongPassphrase(chosen, 'The passphrase typed');
    io.stderr(`That passphrase is too weak: ${weakness}.\n`);
  }
  const again = await io.promptHidden('Type it again: ');
  if (again !== chosen) throw new InspectorError('passphrase_mismatch', 'The two passphrases differ: nothing was created.');
  return chosen;
}
