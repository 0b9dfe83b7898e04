/**
 * The renderer's only door to the main side. In Electron it is the preload bridge (`window.inspector`);
 * in a browser it is the browser host's HTTP client. Components and stores import `api` from here and
 * never touch `window.inspector` or `fetch` themselves.
 */
import { CHANNELS, channelPath, type Channel } from '../../shared/channels';
import type { InspectorApi } from '../../shared/contract';
import { err, type Result } from '../../shared/result';
import { readItem, writeItem } from './lib/windowStorage';
import { afterNextPaint } from './lib/afterPaint';

export const TOKEN_HEADER = 'x-upi-inspector-token';
const KEEPALIVE_MAX_CHARS = 16 * 1024;

declare global {
  interface Window {
    inspector?: InspectorApi;
  }
}

/** The browser host prints a URL with `#token=…`; keep it for reloads of this tab and take it out of the address bar. */
export function takeHostToken(location: Location, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    // Kept, and taken out of the address bar, once the window has painted: the first use of sessionStorage
    // and replaceState are synchronous trips to the browser process, and only a reload needs the token kept.
    afterNextPaint(() => {
      writeItem('upi-inspector.token', token);
      history.replaceState(null, '', location.pathname + location.search);
    });
    return token;
  }
  return readItem('upi-inspector.token');
}

export function createHttpApi(token: string | null, fetchImpl: typeof fetch = fetch): InspectorApi {
  const call = async (channel: Channel, input: unknown): Promise<Result<unknown>> => {
    if (!token) {
      return err('no_token', 'This page was opened without its token.');
    }
    let response: Response;
    const body = JSON.stringify(input ?? {});
    try {
      response = await fetchImpl(channelPath(channel), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body,
        // A small call made as the page goes away (the last settings change before a reload) still arrives;
        // browsers refuse keepalive bodies over 64 KiB.
        keepalive: body.length < KEEPALIVE_MAX_CHARS,
      });
    } catch {
      return err('host_unreachable', 'The browser host does not answer.');
    }
    try {
      return (await response.json()) as Result<unknown>;
    } catch {
      return err('bad_response', `The browser host answered ${response.status} without a result.`);
    }
  };
  return Object.fromEntries(CHANNELS.map((c) => [c, (input: unknown) => call(c, input)])) as unknown as InspectorApi;
}

function pickApi(): InspectorApi {
  if (typeof window !== 'undefined' && window.inspector) return window.inspector;
  return createHttpApi(takeHostToken(window.location, window.history));
}

export const api: InspectorApi = pickApi();
