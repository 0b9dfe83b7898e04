/**
 * UPI_INSPECTOR_SEED: a folder a QA suite prepares, loaded by every door at start-up.
 *   keys/            PEM or JWK files (DER too), one key each
 *   keys.json        optional manifest: { "<file name>": "<kid>" } or { "<file name>": { "kid"?, "label"? } }
 *                    (keys/keys.json is read the same way)
 *   profiles.json    a profiles file as `profiles export` writes it
 * Idempotent: a key already in the vault (same public key) and a profile whose name is taken are left
 * as they are, so a second launch adds nothing. A bad file is reported by name and the rest still loads.
 */
import { promises as fs } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { isRecord } from '../../shared/guards';
import { sameName } from '../../shared/profile';
import { InspectorError } from '../../shared/result';
import { ProfileStore } from './profiles/store';
import type { Vault } from './vault/vault';

export const SEED_ENV = 'UPI_INSPECTOR_SEED';
const MANIFEST = 'keys.json';

export interface SeedReport {
  /** File names of keys added now, and of keys the vault already held. */
  keys: { added: string[]; present: string[] };
  /** Names of profiles added now, and of profiles already stored. */
  profiles: { added: string[]; present: string[] };
  /** One sentence per file that could not be loaded, naming it and what to do. */
  problems: string[];
}

type ManifestEntry = { kid?: string; label?: string };

export async function loadSeed(dir: string, target: { vault: Vault; dataDir: string | null; now: () => number }): Promise<SeedReport> {
  const report: SeedReport = { keys: { added: [], present: [] }, profiles: { added: [], present: [] }, problems: [] };
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) {
    report.problems.push(`${SEED_ENV} is ${dir}, which is not a folder: point it at a folder holding keys/ and/or profiles.json.`);
    return report;
  }
  await seedKeys(dir, target.vault, report);
  await seedProfiles(join(dir, 'profiles.json'), new ProfileStore(target.dataDir, target.now), report);
  return report;
}

async function seedKeys(dir: string, vault: Vault, report: SeedReport): Promise<void> {
  const keysDir = join(dir, 'keys');
  const names = await fs.readdir(keysDir).catch(() => null);
  if (names === null) return;
  const manifest = { ...(await readManifest(join(dir, MANIFEST), report)), ...(await readManifest(join(keysDir, MANIFEST), report)) };
  const files = names.filter((n) => n !== MANIFEST && !n.startsWith('.')).sort();
  if (files.length === 0) return;
  if ((await vault.status()).state !== 'unlocked') {
    report.problems.push(`${keysDir}: the key vault is locked, so its ${files.length} key file(s) were not loaded. Set UPI_INSPECTOR_PASSPHRASE so the vault opens at start-up.`);
    return;
  }
  for (const name of files) {
    const path = join(keysDir, name);
    try {
      const bytes = await fs.readFile(path);
      const entry = manifest[name] ?? {};
      // The kid: the manifest's, else a JWK's own, else the file name without its extension.
      const kid = entry.kid ?? (ownJwkKid(bytes) ? undefined : basename(name, extname(name)));
      await vault.import({ bytes: bytes.toString('base64'), fileName: name, ...(kid ? { kid } : {}), ...(entry.label ? { label: entry.label } : {}) });
      report.keys.added.push(name);
    } catch (e) {
      if (e instanceof InspectorError && e.code === 'duplicate_key') report.keys.present.push(name);
      else report.problems.push(`${path} was not loaded: ${describe(e)}`);
    }
  }
}

async function readManifest(path: string, report: SeedReport): Promise<Record<string, ManifestEntry>> {
  const text = await fs.readFile(path, 'utf8').catch(() => null);
  if (text === null) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    report.problems.push(`${path} is not JSON: write { "<key file name>": "<kid>" }; the key files load with their file names as kids.`);
    return {};
  }
  if (!isRecord(value)) {
    report.problems.push(`${path} must be an object { "<key file name>": "<kid>" or { "kid", "label" } }.`);
    return {};
  }
  const out: Record<string, ManifestEntry> = {};
  for (const [file, entry] of Object.entries(value)) {
    if (typeof entry === 'string') out[file] = { kid: entry };
    else if (isRecord(entry) && (entry.kid === undefined || typeof entry.kid === 'string') && (entry.label === undefined || typeof entry.label === 'string')) {
      out[file] = { ...(typeof entry.kid === 'string' ? { kid: entry.kid } : {}), ...(typeof entry.label === 'string' ? { label: entry.label } : {}) };
    } else report.problems.push(`${path}: the entry for "${file}" must be a kid (a string) or { "kid": string, "label": string }.`);
  }
  return out;
}

async function seedProfiles(path: string, store: ProfileStore, report: SeedReport): Promise<void> {
  const text = await fs.readFile(path, 'utf8').catch(() => null);
  if (text === null) return;
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    report.problems.push(`${path} is not JSON: write it as "upi-inspector profiles export" does.`);
    return;
  }
  try {
    const stored = await store.all();
    const listed = isRecord(file) && Array.isArray(file.profiles) ? file.profiles : [];
    const nameOf = (p: unknown) => (isRecord(p) && typeof p.name === 'string' ? p.name : undefined);
    const fresh = listed.filter((p) => !stored.some((q) => nameOf(p) !== undefined && sameName(q.name, nameOf(p)!)));
    report.profiles.present.push(...listed.filter((p) => !fresh.includes(p)).map((p) => nameOf(p)!));
    if (fresh.length === 0 && listed.length > 0) return;
    const result = await store.importFile(JSON.stringify({ ...(isRecord(file) ? file : {}), profiles: fresh }));
    report.profiles.added.push(...result.imported.map((p) => p.name));
  } catch (e) {
    report.problems.push(`${path} was not loaded: ${describe(e)}`);
  }
}

function ownJwkKid(bytes: Buffer): boolean {
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return isRecord(value) && typeof value.kid === 'string' && value.kid.trim() !== '';
  } catch {
    return false;
  }
}

function describe(e: unknown): string {
  if (e instanceof InspectorError) return e.fix ? `${e.message} ${e.fix}` : e.message;
  return e instanceof Error ? e.message : String(e);
}

/** Loads UPI_INSPECTOR_SEED when set and writes one line per problem (and a summary) to `log`. */
export async function loadSeedFromEnv(
  env: Record<string, string | undefined>,
  target: { vault: Vault; dataDir: string | null; now: () => number },
  log: (line: string) => void,
): Promise<SeedReport | null> {
  const dir = env[SEED_ENV]?.trim();
  if (!dir) return null;
  const report = await loadSeed(dir, target);
  for (const problem of report.problems) log(`${SEED_ENV}: ${problem}`);
  return report;
}
