/**
 * The one source of request ids, on both sides. UPI_INSPECTOR_REQUEST_IDS queues uuids that are handed
 * out in order, then fresh uuid v4s follow. The window's queue is the host's, handed over once at start
 * (`app:automation`), so each id goes to one consumer only.
 */
const queued: string[] = [];
let pinned = false;

/** A uuid v4, the only kind a request may carry (domain.md): pinned ids are held to it too. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The next queued id, or a fresh uuid v4 (Web Crypto: browsers, Node ≥ 19). */
export function newRequestId(): string {
  return queued.shift() ?? globalThis.crypto.randomUUID();
}

/** Replaces the queue with `ids`, handed out in this order. */
export function queueRequestIds(ids: readonly string[]): void {
  queued.splice(0, queued.length, ...ids);
  if (ids.length > 0) pinned = true;
}

/** Whether request ids were pinned for this run (a kept Compose form then starts from the pinned one). */
export function requestIdsPinned(): boolean {
  return pinned;
}

/** Empties the queue and returns what was in it (the host hands its ids to the window this way). */
export function takeQueuedRequestIds(): string[] {
  return queued.splice(0, queued.length);
}

/** Reads UPI_INSPECTOR_REQUEST_IDS's value: uuids separated by commas (spaces allowed). */
export function parseRequestIds(text: string): { ok: true; ids: string[] } | { ok: false; message: string } {
  const ids = text
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  const bad = ids.findIndex((id) => !UUID_V4.test(id));
  if (bad >= 0) {
    return {
      ok: false,
      message: `UPI_INSPECTOR_REQUEST_IDS item ${bad + 1} "${ids[bad]}" is not a uuid v4 (xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx): write v4 uuids like 0f8fad5b-d9cb-469f-a165-70867728950e, separated by commas.`,
    };
  }
  return { ok: true, ids };
}
