/**
 * A recording fake of the `electron` module: enough of app, BrowserWindow, ipcMain, protocol, session,
 * safeStorage and contextBridge for the main entry and the preload to boot, with every call kept so
 * tests can assert on it. The real module cannot load here (no binary), and tests must never try.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

type Listener = (...args: unknown[]) => unknown;

export interface FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void;
}

export function createFakeElectron(appRoot = resolve(__dirname, '../..'), options: { singleInstance?: boolean } = {}) {
  const userData = mkdtempSync(join(tmpdir(), 'upi-fake-electron-'));
  const calls = {
    enableSandbox: 0,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
    ipcHandlers: new Map<string, Listener>(),
    windows: [] as FakeBrowserWindow[],
    exposed: new Map<string, unknown>(),
    invoked: [] as { channel: string; input: unknown }[],
    permissionRequestHandler: undefined as undefined | Listener,
    permissionCheckHandler: undefined as undefined | Listener,
    singleInstanceRequests: 0,
    quits: 0,
  };

  const app = Object.assign(new EventEmitter(), {
    enableSandbox: () => void calls.enableSandbox++,
    whenReady: () => Promise.resolve(),
    getAppPath: () => appRoot,
    getPath: (name: string) => (name === 'userData' ? userData : join(userData, name)),
    getVersion: () => '0.0.0-fake',
    // Another instance already holding the lock is what options.singleInstance: false stands for.
    requestSingleInstanceLock: () => (calls.singleInstanceRequests++, options.singleInstance ?? true),
    quit: () => void calls.quits++,
    exit: () => undefined,
  });

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => calls.windows;
    readonly options: Record<string, unknown>;
    loadedUrl: string | undefined;
    readonly webContents: FakeWebContents;
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      this.webContents = Object.assign(new EventEmitter(), {
        setWindowOpenHandler(this: FakeWebContents, handler: (details: { url: string }) => { action: string }) {
          this.windowOpenHandler = handler;
        },
      }) as FakeWebContents;
      calls.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    minimized = false;
    visible = false;
    focused = false;
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {
      this.visible = true;
    }
    minimize() {
      this.minimized = true;
      this.focused = false;
    }
    isMinimized() {
      return this.minimized;
    }
    restore() {
      this.minimized = false;
    }
    focus() {
      this.focused = true;
    }
  }

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: { handle: (channel: string, listener: Listener) => void calls.ipcHandlers.set(channel, listener) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void calls.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void calls.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => void (calls.permissionRequestHandler = h),
        setPermissionCheckHandler: (h: Listener) => void (calls.permissionCheckHandler = h),
      },
    },
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      // Not real encryption: a reversible marker, enough to see the vault used the cipher.
      encryptStringAsync: async (plain: string) => Buffer.from(`fake:${Buffer.from(plain).toString('base64')}`),
      decryptStringAsync: async (data: Buffer) => ({
        shouldReEncrypt: false,
        result: Buffer.from(data.toString().replace(/^fake:/, ''), 'base64').toString(),
      }),
    },
    contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void calls.exposed.set(key, value) },
    ipcRenderer: {
      invoke: async (channel: string, input: unknown) => {
        calls.invoked.push({ channel, input });
        return { ok: true, value: null };
      },
    },
  };
  return { module, calls, userData };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
