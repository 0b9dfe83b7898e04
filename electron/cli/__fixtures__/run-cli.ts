/**
 * The CLI run in-process with a fake terminal, for the command tests: a temporary folder with key files
 * in it, and the program's exit code, stdout and stderr for each run.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { testRsaKey } from '../../core/__fixtures__/test-keys';
import type { CliIo } from '../io';
import { runCli } from '../program';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Folder relative file arguments are read from. */
  cwd: string;
  env?: Record<string, string>;
  stdin?: string;
  /** Answers to passphrase prompts, in order; given, the run is at a terminal (interactive). */
  prompts?: string[];
  /** The clock, epoch ms (default 1700000000000). */
  now?: number;
}

/** Runs the program on `argv` with a fake terminal; prompts are echoed to stderr as a terminal shows them. */
export async function runCliInProcess(argv: string[], options: RunOptions): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const prompts = options.prompts ? [...options.prompts] : undefined;
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    env: options.env ?? {},
    interactive: prompts !== undefined,
    cwd: options.cwd,
    readStdin: async () => options.stdin ?? '',
    promptHidden: async (question) => {
      stderr += question;
      const answer = prompts?.shift();
      if (answer === undefined) throw new Error(`unexpected prompt: ${question}`);
      return answer;
    },
    now: () => options.now ?? 1700000000000,
    randomUUID: () => '11111111-2222-4333-8444-555555555555',
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** Exit 2, nothing on stdout, one line on stderr carrying `[code]` and matching `message`, no stack. */
export function expectOneLineError(run: Run, code: string, message: RegExp): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(`[${code}]`);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

export const PINNED = ['--timestamp', '1668389349848', '--request-id', '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f'];
export const TRIPLET = ['--merchant-id', 'stock', '--merchant-customer-id', 'cust-42', '--merchant-channel-id', 'stockapp'];

/**
 * A temporary folder for one test file, removed after it, holding the merchant's key in several forms
 * and a few keys the CLI must refuse; `cli` runs the program there.
 */
export function cliWorkspace(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const merchant = testRsaKey();
  const stranger = testRsaKey(2048, 'other');
  const files = {
    key: write('merchant-pkcs1.pem', merchant.pkcs1Pem),
    encryptedKey: write('merchant-encrypted.pem', merchant.encryptedPkcs8Pem('key pass')),
    pub: write('merchant-pub.pem', merchant.spkiPem),
    strangerPub: write('stranger.jwk', JSON.stringify(stranger.publicJwk)),
    weakPub: write('weak.pem', testRsaKey(1024).spkiPem),
    weakKey: write('weak-private.pem', testRsaKey(1024).pkcs8Pem),
    ecKey: write('ec.pem', String(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }))),
    garbage: write('garbage.txt', 'this is not a request'),
  };
  return {
    dir,
    merchant,
    files,
    write,
    cli: (argv: string[], options: Omit<RunOptions, 'cwd'> = {}) => runCliInProcess(argv, { ...options, cwd: dir }),
    /** Files holding JSON nested 100,000 levels deep, in each way a reader could meet it. */
    deepFiles: (levels = 100_000) => ({
      arrays: write('deep-arrays.json', '['.repeat(levels) + ']'.repeat(levels)),
      objects: write('deep-objects.json', `{"requestId":"r","payload":${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}}`),
      string: write('deep-string.json', JSON.stringify('['.repeat(levels) + ']'.repeat(levels))),
      envelopes: write('deep-envelopes.json', '{"envelope":'.repeat(levels) + '1' + '}'.repeat(levels)),
    }),
    /** A vault of its own under the workspace, unlocked by UPI_INSPECTOR_PASSPHRASE. */
    vaultEnv: (name: string): Record<string, string> => ({ UPI_INSPECTOR_HOME: join(dir, name), UPI_INSPECTOR_PASSPHRASE: 'cli vault passphrase' }),
  };
}
