/**
 * One verdict per input: the CLI's `verify --json` and the `inspect:request` channel return the same
 * object for the same text and keys — for every shape a user pastes and every mistake in domain.md — and
 * the CLI's exit code is the verdict's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verdictExitCode, type Verdict } from '../../shared/verdict';
import { corpus, NOW, worldKeys, worldProfiles, type World } from '../core/__fixtures__/request-corpus';
import { createCore } from '../core';
import { openVault } from '../core/vault/open';
import { runCliInProcess } from './__fixtures__/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'upi-parity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const PASSPHRASE = 'parity vault passphrase';

/** A vault on disk per world, shared by the channel (through the core) and the CLI (through its env). */
async function world(name: World) {
  const home = join(dir, name);
  const vault = await openVault({ mode: 'passphrase', dataDir: home, passphrase: PASSPHRASE });
  for (const k of worldKeys(name)) await vault.import({ text: k.pem, kid: k.kid, label: k.label });
  const core = createCore({ host: 'browser', version: '0.0.0-test', vault, dataDir: home, now: () => NOW });
  // Profiles in the same home: the channel finds them by id, the CLI (--profile NAME) by name.
  const profileIds = new Map<string, string>();
  for (const p of worldProfiles()) {
    const saved = await core.dispatch('profiles:save', p);
    if (!saved.ok) throw new Error(saved.error.message);
    profileIds.set(p.name, saved.value.profile.id);
  }
  return { env: { UPI_INSPECTOR_HOME: home, UPI_INSPECTOR_PASSPHRASE: PASSPHRASE }, core, profileIds };
}
const worlds = {
  vault: await world('vault'),
  conflict: await world('conflict'),
  weak: await world('weak'),
  empty: await world('empty'),
};

async function cliVerdict(text: string, env: Record<string, string>, profile?: string): Promise<{ code: number; verdict: Verdict; stderr: string }> {
  const args = ['--json', 'verify', '-', '--now', String(NOW), ...(profile ? ['--profile', profile] : [])];
  const run = await runCliInProcess(args, { cwd: dir, env, stdin: text, now: 0 });
  return { code: run.code, verdict: JSON.parse(run.stdout) as Verdict, stderr: run.stderr };
}

const cases = corpus();

describe('the verdict corpus', () => {
  it('has at least 25 shapes and mistakes, each named once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });
});

describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  it('gets the same verdict from the CLI and the inspect:request channel, and the verdict it should', async () => {
    const w = worlds[c.world];
    const profile = c.profile ? { profile: { id: w.profileIds.get(c.profile)! } } : {};
    const fromChannel = await w.core.dispatch('inspect:request', { text: c.text, now: NOW, ...profile });
    if (!fromChannel.ok) throw new Error(fromChannel.error.message);
    const channel = fromChannel.value;
    const cli = await cliVerdict(c.text, w.env, c.profile);
    expect(cli.stderr).toBe('');
    // The same object, not merely the same answer.
    expect(cli.verdict).toEqual(channel);
    expect(cli.code).toBe(verdictExitCode(channel));
    const problems = channel.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
    expect({ valid: channel.valid, cause: channel.cause }, `problems: ${problems.join(', ')}`).toEqual({ valid: c.want.valid, cause: c.want.cause });
    for (const id of c.want.has ?? []) expect(channel.findings.map((f) => f.id)).toContain(id);
    if (c.want.kind) expect(channel.decoded.kind).toBe(c.want.kind);
    expect(channel.profile?.name).toBe(c.profile);
    if (c.want.source) expect(channel.decoded.source).toBe(c.want.source);
    // The headline and the key table say what the findings say.
    if (channel.valid === true) expect(channel.tried.filter((t) => t.valid).map((t) => t.thumbprint)).toContain(channel.verifiedBy?.thumbprint);
    if (channel.valid === false) expect(channel.tried.every((t) => !t.valid)).toBe(true);
    // The badge's tone: red exactly when something explains a failure, green only when nothing at all is wrong.
    expect(channel.summary.tone === 'error').toBe(channel.cause !== undefined);
    expect(channel.summary.tone === 'ok').toBe(channel.valid === true && problems.length === 0);
  });
});
