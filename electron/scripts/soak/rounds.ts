/**
 * Concurrent CLI imports: in each round two `upi-inspector keys import` processes start at once on the
 * same vault (half the rounds on a vault that exists, half creating it), and every import that exited 0
 * must be in the vault afterwards. Before the cross-process lock, 12 of 40 such runs lost a key while both
 * processes reported success.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openVault } from '../../core/vault/open';

export interface RoundOptions {
  rounds: number;
  /** The bundled CLI (soak/bundle.ts). */
  cli: string;
  /** Two PEM key files, one for each process. */
  keyFiles: [string, string];
  workDir: string;
  passphrase: string;
}

export interface RoundFigures {
  rounds: number;
  acknowledgedImports: number;
  lost: number;
  problems: string[];
}

export async function runRounds(options: RoundOptions): Promise<RoundFigures> {
  const figures: RoundFigures = { rounds: 0, acknowledgedImports: 0, lost: 0, problems: [] };
  for (let round = 1; round <= options.rounds; round++) {
    const dataDir = join(options.workDir, `round-${round}`);
    mkdirSync(dataDir, { recursive: true });
    const env = { ...process.env, UPI_INSPECTOR_HOME: dataDir, UPI_INSPECTOR_PASSPHRASE: options.passphrase };
    if (round % 2 === 0) await (await openVault({ mode: 'passphrase', dataDir, passphrase: options.passphrase })).generate({ bits: 2048, label: 'already there' });
    const runs = await Promise.all(options.keyFiles.map((file, i) => runCli(options.cli, ['keys', 'import', file, '--label', `round-${round}-${i}`], env)));
    const acknowledged = runs.flatMap((r, i) => (r.code === 0 ? [`round-${round}-${i}`] : []));
    for (const r of runs) if (r.code !== 0) figures.problems.push(`round ${round}: an import failed (${r.code}): ${r.stderr.trim()}`);
    figures.acknowledgedImports += acknowledged.length;
    const vault = await openVault({ mode: 'passphrase', dataDir, passphrase: options.passphrase });
    const labels = new Set((await vault.list()).map((k) => k.label));
    for (const label of acknowledged) {
      if (labels.has(label)) continue;
      figures.lost++;
      figures.problems.push(`round ${round}: ${label} was acknowledged but is not in the vault`);
    }
    figures.rounds++;
  }
  return figures;
}

function runCli(cli: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stderr }));
  });
}
