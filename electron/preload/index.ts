/**
 * The preload: exactly one function per contract channel, exposed as `window.inspector`, and nothing
 * else — no raw ipcRenderer, no generic invoke. Bundled as CommonJS: a sandboxed preload can require
 * only `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { CHANNELS } from '../../shared/channels';

const api = Object.fromEntries(
  CHANNELS.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input ?? {})]),
);

contextBridge.exposeInMainWorld('inspector', Object.freeze(api));
