/**
 * The settings' names, defaults and the rules that need no schema (private material, applying a patch),
 * without zod: the window loads its settings before its first paint, and zod stays out of that script.
 * `settings.ts` holds the schemas (the main side reads and checks with them) and re-exports all of this.
 */
import { isRecord } from './guards';
import { holdsPrivateKeyText } from './private-material';
import type { Settings, SettingsPatch, SectionName } from './settings';

export const SETTINGS_VERSION = 1;
export const SETTINGS_FILE_NAME = 'settings.json';
/** A pasted request longer than this is not kept as Inspect's draft (the history keeps inspections). */
export const MAX_SETTING_TEXT = 512 * 1024;

export const THEMES = ['light', 'dark'] as const;
export const SCREENS = ['compose', 'response', 'inspect', 'keys', 'profiles', 'history', 'timeline'] as const;
export const TABLE_NAME = /^[a-z][a-z0-9.-]{0,99}$/;

/** Each section's field names (settings.ts checks them against its schemas' keys). */
export const SECTION_FIELD_NAMES = {
  app: ['screen', 'theme'],
  compose: ['requestId', 'service', 'action', 'merchantId', 'merchantCustomerId', 'merchantChannelId', 'timestampMode', 'pinnedTimestamp', 'keyId', 'profileId', 'exactBytes', 'kidOverride'],
  inspect: ['text', 'draftId', 'publicKey', 'reference', 'resignKeyId', 'profileChoice'],
} as const satisfies Record<SectionName, readonly string[]>;

export const DEFAULT_SETTINGS: Settings = { version: SETTINGS_VERSION, app: {}, compose: {}, inspect: {}, tables: {} };

/** True when any string in `value`, at any depth, holds private key material. */
export function holdsPrivateMaterial(value: unknown): boolean {
  if (typeof value === 'string') return holdsPrivateKeyText(value);
  if (Array.isArray(value)) return value.some(holdsPrivateMaterial);
  if (isRecord(value)) return Object.values(value).some(holdsPrivateMaterial);
  return false;
}

/** Where a patch holds private key material ('compose.merchantId'), or null when nowhere. */
export function privateMaterialPath(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return holdsPrivateKeyText(value) ? path : null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : isRecord(value) ? Object.entries(value) : [];
  for (const [key, v] of entries) {
    const found = privateMaterialPath(v, path ? `${path}.${key}` : key);
    if (found !== null) return found;
  }
  return null;
}

/** The settings after `patch` (already validated): sections replaced, tables merged, null forgets. */
export function applySettingsPatch(settings: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...settings, tables: { ...settings.tables } };
  for (const name of Object.keys(SECTION_FIELD_NAMES) as SectionName[]) {
    const section = patch[name];
    if (section !== undefined) (next as unknown as Record<SectionName, unknown>)[name] = { ...section };
  }
  if (patch.snippetLang === null) delete next.snippetLang;
  else if (patch.snippetLang !== undefined) next.snippetLang = patch.snippetLang;
  for (const [name, layout] of Object.entries(patch.tables ?? {})) {
    if (layout === null) delete next.tables[name];
    else next.tables[name] = layout;
  }
  return next;
}
