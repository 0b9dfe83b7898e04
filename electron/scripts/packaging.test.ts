/**
 * The desktop door as shipped: packs the app with electron-builder and the repo's own
 * electron-builder.yml against a stub Electron (no download), then reads what came out. The asar holds
 * the build and package.json only (no sources, tests, maps or keys), and the packed binary's fuses are
 * flipped: nobody can run it as Node, hand it NODE_OPTIONS or --inspect, or load an app beside the asar.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRsaKey } from '../core/__fixtures__/test-keys';
import { ensureBuild, repoRoot } from '../test/build-output';
import { FUSE_OFF, FUSE_ON, makeStubElectronDist } from './__fixtures__/stub-electron-dist';

const electronVersion = (JSON.parse(readFileSync(join(repoRoot, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
const outputDir = mkdtempSync(join(tmpdir(), 'upi-pack-'));
const stubDist = makeStubElectronDist(electronVersion);
const appDir = join(outputDir, 'linux-unpacked');
const asarPath = join(appDir, 'resources', 'app.asar');

beforeAll(() => {
  ensureBuild();
  execFileSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules/electron-builder/cli.js'),
      '--linux',
      '--dir',
      `-c.electronDist=${stubDist}`,
      `-c.directories.output=${outputDir}`,
      // Nothing to rebuild (the app has no runtime dependencies); saying so skips a search for node-gyp.
      '-c.npmRebuild=false',
    ],
    { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
  );
}, 120_000);

afterAll(() => {
  rmSync(outputDir, { recursive: true, force: true });
  rmSync(stubDist, { recursive: true, force: true });
});

/** A private key with its body: a PEM block or a JWK's private exponent. The parser's own patterns
 *  ("-----BEGIN PRIVATE KEY-----" alone, in a regex or a placeholder) are not keys. */
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s+[A-Za-z0-9+/=]{40,}|"d"\s*:\s*"[A-Za-z0-9_-]{40,}"/;

describe('the packaged app (electron-builder, stub Electron)', () => {
  it('ships only the build and package.json in the asar: no sources, tests, source maps or keys', () => {
    const entries = listPackage(asarPath, { isPack: false }).map((e) => e.replaceAll('\\', '/'));
    expect(entries).toContain('/package.json');
    expect(entries).toContain('/out/main/index.js');
    expect(entries).toContain('/out/preload/index.cjs');
    expect(entries).toContain('/out/renderer/index.html');
    expect(entries.filter((e) => e !== '/package.json' && e !== '/out' && !e.startsWith('/out/'))).toEqual([]);
    expect(entries.filter((e) => /\.(tsx?|map|pem|key|p12|pfx|jwk)$|\.test\.|__fixtures__|\/node_modules\//.test(e))).toEqual([]);

    const files = entries.filter((e) => /\.(c?js|json|html|css)$/.test(e));
    const withKeys = files.filter((e) => PRIVATE_KEY.test(extractFile(asarPath, e.slice(1)).toString('utf8')));
    expect(withKeys).toEqual([]);
    // The scan finds a key where there is one, as PEM or as JWK.
    const key = testRsaKey();
    for (const text of [key.pkcs8Pem, key.pkcs1Pem, JSON.stringify(key.privateJwk)]) expect(PRIVATE_KEY.test(text)).toBe(true);
    expect(PRIVATE_KEY.test(key.spkiPem)).toBe(false);
  });

  it('flips the fuses in the packed binary: no RunAsNode, NODE_OPTIONS or --inspect; only the asar, checked; cookies encrypted', async () => {
    const wire = (await getCurrentFuseWire(join(appDir, 'upi-inspector'))) as Record<number, number>;
    const state = (fuse: FuseV1Options) => (wire[fuse] === FUSE_ON ? 'on' : wire[fuse] === FUSE_OFF ? 'off' : `byte ${wire[fuse]}`);
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
      onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      fileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 'off',
      nodeOptions: 'off',
      inspectArguments: 'off',
      onlyLoadAppFromAsar: 'on',
      asarIntegrity: 'on',
      cookieEncryption: 'on',
      fileProtocolExtraPrivileges: 'off',
    });
  });
});
