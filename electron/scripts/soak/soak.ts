/**
 * The vault soak, both halves: kills (soak/kills.ts) and concurrent CLI imports (soak/rounds.ts), run on
 * the code as it is in the checkout (the writer and the CLI are bundled from source with esbuild first,
 * so the soak never tests a stale build). `npm run soak:vault` and the Vitest test both call `soakVault`.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { runKills, type KillFigures } from './kills';
import { runRounds, type RoundFigures } from './rounds';

const root = resolve(__dirname, '../../..');
const PASSPHRASE = 'soak vault passphrase, long enough';

export interface SoakOptions {
  kills: number;
  rounds: number;
  /** Keys the writer toggles (more keys: more saves between kills land on different keys). */
  poolSize?: number;
  maxDelayMs?: number;
  onProgress?: (what: string) => void;
}

export interface SoakFigures {
  kills: KillFigures;
  rounds: RoundFigures;
}

export async function soakVault(options: SoakOptions): Promise<SoakFigures> {
  const work = mkdtempSync(join(tmpdir(), 'upi-soak-'));
  try {
    const bundle = await bundleProcesses(join(work, 'bundle'));
    const poolSize = options.poolSize ?? 8;
    const pool = Array.from({ length: Math.max(poolSize, 2) }, () => rsaPem());
    const poolFile = join(work, 'pool.json');
    writeFileSync(poolFile, JSON.stringify(pool));
    const keyFiles: [string, string] = [join(work, 'a.pem'), join(work, 'b.pem')];
    keyFiles.forEach((file, i) => writeFileSync(file, pool[i]!));
    // Both halves at once, on folders of their own: the soak takes half the time on two cores.
    const killing = runKills({
      kills: options.kills,
      writer: bundle.writer,
      poolFile,
      poolSize,
      dataDir: join(work, 'killed'),
      passphrase: PASSPHRASE,
      ...(options.maxDelayMs === undefined ? {} : { maxDelayMs: options.maxDelayMs }),
      onProgress: (n) => options.onProgress?.(`${n}/${options.kills} kills`),
    });
    const rounds = await runRounds({ rounds: options.rounds, cli: bundle.cli, keyFiles, workDir: join(work, 'rounds'), passphrase: PASSPHRASE });
    return { kills: await killing, rounds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as the closing note gives them. */
export function describeSoak(f: SoakFigures): string {
  return [
    `kills: ${f.kills.kills}, acknowledged saves: ${f.kills.acknowledgedSaves}, lost: ${f.kills.lost}, temp files left: ${f.kills.tempFilesLeft} (${f.kills.tempFilesAtKill} found right after the kills, swept at the next open)`,
    `concurrent CLI imports: ${f.rounds.rounds} rounds, acknowledged imports: ${f.rounds.acknowledgedImports}, lost: ${f.rounds.lost}`,
    ...[...f.kills.problems, ...f.rounds.problems].slice(0, 20).map((p) => `  problem: ${p}`),
  ].join('\n');
}

async function bundleProcesses(outdir: string): Promise<{ writer: string; cli: string }> {
  await build({
    entryPoints: { writer: join(root, 'electron/scripts/soak/writer.ts'), cli: join(root, 'electron/cli/index.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outdir,
    // jsonc-parser's UMD entry requires files by computed paths; its ESM entry bundles.
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return { writer: join(outdir, 'writer.js'), cli: join(outdir, 'cli.js') };
}

function rsaPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}
