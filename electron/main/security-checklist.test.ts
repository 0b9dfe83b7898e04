/**
 * docs/security.md answers for every item of Electron's security checklist, and the code keeps the
 * promises no runtime test can see: the options nobody sets and the APIs nobody calls.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const doc = readFileSync(join(root, 'docs/security.md'), 'utf8');

/** https://www.electronjs.org/docs/latest/tutorial/security, "Checklist: Security recommendations". */
const CHECKLIST = [
  'Only load secure content',
  'Do not enable Node.js integration for remote content',
  'Enable context isolation',
  'Enable process sandboxing',
  'Handle session permission requests',
  'Do not disable `webSecurity`',
  'Define a Content Security Policy',
  'Do not enable `allowRunningInsecureContent`',
  'Do not enable experimental features',
  'Do not use `enableBlinkFeatures`',
  '`<webview>`: do not use `allowpopups`',
  '`<webview>`: verify options and params',
  'Disable or limit navigation',
  'Disable or limit creation of new windows',
  'Do not use `shell.openExternal` with untrusted content',
  'Use a current version of Electron',
  'Validate the `sender` of all IPC messages',
  'Avoid `file://`, prefer custom protocols',
  'Check which fuses you can change',
  'Do not expose Electron APIs to untrusted web content',
];

/** The rows of the checklist table: number, recommendation, where, test. */
function checklistRows(): Array<{ n: number; title: string; where: string; test: string }> {
  return doc
    .split('\n')
    .map((line) => /^\| (\d+) \| (.+?) \| (.+?) \| (.+?) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ n: Number(m[1]), title: m[2]!, where: m[3]!, test: m[4]! }));
}

/** Backticked repository paths: `electron/main/window.ts`, `electron-builder.yml`… */
const pathsIn = (text: string) => [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+|[\w-]+\.(?:yml|json))`/g)].map((m) => m[1]!);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === '__fixtures__' ? [] : sources(path);
    return /\.(tsx?|cjs|mjs)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe("Electron's security checklist", () => {
  it('docs/security.md has one row per recommendation, in order, each naming where and a test', () => {
    const rows = checklistRows();
    expect(rows.map((r) => r.title)).toEqual(CHECKLIST);
    expect(rows.map((r) => r.n)).toEqual(CHECKLIST.map((_, i) => i + 1));
    for (const row of rows) {
      expect(pathsIn(row.where).length, `#${row.n} names no file`).toBeGreaterThan(0);
      // Only "use a current Electron" has no automated test, and the row says why.
      if (row.n === 16) expect(row.test).toMatch(/^None automated: /);
      else expect(pathsIn(row.test).filter((p) => /\.(test|spec)\.ts$/.test(p)).length, `#${row.n} names no test`).toBeGreaterThan(0);
    }
  });

  it('every file docs/security.md names exists', () => {
    const named = [...new Set(pathsIn(doc))];
    expect(named.length).toBeGreaterThan(20);
    expect(named.filter((p) => !existsSync(join(root, p)))).toEqual([]);
  });

  it('no source sets an insecure window option, loads file://, attaches popups or calls shell.openExternal', () => {
    const forbidden = [
      /\bopenExternal\b/,
      /\bexperimentalFeatures\b/,
      /\benableBlinkFeatures\b/,
      /\ballowpopups\b/,
      /\bloadFile\(/,
      /file:\/\//,
      /nodeIntegration(InWorker|InSubFrames)?:\s*true/,
      /contextIsolation:\s*false/,
      /sandbox:\s*false/,
      /webSecurity:\s*false/,
      /allowRunningInsecureContent:\s*true/,
      /webviewTag:\s*true/,
    ];
    const files = ['electron', 'renderer/src', 'shared'].flatMap(sources);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return forbidden.filter((p) => p.test(text)).map((p) => `${file}: ${p.source}`);
    });
    expect(found).toEqual([]);
  });
});
