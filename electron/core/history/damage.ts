/** The history file cannot be read as a history: `detail` completes "The history database … is damaged: …". */
export class HistoryDamage extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'HistoryDamage';
  }
}
