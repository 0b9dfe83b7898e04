/**
 * The kill soak: a writer process saves the vault over and over (soak/writer.ts) and is killed with
 * SIGKILL at a random moment, again and again. After each kill the vault is opened as the next process
 * would open it, and checked: every acknowledged import is there, every acknowledged delete stayed
 * deleted (no copy came back), and no temp file of a killed save is left in the folder.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createPassphraseCipher } from '../../core/cipher';
import { openVault } from '../../core/vault/open';

export interface KillOptions {
  kills: number;
  /** The bundled writer (soak/bundle.ts). */
  writer: string;
  /** A JSON file holding the pool of PEM keys the writer toggles. */
  poolFile: string;
  poolSize: number;
  dataDir: string;
  passphrase: string;
  /**
   * Each kill lands uniformly in [0, maxDelayMs] after the writer's k-th acknowledged save (k random in
   * 0–4; 0: as soon as it has the vault open), so kills fall at every point of a save whatever the disk's speed.
   */
  maxDelayMs?: number;
  onProgress?: (done: number) => void;
}

export interface KillFigures {
  kills: number;
  acknowledgedSaves: number;
  /** Acknowledged imports missing afterwards, plus acknowledged deletes whose key came back. */
  lost: number;
  /** Temp files found right after the kills, before the next open swept them. */
  tempFilesAtKill: number;
  /** Files other than the vault left in the folder after the next open: must be none. */
  tempFilesLeft: number;
  problems: string[];
}

interface WriterRun {
  acks: Array<{ op: 'import' | 'delete'; n: number }>;
  /** The save begun but not acknowledged when the kill landed, if any. */
  inFlight?: number;
  stderr: string;
  /** False when the writer stopped by itself (a failed save) instead of being killed. */
  killed: boolean;
}

export async function runKills(options: KillOptions): Promise<KillFigures> {
  const figures: KillFigures = { kills: 0, acknowledgedSaves: 0, lost: 0, tempFilesAtKill: 0, tempFilesLeft: 0, problems: [] };
  const present = new Array<boolean>(options.poolSize).fill(false);
  // One cipher for every check: it keeps the key derived from the file's salt, so a check costs no scrypt.
  const cipher = createPassphraseCipher(options.passphrase);
  let next = 0;
  for (let kill = 0; kill < options.kills; kill++) {
    const run = await killWriter(options, next, Math.floor(Math.random() * 5), Math.random() * (options.maxDelayMs ?? 10));
    figures.kills++;
    figures.acknowledgedSaves += run.acks.length;
    for (const ack of run.acks) present[ack.n] = ack.op === 'import';
    next += run.acks.length + (run.inFlight === undefined ? 0 : 1);
    figures.tempFilesAtKill += strayFiles(options.dataDir).length;
    if (!run.killed) figures.problems.push(`writer ${kill + 1} stopped before its kill: ${run.stderr.trim()}`);

    // The next process opens the vault: stale lock broken, temp files swept.
    const vault = await openVault({ mode: 'cipher', dataDir: options.dataDir, cipher });
    const status = await vault.status();
    if (status.state !== 'unlocked') {
      figures.problems.push(`after kill ${kill + 1}: the vault is ${status.state}: ${status.message ?? ''} ${run.stderr}`.trim());
      figures.lost += present.filter(Boolean).length;
      break;
    }
    const labels = new Set((await vault.list()).map((k) => k.label));
    for (let n = 0; n < options.poolSize; n++) {
      const there = labels.has(`pool-${n}`);
      if (n === run.inFlight) present[n] = there; // killed mid-save: either outcome is right
      else if (there !== present[n]) {
        figures.lost++;
        figures.problems.push(`after kill ${kill + 1}: pool-${n} was acknowledged ${present[n] ? 'imported' : 'deleted'} but is ${there ? 'there' : 'missing'}`);
        present[n] = there;
      }
    }
    const left = strayFiles(options.dataDir);
    figures.tempFilesLeft += left.length;
    if (left.length > 0) figures.problems.push(`after kill ${kill + 1}: left in the folder: ${left.join(', ')}`);
    options.onProgress?.(kill + 1);
  }
  return figures;
}

/** Starts a writer, waits for its `afterAcks`-th acknowledged save (or for it to be ready), then `delayMs`, and kills it with SIGKILL. */
function killWriter(options: KillOptions, start: number, afterAcks: number, delayMs: number): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [options.writer, options.poolFile, String(start)], {
      env: { ...process.env, UPI_INSPECTOR_HOME: options.dataDir, UPI_INSPECTOR_PASSPHRASE: options.passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let killTimer: ReturnType<typeof setTimeout> | undefined;
    const watchdog = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const acks = out.split('\nack ').length - 1;
      if (killTimer === undefined && out.includes('ready\n') && acks >= afterAcks) killTimer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.once('error', reject);
    child.once('close', (_code, signal) => {
      clearTimeout(watchdog);
      clearTimeout(killTimer);
      if (!out.includes('ready\n')) return reject(new Error(`the writer did not start: ${stderr || out}`));
      const run: WriterRun = { acks: [], stderr, killed: signal === 'SIGKILL' };
      for (const line of out.split('\n')) {
        const match = /^(begin|ack) (import|delete) (\d+)$/.exec(line);
        if (!match) continue;
        const n = Number(match[3]);
        if (match[1] === 'begin') run.inFlight = n;
        else {
          run.acks.push({ op: match[2] as 'import' | 'delete', n });
          run.inFlight = undefined;
        }
      }
      resolve(run);
    });
  });
}

/** Everything in the folder but the vault itself: temp files, a lock left behind. */
export function strayFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((name) => name !== 'vault.json' && name !== 'vault-settings.json');
  } catch {
    return [];
  }
}
