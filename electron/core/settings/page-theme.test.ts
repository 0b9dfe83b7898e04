import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptTheme, withPageTheme } from './page-theme';
import { SettingsStore } from './store';

const PAGE = Buffer.from('<!doctype html>\n<html lang="en">\n  <head></head>\n</html>\n');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'page-theme-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the kept theme in the served page', () => {
  it('is the theme the settings keep, written onto <html>, so the page opens in it before any script runs', async () => {
    await new SettingsStore(dir).set({ app: { theme: 'light' } });
    const theme = await keptTheme(dir);
    expect(theme).toBe('light');
    expect(withPageTheme(PAGE, theme).toString()).toBe('<!doctype html>\n<html lang="en" data-theme="light">\n  <head></head>\n</html>\n');
  });

  it('leaves the page as built when nothing usable is kept, and never touches a damaged file', async () => {
    expect(await keptTheme(dir)).toBeNull();
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ app: { theme: '"><script>' } }));
    expect(await keptTheme(dir)).toBeNull();
    writeFileSync(join(dir, 'settings.json'), '{damaged');
    expect(await keptTheme(dir)).toBeNull();
    // Still there for the settings store to set aside and report to the window.
    expect((await new SettingsStore(dir).get()).notice).toMatch(/set aside/);
    expect(withPageTheme(PAGE, null)).toBe(PAGE);
  });
});
