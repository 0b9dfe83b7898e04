/**
 * Boots the real main entry against a recording fake of `electron` (no machine here can launch the
 * binary) and checks the Electron door end to end: channels, window, app:// protocol, CSP, security.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { createFakeElectron } from '../test/fake-electron';
import { ensureBuild, outDir } from '../test/build-output';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

const { calls } = fake;
const trusted = { senderFrame: { url: 'app://inspector/index.html' } };
const foreign = { senderFrame: { url: 'https://evil.example/' } };

beforeAll(async () => {
  ensureBuild();
  const main = await import('./index');
  await main.started;
}, 120_000);

describe('the Electron main entry', () => {
  it('turns on the sandbox for every renderer and registers app:// as a secure standard scheme', () => {
    expect(calls.enableSandbox).toBe(1);
    expect(calls.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('registers every contract channel, and only those, through the sender-checking wrapper', async () => {
    expect([...calls.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const [channel, listener] of calls.ipcHandlers) {
      const refused = (await listener(foreign, {})) as { ok: boolean; error: { code: string } };
      expect(refused, channel).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    }
    const info = (await calls.ipcHandlers.get('app:info')!(trusted, {})) as { ok: boolean; value: { host: string } };
    expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
  });

  it('opens one window with the secure preferences and a preload that exists in the build', () => {
    expect(calls.windows).toHaveLength(1);
    const win = calls.windows[0]!;
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Chromium's experimental and opt-in Blink features stay at their defaults (off).
    expect(prefs.experimentalFeatures).toBeUndefined();
    expect(prefs.enableBlinkFeatures).toBeUndefined();
    expect(prefs.preload).toBe(join(outDir, 'preload/index.cjs'));
    expect(existsSync(prefs.preload as string)).toBe(true);
    expect(win.loadedUrl).toBe('app://inspector/index.html');
  });

  it('serves the built index.html and its assets over app://, and refuses path traversal', async () => {
    const handler = calls.protocolHandlers.get('app')!;
    const index = await handler(new Request('app://inspector/index.html'));
    expect(index.status).toBe(200);
    const html = await index.text();
    expect(html).toBe(readFileSync(join(outDir, 'renderer/index.html'), 'utf8'));
    for (const asset of readdirSync(join(outDir, 'renderer/assets'))) {
      const reply = await handler(new Request(`app://inspector/assets/${asset}`));
      expect(reply.status, asset).toBe(200);
    }
    for (const evil of ['app://inspector/..%2f..%2fpackage.json', 'app://inspector/%2e%2e/%2e%2e/package.json', 'app://inspector/assets/..%5c..%5cpackage.json']) {
      const reply = await handler(new Request(evil));
      expect(reply.status, evil).toBeGreaterThanOrEqual(400);
      expect(await reply.text()).not.toContain('"devDependencies"');
    }
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });

  it('ships a CSP that allows every script the build emits, and nothing inline or eval', async () => {
    const html = readFileSync(join(outDir, 'renderer/index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replaceAll('&#39;', "'");
    expect(meta).toBeDefined();
    const scriptSrc = meta!.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(meta).not.toMatch(/unsafe-eval|unsafe-inline/);
    // Every <script> is an external, same-origin file that exists; no inline script would run under this CSP.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      const src = /src="([^"]+)"/.exec(attrs!)?.[1];
      expect(src, 'inline script').toBeDefined();
      expect(src).toMatch(/^\.?\//);
      expect(existsSync(join(outDir, 'renderer', src!))).toBe(true);
      expect(body!.trim()).toBe('');
    }
    // The app:// response carries the same policy as a header (plus frame-ancestors, which meta cannot set).
    const reply = await calls.protocolHandlers.get('app')!(new Request('app://inspector/index.html'));
    expect(reply.headers.get('content-security-policy')).toContain(meta!);
  });

  it('holds the single-instance lock: a second launch brings the one window back to the front instead of opening another', () => {
    expect(calls.singleInstanceRequests).toBe(1);
    const win = calls.windows[0]!;
    win.minimize();
    expect([win.isMinimized(), win.focused]).toEqual([true, false]);
    fake.module.app.emit('second-instance', {}, ['upi-inspector'], process.cwd());
    expect([win.isMinimized(), win.visible, win.focused]).toEqual([false, true, true]);
    expect(calls.windows).toHaveLength(1);
  });

  it('denies navigation and redirects away from the app, webviews, new windows and every permission request', () => {
    const contents = calls.windows[0]!.webContents;
    let prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    prevented = false;
    contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'app://inspector/index.html');
    expect(prevented).toBe(false);
    prevented = false;
    contents.emit('will-redirect', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    prevented = false;
    contents.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, { nodeIntegration: true }, { src: 'https://evil.example/' });
    expect(prevented).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    calls.permissionRequestHandler?.({}, 'media', (answer: boolean) => (granted = answer));
    expect(granted).toBe(false);
    expect(calls.permissionCheckHandler?.({}, 'notifications')).toBe(false);
  });
});
