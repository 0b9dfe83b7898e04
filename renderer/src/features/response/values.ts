/** How response values are shown, compared and traced back to their spelling on the wire. */
import { isRecord } from '../../../../shared/guards';
import type { ParseResponseResult } from '../../../../shared/response';

/** A value for a cell: absent fields are "—", objects are JSON. */
export function display(v: unknown): string {
  if (v === undefined) return '—';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Total order over mixed cell values: numbers and booleans by value, text naturally, absent last. */
export function compareValues(a: unknown, b: unknown): number {
  const aMissing = a === undefined || a === null;
  const bMissing = b === undefined || b === null;
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(display(a), display(b));
}

type Ok = Extract<ParseResponseResult, { ok: true }>;

/** The payload object as received (a string holding JSON is read again), or undefined. */
function rawPayload(parsed: Ok): Record<string, unknown> | undefined {
  const p = parsed.shape === 'payload-only' ? parsed.raw : parsed.raw.payload;
  if (isRecord(p)) return p;
  if (typeof p === 'string') {
    try {
      const v: unknown = JSON.parse(p);
      return isRecord(v) ? v : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function asArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (typeof v === 'string' && v.trim().startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(v);
      return Array.isArray(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The account object exactly as received, to tell `"6"` from `6`. */
export function rawAccount(parsed: Ok, vpaIndex: number, accountIndex: number): Record<string, unknown> | undefined {
  const vpas = asArray(rawPayload(parsed)?.vpaAccounts);
  const entry = vpas?.[vpaIndex];
  if (!isRecord(entry)) return undefined;
  const account = asArray(entry.accounts)?.[accountIndex];
  return isRecord(account) ? account : undefined;
}

/** The payload field as received. */
export function rawPayloadField(parsed: Ok, name: string): unknown {
  return rawPayload(parsed)?.[name];
}

/** "a string" when a boolean/number arrived as a string, so the table can say so. */
export function spellingOf(raw: unknown, normalized: unknown): 'string' | 'json' | null {
  if (raw === undefined || raw === null) return null;
  if (typeof normalized !== 'boolean' && typeof normalized !== 'number') return null;
  return typeof raw === 'string' ? 'string' : 'json';
}

/** Starts with { or [ and ends with } or ]: a document, not a fragment. Looks at the ends only (texts can be MBs). */
export function isWholeDocument(text: string): boolean {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  let j = text.length - 1;
  while (j > i && /\s/.test(text[j]!)) j--;
  return (text[i] === '{' && text[j] === '}') || (text[i] === '[' && text[j] === ']');
}
