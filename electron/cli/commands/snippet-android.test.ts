/**
 * The Android snippets are real: `snippet --lang kotlin|java` files compile with kotlinc and javac against
 * Android's org.json and a stub of the SDK class (../__fixtures__/android-sdk-stub), under a POSIX locale;
 * then a small harness hands them the segments `sign` made, and the stub SDK's process() must receive
 * the very envelope `sign` printed. The compilers are slow, so each compiles once, in beforeAll.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { kotlinString } from '../../../shared/snippets/literals';
import { AWKWARD_STRINGS, units } from '../__fixtures__/awkward-strings';
import { cliWorkspace, PINNED } from '../__fixtures__/run-cli';
import { ANDROID_JSON_JAR, KOTLIN_STDLIB_JAR, requireTools, runTool, segmentsOf, type ToolRun } from '../__fixtures__/toolchain';

const { cli, files, dir } = cliWorkspace('upi-cli-snippet-android-');
const STUB = resolve(import.meta.dirname, '../__fixtures__/android-sdk-stub');
const KID = 'uat833359804655bb748702e324111';
// Values that must survive both languages' string literals and the comments that show the claims.
const FIELDS = [
  '--merchant-id', 'stock',
  '--merchant-customer-id', 'c "q" \\ \\u0022 \\u000a $HOME ${x} `id` */ ünï 😀',
  '--merchant-channel-id', 'STOCK_ANDROID',
  '--service', 'in.juspay.hyperapi "$svc" \\u0022 ünï',
];
const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };
const cp = (...parts: string[]) => parts.join(':');

const stubClasses = join(dir, 'stub-classes');
let envelope = '';
const compiled: Record<'java' | 'kotlin', ToolRun | null> = { java: null, kotlin: null };

async function compile(lang: 'java' | 'kotlin'): Promise<ToolRun> {
  const src = join(dir, lang);
  const out = join(dir, `${lang}-classes`);
  mkdirSync(src, { recursive: true });
  const ext = lang === 'java' ? 'java' : 'kt';
  const file = join(src, `UpiSessionTokenRequest.${ext}`);
  const saved = await cli(['snippet', '--lang', lang, ...FIELDS, '--kid', KID, ...PINNED, '--out', file]);
  if (saved.code !== 0) throw new Error(`snippet --lang ${lang} failed: ${saved.stderr}`);
  if (lang === 'java') return runTool('javac', ['-d', out, '-cp', cp(stubClasses, ANDROID_JSON_JAR), file, join(STUB, 'JavaSnippetHarness.java')], { env });
  // kotlinString's literals ride along in the same (slow) kotlinc run.
  const literals = join(src, 'KotlinLiterals.kt');
  writeFileSync(literals, kotlinLiteralsProgram(AWKWARD_STRINGS));
  return runTool('kotlinc', ['-nowarn', '-d', out, '-cp', cp(stubClasses, ANDROID_JSON_JAR), file, join(STUB, 'KotlinSnippetHarness.kt'), literals], { env, timeoutMs: 120_000 });
}

/** A program printing each string's UTF-16 units, the strings embedded with kotlinString. */
function kotlinLiteralsProgram(strings: readonly string[]): string {
  return [
    'object KotlinLiterals {',
    '    @JvmStatic fun main(args: Array<String>) {',
    `        val all = arrayOf<String>(${strings.map(kotlinString).join(',\n')})`,
    '        for (s in all) println(s.map { Integer.toHexString(it.toInt()) }.joinToString(","))',
    '    }',
    '}',
    '',
  ].join('\n');
}

beforeAll(async () => {
  requireTools(['java', 'kotlin', 'androidJson']);
  const signed = await cli(['sign', ...FIELDS, '--kid', KID, '--key-file', files.key, ...PINNED]);
  if (signed.code !== 0) throw new Error(`sign failed: ${signed.stderr}`);
  envelope = signed.stdout;
  const stub = await runTool('javac', ['-d', stubClasses, '-cp', ANDROID_JSON_JAR, join(STUB, 'in/juspay/hyperinteg/HyperServiceHolder.java')], { env });
  if (stub.code !== 0) throw new Error(`the SDK stub does not compile: ${stub.stderr}`);
  // javac and kotlinc side by side: the slow part of this file, once.
  [compiled.java, compiled.kotlin] = await Promise.all([compile('java'), compile('kotlin')]);
}, 180_000);

const HARNESS = {
  java: { classpath: (out: string) => cp(out, stubClasses, ANDROID_JSON_JAR), main: 'JavaSnippetHarness' },
  kotlin: { classpath: (out: string) => cp(out, stubClasses, ANDROID_JSON_JAR, KOTLIN_STDLIB_JAR), main: 'KotlinSnippetHarnessKt' },
};

describe.each(['java', 'kotlin'] as const)('snippet --lang %s (Android)', (lang) => {
  it(`compiles with ${lang === 'java' ? 'javac' : 'kotlinc'} against org.json and the SDK stub, under a POSIX locale`, () => {
    const run = compiled[lang]!;
    expect(run.stderr.split('\n').filter((l) => /error/i.test(l))).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('hands the SDK’s process() the envelope `sign` made, and holds back before initiate', async () => {
    expect(compiled[lang]?.code).toBe(0);
    const segments = segmentsOf(envelope);
    const { classpath, main } = HARNESS[lang];
    const run = await runTool('java', ['-cp', classpath(join(dir, `${lang}-classes`)), main, segments.protected, segments.signaturePayload, segments.signature], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { sentBeforeInitiate: boolean; sent: boolean; processed: unknown };
    expect(report.sentBeforeInitiate).toBe(false);
    expect(report.sent).toBe(true);
    expect(report.processed).toEqual(JSON.parse(envelope));
  }, 60_000);
});

it(`Kotlin string literals carry ${AWKWARD_STRINGS.length} awkward strings unit for unit ($, quotes, backslashes, Unicode)`, async () => {
  expect(compiled.kotlin?.code).toBe(0);
  const run = await runTool('java', ['-cp', cp(join(dir, 'kotlin-classes'), KOTLIN_STDLIB_JAR), 'KotlinLiterals'], { env });
  expect(run.stderr).toBe('');
  expect(run.stdout.split('\n').slice(0, -1)).toEqual(AWKWARD_STRINGS.map(units));
}, 60_000);
