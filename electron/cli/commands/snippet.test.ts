import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSnippet, SNIPPET_LANGS } from '../../../shared/snippets';
import { cliWorkspace, expectOneLineError, PINNED, TRIPLET } from '../__fixtures__/run-cli';
import { missingTools, requireTools } from '../__fixtures__/toolchain';

const { cli, dir } = cliWorkspace('upi-cli-snippet-');
const KID = 'uat833359804655bb748702e324111';
const REQUEST = {
  requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
  service: 'in.juspay.hyperapi',
  action: 'upiGetSessionToken',
  merchantId: 'stock',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'stockapp',
  timestamp: '1668389349848',
  kid: KID,
};

describe('snippet', () => {
  it.each(SNIPPET_LANGS)('--lang %s prints the file for the pinned request', async (lang) => {
    const run = await cli(['snippet', '--lang', lang, ...TRIPLET, '--kid', KID, ...PINNED]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(generateSnippet(lang, REQUEST).code);
  });

  it('defaults like sign: now and a fresh uuid v4; trims the fields as sign does', async () => {
    const run = await cli(['snippet', '--lang', 'node', '--merchant-id', ' stock ', '--merchant-customer-id', 'cust-42', '--merchant-channel-id', 'stockapp', '--kid', ` ${KID} `]);
    expect(run.stdout).toBe(generateSnippet('node', { ...REQUEST, requestId: '11111111-2222-4333-8444-555555555555', timestamp: '1700000000000' }).code);
  });

  it('--out saves the file (executable when it starts with #!) and says how to run it; --json describes it', async () => {
    const path = join(dir, 'signer.py');
    const run = await cli(['snippet', '--lang', 'python', ...TRIPLET, '--kid', KID, ...PINNED, '--out', 'signer.py']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${path} (Server · Python (cryptography)); run: python3 ${path} PRIVATE_KEY.pem\n`);
    expect(readFileSync(path, 'utf8')).toBe(generateSnippet('python', REQUEST).code);
    expect(statSync(path).mode & 0o111).not.toBe(0);

    const java = await cli(['snippet', '--lang', 'java', ...TRIPLET, '--kid', KID, ...PINNED, '--out', 'Request.java']);
    expect(java.stdout).toMatch(/\(Android · Java\)\. Call UpiSessionTokenRequest\.process\(hyperServices, new SignedSegments\(…\)\).* javac needs it named UpiSessionTokenRequest\.java\.\n$/);
    expect(statSync(join(dir, 'Request.java')).mode & 0o111).toBe(0);

    const described = JSON.parse((await cli(['snippet', '--lang', 'openssl', ...TRIPLET, '--kid', KID, ...PINNED, '--json'])).stdout);
    expect(described).toEqual(generateSnippet('openssl', REQUEST));
  });

  it('takes no key at all: the code reads the merchant’s key file when it runs', async () => {
    const run = await cli(['snippet', '--lang', 'node', ...TRIPLET, '--kid', KID, '--key-file', 'merchant-pkcs1.pem']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/unknown option '--key-file'/);
  });

  it('bad usage names the option and what to do', async () => {
    const lang = await cli(['snippet', '--lang', 'rust', ...TRIPLET, '--kid', KID]);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toMatch(/argument 'rust' is invalid\. Allowed choices are kotlin, java, node, java-server, python, openssl/);
    const noKid = await cli(['snippet', '--lang', 'node', ...TRIPLET]);
    expect(noKid.code).toBe(2);
    expect(noKid.stderr).toMatch(/required option '--kid <kid>' not specified/);
    expectOneLineError(await cli(['snippet', '--lang', 'node', ...TRIPLET, '--kid', KID, '--timestamp', '1668389349']), 'invalid_input', /13-digit string.* Fix --timestamp/);
    expectOneLineError(
      await cli(['snippet', '--lang', 'node', '--merchant-id', 'stock', '--merchant-customer-id', 'a\u0000b', '--merchant-channel-id', 'c', '--kid', KID]),
      'invalid_input',
      /merchantCustomerId contains a NUL character .* Fix --merchant-customer-id and run the command again/,
    );
    expectOneLineError(await cli(['snippet', '--lang', 'node', ...TRIPLET, '--kid', '  ']), 'kid_missing', /needs a kid.* Pass --kid <kid>/);
    expectOneLineError(await cli(['snippet', '--lang', 'node', ...TRIPLET, '--kid', KID, '--out', 'no/such/folder/x.mjs']), 'invalid_usage', /cannot write .*no\/such\/folder\/x\.mjs: its folder does not exist\. Give --out a file in a folder that exists/);
  });
});

describe('the snippet tests’ toolchain check', () => {
  it('names each missing tool and the Debian package to install, and fails rather than skips', () => {
    const bare = { PATH: join(dir, 'empty-path') };
    expect(missingTools(['kotlin', 'java', 'python', 'openssl'], bare).map((t) => t.debianPackage)).toEqual(
      expect.arrayContaining(['kotlin', 'openjdk-17-jdk-headless', 'python3-cryptography', 'openssl']),
    );
    expect(() => requireTools(['kotlin', 'java'], bare)).toThrow(
      /lacks kotlinc and the Kotlin runtime \(Debian package kotlin\), a JDK 11 or later \(java, javac\) \(Debian package openjdk-17-jdk-headless\)\. Install: sudo apt-get install -y kotlin openjdk-17-jdk-headless/,
    );
    expect(() => requireTools(['node', 'java', 'kotlin', 'python', 'openssl', 'androidJson'])).not.toThrow();
  });
});
