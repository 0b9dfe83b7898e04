/**
 * The history file cannot be read as a history: `detail` completes "The history database … is damaged: …".
 * `foreign`: the file is sound but not for this session (sealed by another storage mode, written by a newer
 * UPI Inspector): it is left exactly where it is rather than moved aside.
 */
export class HistoryDamage extends Error {
  constructor(
    readonly detail: string,
    readonly foreign = false,
    /** The vault's cipher does not open it: altered, or sealed under a passphrase since changed. */
    readonly wrongPassphrase = false,
  ) {
    super(detail);
    this.name = 'HistoryDamage';
  }
}
