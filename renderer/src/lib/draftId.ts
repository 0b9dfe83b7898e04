/** A history draft id: the window's key for "one entry per paste", renewed on each paste and kept while typing. */
export function newDraftId(): string {
  return globalThis.crypto.randomUUID();
}
