/**
 * The window's settings, kept on the main side (`<dataDir>/settings.json`) so every launch and both
 * hosts (Electron, the browser host on any port) see the same ones: the theme and last screen, the
 * Compose form, Inspect's draft, the snippet language and each table's layout.
 *
 * Reading is forgiving: a field that is unknown or invalid is dropped with a warning naming it, and the
 * rest is kept (one bad value never costs the whole file). Nothing holding private key material is ever
 * kept: Compose names vault keys by id only, and a private key pasted anywhere stays in memory.
 */
import { z } from 'zod';
import { isRecord } from './guards';
import { MAX_SETTING_TEXT, SCREENS, SETTINGS_VERSION, TABLE_NAME, THEMES, holdsPrivateMaterial, type SECTION_FIELD_NAMES } from './settings-fields';

export * from './settings-fields';


const text = (max = 1024) => z.string().max(max);
const id = z.string().min(1).max(200);


/** Each section's fields, every one optional: the window writes what it has. */
export const SECTION_FIELDS = {
  app: {
    screen: z.enum(SCREENS),
    theme: z.enum(THEMES),
  },
  compose: {
    requestId: text(),
    service: text(),
    action: text(),
    merchantId: text(),
    merchantCustomerId: text(),
    merchantChannelId: text(),
    timestampMode: z.enum(['now', 'pinned']),
    pinnedTimestamp: text(),
    keyId: id.nullable(),
    profileId: id.nullable(),
    // Compose's exact-bytes mode (negative tests): kept when the form has them.
    exactBytes: z.boolean(),
    kidOverride: text(),
  },
  inspect: {
    text: text(MAX_SETTING_TEXT),
    draftId: text(200),
    publicKey: text(256 * 1024),
    reference: z.union([z.object({ mode: z.literal('now') }).strict(), z.object({ mode: z.literal('pinned'), epochMs: z.number().int().nonnegative() }).strict()]),
    resignKeyId: text(200),
    profileChoice: text(200),
  },
} as const;

export type SectionName = keyof typeof SECTION_FIELDS;
export const SECTION_NAMES = Object.keys(SECTION_FIELDS) as SectionName[];
// The zod-free names (settings-fields.ts) are exactly the schemas' keys.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: { [S in SectionName]: SameKeys<(typeof SECTION_FIELD_NAMES)[S][number], keyof (typeof SECTION_FIELDS)[S]> } = { app: true, compose: true, inspect: true };
void namesMatch;
type SectionShape<S extends SectionName> = { [F in keyof (typeof SECTION_FIELDS)[S]]?: z.output<(typeof SECTION_FIELDS)[S][F]> };
export type AppSettings = SectionShape<'app'>;
export type ComposeSettings = SectionShape<'compose'>;
export type InspectSettings = SectionShape<'inspect'>;

const columnIds = z.array(z.string().min(1).max(100)).max(100);
/** A table's layout: which columns show in what order (the first shown is pinned), its sort and filters. */
export const tableLayoutSchema = z
  .object({
    order: columnIds,
    hidden: columnIds,
    sort: z.object({ id: z.string().min(1).max(100), desc: z.boolean() }).strict().nullable().optional(),
    /** The `field:value` filter box. */
    query: text(2000).optional(),
    /** The per-column filter boxes: null when they are closed. */
    columnFilters: z.record(z.string().max(100), text(500)).nullable().optional(),
  })
  .strict();
export type TableLayout = z.output<typeof tableLayoutSchema>;
const MAX_TABLES = 50;

export interface Settings {
  version: number;
  app: AppSettings;
  compose: ComposeSettings;
  inspect: InspectSettings;
  snippetLang?: string;
  tables: Record<string, TableLayout>;
}


/**
 * A change from the window: a section given replaces that section; a table given replaces that table's
 * layout (null forgets it); snippetLang null forgets it. What is not given is left as it is.
 */
export const settingsPatchSchema = z
  .object({
    app: z.object(SECTION_FIELDS.app).partial().strict().optional(),
    compose: z.object(SECTION_FIELDS.compose).partial().strict().optional(),
    inspect: z.object(SECTION_FIELDS.inspect).partial().strict().optional(),
    snippetLang: z.string().min(1).max(40).nullable().optional(),
    tables: z
      .record(z.string().regex(TABLE_NAME, { error: 'a table name is lower-case letters, digits, dots and dashes.' }), tableLayoutSchema.nullable())
      .refine((t) => Object.keys(t).length <= MAX_TABLES, { error: `tables: at most ${MAX_TABLES} table layouts.` })
      .optional(),
  })
  .strict();
export type SettingsPatch = z.output<typeof settingsPatchSchema>;

const looseSection = z.record(z.string(), z.unknown()).optional();
/**
 * What settings:set takes: a patch's shape, with each field's value checked as the result is kept
 * (readSettings), so a bad value is dropped with a warning instead of costing the whole change. The
 * window sends its stores' fields as they are and needs no schema of its own (zod stays out of its
 * first script).
 */
export const settingsChangeSchema = z
  .object({
    app: looseSection,
    compose: looseSection,
    inspect: looseSection,
    snippetLang: z.string().min(1).max(40).nullable().optional(),
    tables: z
      .record(z.string().regex(TABLE_NAME, { error: 'a table name is lower-case letters, digits, dots and dashes.' }), z.unknown())
      .refine((t) => Object.keys(t).length <= MAX_TABLES, { error: `tables: at most ${MAX_TABLES} table layouts.` })
      .optional(),
  })
  .strict();
export type SettingsChange = z.output<typeof settingsChangeSchema>;

/** settings:get and settings:set answer with the settings now kept, and anything the window should say. */
export interface SettingsAnswer {
  settings: Settings;
  /** Said once: the settings file was damaged and set aside, or fields were dropped from it. */
  notice?: string;
}


/** A section's fields that are known, valid and hold nothing private; warnings name the others. */
function readSection<S extends SectionName>(name: S, raw: unknown, warnings: string[]): SectionShape<S> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    warnings.push(`${name}: not an object, dropped`);
    return {};
  }
  const fields = SECTION_FIELDS[name] as Record<string, z.ZodType>;
  const kept: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(raw)) {
    const schema = fields[field];
    if (!Object.hasOwn(fields, field) || !schema) warnings.push(`${name}.${field}: unknown, dropped`);
    else if (holdsPrivateMaterial(value)) warnings.push(`${name}.${field}: holds a private key, dropped`);
    else if (!schema.safeParse(value).success) warnings.push(`${name}.${field}: not a valid value, dropped`);
    else kept[field] = value;
  }
  return kept as SectionShape<S>;
}

function readTables(raw: unknown, warnings: string[]): Record<string, TableLayout> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    warnings.push('tables: not an object, dropped');
    return {};
  }
  const tables: Record<string, TableLayout> = {};
  for (const [name, value] of Object.entries(raw)) {
    const layout = tableLayoutSchema.safeParse(value);
    if (!TABLE_NAME.test(name) || Object.keys(tables).length >= MAX_TABLES) warnings.push(`tables.${name}: not a table name, dropped`);
    else if (!layout.success || holdsPrivateMaterial(value)) warnings.push(`tables.${name}: not a valid layout, dropped`);
    else tables[name] = layout.data;
  }
  return tables;
}

/**
 * Settings from parsed JSON: what is known and valid is kept, the rest dropped with a warning each.
 * Throws only when `raw` is not an object at all (the caller sets such a file aside).
 */
export function readSettings(raw: unknown): { settings: Settings; warnings: string[] } {
  if (!isRecord(raw)) throw new TypeError('the file is not a JSON object');
  const warnings: string[] = [];
  const known = new Set(['version', 'app', 'compose', 'inspect', 'snippetLang', 'tables']);
  for (const key of Object.keys(raw)) if (!known.has(key)) warnings.push(`${key}: unknown, dropped`);
  if (typeof raw.version === 'number' && raw.version > SETTINGS_VERSION) warnings.push(`version ${raw.version} is newer than this app's ${SETTINGS_VERSION}: only the fields it knows are read`);
  const settings: Settings = {
    version: SETTINGS_VERSION,
    app: readSection('app', raw.app, warnings),
    compose: readSection('compose', raw.compose, warnings),
    inspect: readSection('inspect', raw.inspect, warnings),
    tables: readTables(raw.tables, warnings),
  };
  if (raw.snippetLang !== undefined) {
    if (typeof raw.snippetLang === 'string' && raw.snippetLang.length > 0 && raw.snippetLang.length <= 40) settings.snippetLang = raw.snippetLang;
    else warnings.push('snippetLang: not a valid value, dropped');
  }
  return { settings, warnings };
}

