/**
 * The main-side and command-line rows: the core signer beside node:crypto.sign, one `sign` of the
 * built bin beside `node -e 0`, `sign --batch` beside `openssl speed -multi`, `logs` on a generated
 * logcat beside a plain Node line read, and history search over a generated history.
 */
import { spawn, spawnSync } from 'node:child_process';
import { constants, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signEnvelope, type SigningKey } from '../electron/core/signer';
import { historyIn, passphraseVault } from '../electron/core/__fixtures__/history';
import { LARGE_HISTORY_START, writeLargeHistory } from '../electron/core/__fixtures__/large-history';
import { writeLargeLog } from '../electron/core/__fixtures__/logcat';
import { keys } from '../electron/core/__fixtures__/request-corpus';
import type { KeyInfo } from '../shared/keys';
import { ROOT } from './browser';
import type { Measured } from './report';
import type { Sizes } from './sizes';
import { median, percentile } from './stats';

const CLI = join(ROOT, 'out/main/cli.js');
const FIELDS = { requestId: '6f1e1d3c-1b0a-4e55-9d3a-0c7b1f2e3d4a', service: 'in.juspay.hyperapi', action: 'upiGetSessionToken', merchantId: 'stock', merchantCustomerId: 'cust-4242', merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' };

/** Inputs kept between bench runs (the 200 MB log takes a while to write). */
export const CACHE = join(tmpdir(), 'upi-inspector-bench');

export interface Workspace {
  dir: string;
  keyFile: string;
  privateKey: KeyObject;
  close(): void;
}

export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'upi-bench-'));
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyFile = join(dir, 'key.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }));
  cliEnv = { ...process.env, UPI_INSPECTOR_HOME: join(dir, 'home') };
  return { dir, keyFile, privateKey, close: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Calls `work` in a loop for `ms`, returns calls per second. */
function perSecond(ms: number, work: () => void): number {
  const started = performance.now();
  let n = 0;
  let now = started;
  while (now - started < ms) {
    for (let i = 0; i < 16; i++) work();
    n += 16;
    now = performance.now();
  }
  return (n * 1000) / (now - started);
}

export function measureCoreSign(ws: Workspace, sizes: Sizes): Measured {
  const info = { id: 'bench', label: 'bench', kid: 'bench-kid' } as KeyInfo;
  const key: SigningKey = { info, privateKey: ws.privateKey };
  const input = Buffer.from(signEnvelope(FIELDS, key).signingInput);
  const core: number[] = [];
  const raw: number[] = [];
  perSecond(sizes.loopMs / 4, () => signEnvelope(FIELDS, key));
  for (let run = 0; run < Math.max(3, sizes.runs); run++) {
    core.push(perSecond(sizes.loopMs, () => signEnvelope(FIELDS, key)));
    raw.push(perSecond(sizes.loopMs, () => sign('sha256', input, { key: ws.privateKey, padding: constants.RSA_PKCS1_PADDING })));
  }
  return { figure: median(core), baseline: median(raw), runs: core.length, samples: core };
}

/** The CLI runs against an empty data directory of the bench's own, never the user's vault. */
let cliEnv: NodeJS.ProcessEnv = process.env;

function wallMs(command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env: cliEnv });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr.toString().split('\n')[0]}`);
  return ms;
}

export function measureCliSign(ws: Workspace, sizes: Sizes): Measured {
  const signArgs = [CLI, 'sign', '--merchant-id', 'stock', '--merchant-customer-id', 'cust-4242', '--merchant-channel-id', 'STOCK_ANDROID', '--kid', 'bench-kid', '--key-file', ws.keyFile];
  const cli: number[] = [];
  const bare: number[] = [];
  wallMs(process.execPath, signArgs);
  wallMs(process.execPath, ['-e', '0']);
  for (let run = 0; run < sizes.cliRuns; run++) {
    bare.push(wallMs(process.execPath, ['-e', '0']));
    cli.push(wallMs(process.execPath, signArgs));
  }
  return { figure: median(cli), baseline: median(bare), runs: sizes.cliRuns, samples: cli };
}

/** `openssl speed -multi N rsa2048`: its sign/s figure (the last line: `rsa 2048 bits … sign/s verify/s`). */
function opensslSignsPerSecond(seconds: number, cores: number): number {
  const result = spawnSync('openssl', ['speed', '-seconds', String(seconds), '-multi', String(cores), 'rsa2048'], { encoding: 'utf8' });
  const line = result.stdout.split('\n').find((l) => /^rsa\s+2048 bits/.test(l));
  const numbers = line?.trim().split(/\s+/).slice(3) ?? [];
  const signs = Number(numbers[2]);
  if (!Number.isFinite(signs)) throw new Error(`openssl speed printed no rsa2048 sign/s figure: ${result.stderr || result.stdout}`.slice(0, 300));
  return signs;
}

function run(command: string, args: string[], stdout: 'ignore' | number = 'ignore'): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(command, args, { stdio: ['ignore', stdout, 'pipe'], env: cliEnv });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    child.on('error', fail);
    child.on('exit', (code) => done({ ms: performance.now() - started, code, stderr }));
  });
}

export async function measureCliBatch(ws: Workspace, sizes: Sizes): Promise<Measured> {
  const file = join(ws.dir, 'batch.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < sizes.batchLines; i++) lines.push(JSON.stringify({ merchantId: 'stock', merchantCustomerId: `cust-${i}`, merchantChannelId: 'STOCK_ANDROID' }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const cores = availableParallelism();
  const cli: number[] = [];
  const openssl: number[] = [];
  for (let r = 0; r < Math.max(2, Math.ceil(sizes.runs / 2)); r++) {
    const result = await run(process.execPath, [CLI, 'sign', '--batch', file, '--kid', 'bench-kid', '--key-file', ws.keyFile]);
    if (result.code !== 0) throw new Error(`sign --batch exited ${result.code}: ${result.stderr.trim().split('\n').pop()}`);
    cli.push((sizes.batchLines * 1000) / result.ms);
    openssl.push(opensslSignsPerSecond(sizes.opensslSeconds, cores));
  }
  return { figure: median(cli), baseline: median(openssl), runs: cli.length, samples: cli, note: `${sizes.batchLines.toLocaleString('en-US')} lines on ${cores} cores, start-up included` };
}

/**
 * The generated log of `mb` megabytes and the public key its requests are signed with, written once and
 * kept in CACHE. The key is made anew by each process that writes a log, so both are written together.
 */
function generatedLog(mb: number): { file: string; publicKey: string } {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `logcat-${mb}mb.log`);
  const publicKey = join(CACHE, `logcat-${mb}mb.pub.pem`);
  if (!existsSync(file) || !existsSync(publicKey)) {
    const partial = `${file}.partial`;
    writeLargeLog(partial, { mb });
    writeFileSync(publicKey, keys().merchant.spkiPem);
    renameSync(partial, file);
  }
  return { file, publicKey };
}

const PLAIN_LINE_READ = `
const rl = require('node:readline').createInterface({ input: require('node:fs').createReadStream(process.argv[1]), crlfDelay: Infinity });
let n = 0;
rl.on('line', () => n++);
rl.on('close', () => process.stdout.write(n + ' lines\\n'));
`;

export async function measureLogRead(ws: Workspace, sizes: Sizes): Promise<Measured> {
  const { file, publicKey } = generatedLog(sizes.logMb);
  const mb = statSync(file).size / 1024 / 1024;
  const cli: number[] = [];
  const plain: number[] = [];
  for (let r = 0; r < Math.max(1, Math.ceil(sizes.runs / 2)); r++) {
    const read = await run(process.execPath, ['-e', PLAIN_LINE_READ, file]);
    plain.push(mb / (read.ms / 1000));
    const logs = await run(process.execPath, [CLI, 'logs', file, '--json', '--public-key', publicKey]);
    // Exit 1 is a log with invalid requests in it (the generated one has some): a finished read.
    if (logs.code !== 0 && logs.code !== 1) throw new Error(`logs exited ${logs.code}: ${logs.stderr.trim().split('\n').pop()}`);
    cli.push(mb / (logs.ms / 1000));
  }
  return { figure: median(cli), baseline: median(plain), runs: cli.length, samples: cli, note: `${mb.toFixed(0)} MB generated logcat (${file}), start-up included` };
}

/** Every query the History screen sends while these are typed, a character at a time. */
function typedQueries(ids: string[], count: number): string[] {
  const words = [ids[Math.floor(count * 0.43)]!, `merchant-${17 % 50} `, `customer${Math.floor(count * 0.43) + 1}@okaxis`, 'failure', 'kid-3 merchant-2'];
  const queries: string[] = [];
  for (const word of words) for (let i = 1; i <= word.length; i++) queries.push(word.slice(0, i));
  return queries;
}

export async function measureHistorySearch(ws: Workspace, sizes: Sizes): Promise<Measured> {
  const dir = join(ws.dir, 'history');
  mkdirSync(dir);
  const ids = await writeLargeHistory(dir, await passphraseVault(dir), sizes.historyEntries);
  const history = historyIn(dir, await passphraseVault(dir), { now: LARGE_HISTORY_START + sizes.historyEntries * 1000 });
  const opened = performance.now();
  await history.list({ limit: 200 });
  const openMs = performance.now() - opened;
  const samples: number[] = [];
  for (let r = 0; r < Math.max(1, Math.ceil(sizes.runs / 2)); r++) {
    for (const query of typedQueries(ids, sizes.historyEntries)) {
      const started = performance.now();
      await history.list({ query });
      samples.push(performance.now() - started);
    }
  }
  return {
    figure: percentile(samples, 95),
    baseline: null,
    runs: samples.length,
    note: `${sizes.historyEntries.toLocaleString('en-US')} entries; p50 ${percentile(samples, 50).toFixed(1)} ms over ${samples.length} queries typed a character at a time; opening the file took ${openMs.toFixed(0)} ms`,
  };
}
