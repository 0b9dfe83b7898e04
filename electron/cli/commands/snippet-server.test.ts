/**
 * The server-side snippets are real: each file `snippet --out` writes is run with its own language's
 * tool and a fresh key, and prints what `sign --key-file` prints for the same fields, byte for byte.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliWorkspace, PINNED } from '../__fixtures__/run-cli';
import { PYTHON, requireTools, runTool, segmentsOf, type ToolName } from '../__fixtures__/toolchain';

const { cli, files, write, dir, merchant } = cliWorkspace('upi-cli-snippet-server-');
const KID = 'uat833359804655bb748702e324111';
const pkcs8Key = write('merchant-pkcs8.pem', merchant.pkcs8Pem);

/** A merchantCustomerId that breaks naive code in every language: quotes, backslashes, $, backticks, escapes, Unicode. */
const HOSTILE_CUSTOMER_ID = `c "q" 'x' \\ \\u0022 \\u000a $HOME \${PATH} $(id) \`id\` %s */ ünï 😀 ₹\u2028 tab\tnl\nend`;

interface Case {
  name: string;
  fields: string[];
  keyFile: string;
}
const CASES: Case[] = [
  { name: 'plain ids, PKCS#8 key', fields: ['--merchant-id', 'stock', '--merchant-customer-id', 'cust-42', '--merchant-channel-id', 'STOCK_ANDROID'], keyFile: pkcs8Key },
  {
    name: 'a hostile merchantCustomerId, PKCS#1 key ("BEGIN RSA PRIVATE KEY")',
    fields: ['--merchant-id', 'stöck', '--merchant-customer-id', HOSTILE_CUSTOMER_ID, '--merchant-channel-id', 'ch"an\\nel'],
    keyFile: files.key,
  },
];

interface Lang {
  lang: string;
  file: string;
  command: string;
  tools: ToolName[];
  /** What the file says when the key is not RSA. */
  notRsa: RegExp;
}
const LANGS: Lang[] = [
  { lang: 'node', file: 'sign-session-token.mjs', command: 'node', tools: ['node'], notRsa: /holds an ec key; RS256 needs an RSA key/ },
  { lang: 'python', file: 'sign_session_token.py', command: PYTHON, tools: ['python'], notRsa: /does not hold an RSA key/ },
  { lang: 'openssl', file: 'sign-session-token.sh', command: 'bash', tools: ['bash', 'openssl'], notRsa: /RS256 needs an RSA private key/ },
  { lang: 'java-server', file: 'SignSessionToken.java', command: 'java', tools: ['java'], notRsa: /cannot read the private key .*ec\.pem: .*RS256 needs an RSA private key/ },
];

// A POSIX locale, as on a bare server: the files must not depend on the terminal's charset.
const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
// A JVM start plus an in-memory compile per Java run: seconds each on a busy machine.
const SLOW = 90_000;

beforeAll(() => requireTools(LANGS.flatMap((l) => l.tools)));

describe.each(LANGS)('snippet --lang $lang, run with $command', ({ lang, file, command, notRsa }) => {
  it.each(CASES)('prints the envelope `sign` prints, byte for byte: $name', async ({ fields, keyFile }) => {
    const signed = await cli(['sign', ...fields, '--kid', KID, '--key-file', keyFile, ...PINNED]);
    expect(signed.code).toBe(0);
    const path = join(dir, file);
    const saved = await cli(['snippet', '--lang', lang, ...fields, '--kid', KID, ...PINNED, '--out', path]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`run: ${command} ${path} PRIVATE_KEY.pem`);

    const run = await runTool(command, [path, keyFile], { cwd: dir, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(segmentsOf(run.stdout)).toEqual(segmentsOf(signed.stdout));
    expect(run.stdout).toBe(signed.stdout);
  }, SLOW);

  it('refuses a key that is not RSA, and a missing key argument, with exit 2 and no envelope', async () => {
    const path = join(dir, `refusals-${file}`);
    expect((await cli(['snippet', '--lang', lang, ...CASES[0]!.fields, '--kid', KID, '--out', path])).code).toBe(0);
    const ec = await runTool(command, [path, files.ecKey], { cwd: dir, env });
    expect(ec.code).toBe(2);
    expect(ec.stdout).toBe('');
    expect(ec.stderr).toMatch(notRsa);
    const bare = await runTool(command, [path], { cwd: dir, env });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toMatch(/^usage: \S+ \S+ PRIVATE_KEY\.pem/);
  }, SLOW);
});
