/**
 * The string literals the snippets embed values with (shared/snippets/literals.ts), read back by each real
 * language: a few hundred awkward strings, in one program per language, must come back unit for unit
 * (Java, JavaScript), code point for code point (Python) or byte for byte (bash). This is what keeps a
 * merchantCustomerId from breaking the code or changing the signed bytes. Kotlin's literals are read back
 * in snippet-android.test.ts, which runs kotlinc anyway.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { javaString, jsString, pythonString, shellString } from '../../../shared/snippets/literals';
import { AWKWARD_STRINGS, codePoints, units, utf8Bytes } from '../__fixtures__/awkward-strings';
import { PYTHON, requireTools, runTool } from '../__fixtures__/toolchain';

const dir = mkdtempSync(join(tmpdir(), 'upi-snippet-literals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const STRINGS = AWKWARD_STRINGS;
const env = { ...process.env, LC_ALL: 'C', LANG: 'C' };

async function readBack(file: string, source: string, command: string): Promise<string[]> {
  writeFileSync(join(dir, file), source);
  const run = await runTool(command, [join(dir, file)], { env });
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return run.stdout.split('\n').slice(0, -1);
}

beforeAll(() => requireTools(['node', 'python', 'java', 'bash']));

describe(`${STRINGS.length} strings, embedded and read back`, () => {
  it('JavaScript (node): UTF-16 units', async () => {
    const source = `for (const s of [${STRINGS.map(jsString).join(',\n')}]) console.log(Array.from({ length: s.length }, (_, i) => s.charCodeAt(i).toString(16)).join(','));\n`;
    expect(source).toMatch(/^[\n -~]*$/);
    expect(await readBack('lits.mjs', source, 'node')).toEqual(STRINGS.map(units));
  });

  it('Python 3: code points', async () => {
    const source = `for s in [${STRINGS.map(pythonString).join(',\n')}]:\n    print(",".join("%x" % ord(c) for c in s))\n`;
    expect(source).toMatch(/^[\n -~]*$/);
    expect(await readBack('lits.py', source, PYTHON)).toEqual(STRINGS.map(codePoints));
  });

  it('Java (single-file source launch, POSIX locale): UTF-16 units', async () => {
    const source = [
      'public class Lits {',
      '  public static void main(String[] args) {',
      `    String[] all = {${STRINGS.map(javaString).join(',\n')}};`,
      '    for (String s : all) {',
      '      StringBuilder b = new StringBuilder();',
      '      for (int i = 0; i < s.length(); i++) b.append(i == 0 ? "" : ",").append(Integer.toHexString(s.charAt(i)));',
      '      System.out.println(b);',
      '    }',
      '  }',
      '}',
    ].join('\n');
    expect(source).toMatch(/^[\n -~]*$/);
    expect(await readBack('Lits.java', source, 'java')).toEqual(STRINGS.map(units));
  }, 90_000);

  it('bash (POSIX locale): UTF-8 bytes', async () => {
    const source = `L=(\n${STRINGS.map(shellString).join('\n')}\n)\nfor s in "\${L[@]}"; do printf '%s' "$s" | od -An -tx1 | tr -d ' \\n'; echo; done\n`;
    expect(await readBack('lits.sh', source, 'bash')).toEqual(STRINGS.map(utf8Bytes));
  });
});
