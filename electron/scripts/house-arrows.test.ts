import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: root, overrideConfigFile: resolve(root, 'electron/eslint.config.mjs') });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('the house arrows, enforced by lint', () => {
  it.each([
    ['renderer/src/features/x/Leak.tsx', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['renderer/src/stores/leak.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/leak.ts', "import { createHash } from 'crypto';\nexport const x = createHash;\n"],
    ['electron/core/leak.ts', "import { app } from 'electron';\nexport const x = app;\n"],
  ])('refuses the forbidden import in %s', async (path, code) => {
    expect(await ruleIds(path, code)).toContain('no-restricted-imports');
  });

  it('refuses fetch and window.inspector outside the api module', async () => {
    expect(await ruleIds('renderer/src/features/x/Call.tsx', 'export const f = () => fetch("/api/app:info");\n')).toContain('no-restricted-globals');
    expect(await ruleIds('renderer/src/features/x/Call.tsx', 'export const f = () => window.inspector;\n')).toContain('no-restricted-properties');
  });

  it('lets the main side import electron and the renderer import shared code', async () => {
    expect(await ruleIds('electron/main/ok.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
    expect(await ruleIds('renderer/src/ok.ts', "import { SERVICE } from '../../shared/envelope';\nexport const x = SERVICE;\n")).toEqual([]);
  });
});
