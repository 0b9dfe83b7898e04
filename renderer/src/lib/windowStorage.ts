/**
 * The one door to the window's storage. Everything the window keeps across reloads — the zustand
 * `persist` stores and the few plain items — is written through here, and only what is on ALLOWED gets
 * written: a named item, and for a store only its listed fields. A value holding private key material (a
 * PEM private key, a private JWK) is never written, whatever field it is in: a private key pasted into a
 * public-key box, or by mistake into any other box, stays in memory only. localStorage lands on disk (the
 * browser profile, Electron's userData), so this is the line between a paste and a file.
 *
 * At start, `scrubWindowStorage` removes what an older version may have left: unknown items of ours,
 * fields off the list, and any stored value holding private material.
 */
import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { holdsPrivateKeyText } from '../../../shared/private-material';

type Area = 'local' | 'session';

interface Allowed {
  area: Area;
  /** A zustand store: the fields of its state that may be kept. Absent: a plain string item. */
  fields?: readonly string[];
  /** Why it is kept (and why it is harmless). */
  why: string;
}

export const ALLOWED = {
  'upi-inspector.app': { area: 'local', fields: ['screen', 'theme'], why: 'the screen last open and the theme' },
  'upi-inspector.compose': {
    area: 'local',
    fields: ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestampMode', 'pinnedTimestamp', 'keyId', 'profileId'],
    why: 'the Compose form: request fields, and which vault key and profile (by id, never key material)',
  },
  'upi-inspector.inspect': {
    area: 'local',
    fields: ['text', 'draftId', 'publicKey', 'reference', 'resignKeyId', 'profileChoice'],
    why: 'what was pasted into Inspect: a request and a public key (a private key is never kept)',
  },
  'upi-inspector.snippet-lang': { area: 'local', why: 'the code language last chosen' },
  'upi-inspector.token': { area: 'session', why: "the browser host's per-launch token, for reloads of this tab only" },
} as const satisfies Record<string, Allowed>;

/** Families of plain items, one per name after the prefix (a layout per table). */
export const ALLOWED_PREFIXES = {
  'upi-inspector.table-layout.': { area: 'local', why: 'which columns a table shows, and in what order' },
} as const satisfies Record<string, Allowed>;

export type StoredName = keyof typeof ALLOWED | `${keyof typeof ALLOWED_PREFIXES}${string}`;

/** What the list says of `name`: its own entry, or its family's; undefined when it is not on the list. */
function allowedFor(name: string): Allowed | undefined {
  const own = (ALLOWED as Record<string, Allowed>)[name];
  if (own) return own;
  const family = Object.keys(ALLOWED_PREFIXES).find((prefix) => name.startsWith(prefix) && name.length > prefix.length);
  return family ? (ALLOWED_PREFIXES as Record<string, Allowed>)[family] : undefined;
}

const PREFIX = 'upi-inspector.';

function areaOf(area: Area): Storage | null {
  try {
    return (area === 'local' ? globalThis.localStorage : globalThis.sessionStorage) ?? null;
  } catch {
    return null; // storage disabled (private mode, a sandboxed frame): nothing is kept
  }
}

/** True when any string in `value` (at any depth) holds private key material. */
export function holdsPrivateMaterial(value: unknown): boolean {
  if (typeof value === 'string') return holdsPrivateKeyText(value);
  if (Array.isArray(value)) return value.some(holdsPrivateMaterial);
  if (value !== null && typeof value === 'object') return Object.values(value).some(holdsPrivateMaterial);
  return false;
}

/** A store's state as it may be kept: its allowed fields, less any holding private material. */
export function keptFields(name: StoredName, state: Record<string, unknown>): Record<string, unknown> {
  const fields: readonly string[] = allowedFor(name)?.fields ?? [];
  return Object.fromEntries(Object.entries(state).filter(([field, value]) => fields.includes(field) && !holdsPrivateMaterial(value)));
}

/** A plain item: written when it is allowed and holds nothing private. */
export function writeItem(name: StoredName, value: string): void {
  const allowed = allowedFor(name);
  if (!allowed || allowed.fields || holdsPrivateMaterial(value)) return;
  try {
    areaOf(allowed.area)?.setItem(name, value);
  } catch {
    // full or disabled: it lasts for this page only
  }
}

export function readItem(name: StoredName): string | null {
  const allowed = allowedFor(name);
  try {
    return allowed ? (areaOf(allowed.area)?.getItem(name) ?? null) : null;
  } catch {
    return null;
  }
}

export function removeItem(name: StoredName): void {
  const allowed = allowedFor(name);
  try {
    if (allowed) areaOf(allowed.area)?.removeItem(name);
  } catch {
    // disabled
  }
}

/** The storage every zustand `persist` store of the window uses (`storage: persistStorage('name')`). */
export function persistStorage<S>(name: keyof typeof ALLOWED): PersistStorage<S> {
  const area = ALLOWED[name].area;
  return {
    getItem: (key) => {
      const raw = readItem(key as StoredName);
      if (raw === null) return null;
      try {
        const parsed = JSON.parse(raw) as StorageValue<Record<string, unknown>>;
        return { ...parsed, state: keptFields(name, parsed.state ?? {}) } as StorageValue<S>;
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      const stored: StorageValue<Record<string, unknown>> = { ...value, state: keptFields(name, value.state as Record<string, unknown>) };
      try {
        areaOf(area)?.setItem(key, JSON.stringify(stored));
      } catch {
        // full or disabled
      }
    },
    removeItem: (key) => removeItem(key as StoredName),
  };
}

/** Removes what is not on the list, or holds private material, from both storages. Returns the names changed. */
export function scrubWindowStorage(): string[] {
  const changed: string[] = [];
  for (const area of ['local', 'session'] as const) {
    const storage = areaOf(area);
    if (!storage) continue;
    const names = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k !== null && k.startsWith(PREFIX));
    for (const key of names) {
      const allowed = allowedFor(key);
      const raw = storage.getItem(key) ?? '';
      if (!allowed || allowed.area !== area || (!allowed.fields && holdsPrivateMaterial(raw))) {
        storage.removeItem(key);
        changed.push(key);
        continue;
      }
      if (!allowed.fields) continue;
      const scrubbed = scrubbedStore(key as StoredName, raw);
      if (scrubbed === raw) continue;
      if (scrubbed === null) storage.removeItem(key);
      else storage.setItem(key, scrubbed);
      changed.push(key);
    }
  }
  return changed;
}

function scrubbedStore(name: StoredName, raw: string): string | null {
  try {
    const parsed = JSON.parse(raw) as StorageValue<Record<string, unknown>>;
    const state = keptFields(name, parsed.state ?? {});
    return Object.keys(state).length === Object.keys(parsed.state ?? {}).length ? raw : JSON.stringify({ ...parsed, state });
  } catch {
    return null;
  }
}
