/**
 * What a new vault passphrase must be: at least MIN_PASSPHRASE_LENGTH characters, and not easy to guess
 * by zxcvbn-ts's estimate (dictionary words, names, keyboard walks, dates, repeats, l33t), the maintained
 * estimator rather than a home-made rule. The refusal carries zxcvbn's own feedback, so the user learns
 * why. Applied when a vault is created and when its passphrase is changed; an existing vault with a
 * shorter passphrase still opens (and is told to change it).
 */
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { InspectorError } from '../../../shared/result';

export const MIN_PASSPHRASE_LENGTH = 12;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline slow-hash attacks". */
export const MIN_PASSPHRASE_SCORE = 3;
/** zxcvbn slows down on long input and learns nothing more past this. */
const ESTIMATE_CHARS = 100;

let estimator: Promise<ZxcvbnFactory> | undefined;

/** Loaded on first use: its dictionaries take ~130 ms to load, which every CLI run would pay otherwise. */
async function strength(passphrase: string) {
  estimator ??= (async () => {
    const [{ ZxcvbnFactory }, common, english] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    return new ZxcvbnFactory({ translations: english.translations, graphs: common.adjacencyGraphs, dictionary: { ...common.dictionary, ...english.dictionary } });
  })();
  return (await estimator).check(passphrase.slice(0, ESTIMATE_CHARS));
}

/** Why `passphrase` is refused, in words (zxcvbn's feedback included), or null when it is strong enough. */
export async function passphraseWeakness(passphrase: string): Promise<string | null> {
  const length = [...passphrase].length;
  if (length < MIN_PASSPHRASE_LENGTH) return `it has ${length} character${length === 1 ? '' : 's'}, and a vault passphrase needs at least ${MIN_PASSPHRASE_LENGTH}`;
  const result = await strength(passphrase);
  if (result.score >= MIN_PASSPHRASE_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const why = [warning, ...suggestions].filter((s): s is string => Boolean(s)).map((s) => s.replace(/\.$/, ''));
  const guessed = `it would be guessed in about ${result.crackTimes.offlineSlowHashingXPerSecond.display} by someone holding the vault file`;
  return why.length > 0 ? `${guessed} (${why.join('; ')})` : guessed;
}

/**
 * Throws `weak_passphrase` when `passphrase` is too weak for a new vault or a new passphrase.
 * `what` names it for the message ("The new passphrase", "UPI_INSPECTOR_PASSPHRASE").
 */
export async function assertStrongPassphrase(passphrase: string, what: string, field = 'passphrase'): Promise<void> {
  const weakness = await passphraseWeakness(passphrase);
  if (weakness === null) return;
  throw new InspectorError('weak_passphrase', `${what} is too weak to protect the key vault: ${weakness}.`, {
    fix: `Choose at least ${MIN_PASSPHRASE_LENGTH} characters that are hard to guess: several uncommon words, or a passphrase from a password manager.`,
    field,
  });
}

/**
 * The note an unlocked vault shows when its passphrase is shorter than new ones may be. Length only: the
 * estimator is not loaded on every unlock (each CLI run unlocks) for a vault that already exists.
 */
export function olderPassphraseNote(passphrase: string): string | null {
  const length = [...passphrase].length;
  return length >= MIN_PASSPHRASE_LENGTH
    ? null
    : `This vault's passphrase has ${length} character${length === 1 ? '' : 's'}, fewer than the ${MIN_PASSPHRASE_LENGTH} UPI Inspector now asks for. The vault still opens; change its passphrase (Keys screen, or "upi-inspector vault change-passphrase").`;
}
