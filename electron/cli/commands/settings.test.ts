import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SettingsStore } from '../../core/settings';
import { cliWorkspace } from '../__fixtures__/run-cli';

const { cli, dir } = cliWorkspace('upi-cli-settings-');

describe('settings show and reset', () => {
  it('shows what the window kept, one line each, and reset brings back the defaults', async () => {
    const home = join(dir, 'kept');
    const env = { UPI_INSPECTOR_HOME: home };
    expect((await cli(['settings', 'show'], { env })).stdout).toBe(`${join(home, 'settings.json')}: the defaults (nothing kept)\n`);
    await new SettingsStore(home).set({ app: { theme: 'light' }, compose: { merchantId: 'M-1' }, tables: { 'response.accounts': { order: ['vpa'], hidden: [], query: 'otp:6' } } });
    const shown = await cli(['settings', 'show'], { env });
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toBe(
      `${join(home, 'settings.json')}: 3 settings\n  app.theme: "light"\n  compose.merchantId: "M-1"\n  tables.response.accounts: {"order":["vpa"],"hidden":[],"query":"otp:6"}\n`,
    );
    expect(JSON.parse((await cli(['settings', 'show', '--json'], { env })).stdout).settings.app).toEqual({ theme: 'light' });
    const reset = await cli(['settings', 'reset'], { env });
    expect(reset.stdout).toMatch(/^Reset the settings at .*settings\.json: the window opens with the defaults\. Keys, profiles and history are not touched\.\n$/);
    expect((await cli(['settings', 'show'], { env })).stdout).toContain('the defaults (nothing kept)');
  });

  it('a damaged file is set aside and said on stderr; the command still succeeds', async () => {
    const home = join(dir, 'damaged');
    await new SettingsStore(home).set({ app: { theme: 'dark' } });
    writeFileSync(join(home, 'settings.json'), 'not json');
    const shown = await cli(['settings', 'show'], { env: { UPI_INSPECTOR_HOME: home } });
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/The settings file was damaged \(not valid JSON\), so it was set aside as .*settings\.damaged-.*\.json/);
    expect(readdirSync(home).filter((f) => f.startsWith('settings.damaged-'))).toHaveLength(1);
  });
});
