import { request } from 'node:http';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch as coreDispatch, handlers } from '../core/handlers';
import type { CoreContext } from '../core/handlers';
import { startHost, TOKEN_HEADER, type RunningHost } from './server';
import { rawRequest } from './__fixtures__/raw-http';

const rendererDir = mkdtempSync(join(tmpdir(), 'upi-host-test-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
mkdirSync(join(rendererDir, 'assets'));
writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(rendererDir, '..', 'secret.txt'), 'outside');

const ctx = {
  host: 'browser',
  name: 'UPI Inspector',
  version: '9.9.9',
  platform: 'test',
  vault: { status: async () => ({ state: 'unlocked', mode: 'session', path: null, keyCount: 0 }) },
  now: () => 0,
} as unknown as CoreContext;

const dispatch = vi.fn((channel: string, input: unknown) => coreDispatch(handlers, ctx, channel, input));
let host: RunningHost;

beforeAll(async () => {
  host = await startHost({ port: 0, rendererDir, dispatch, token: 'test-token' });
});
afterAll(() => host.close());
beforeEach(() => dispatch.mockClear());

interface Reply {
  status: number;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function call(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'POST', headers: { host: `127.0.0.1:${host.port}`, ...options.headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolveReply({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

type WindowHttpApi = (token: string, fetchImpl: typeof fetch) => Record<string, (input: unknown) => Promise<unknown>>;

const withToken = { [TOKEN_HEADER]: 'test-token', 'content-type': 'application/json' };

describe('browser host', () => {
  it('answers a good call through the handler table', async () => {
    const reply = await call('/api/app:info', { headers: { ...withToken, origin: `http://127.0.0.1:${host.port}` }, body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { version: '9.9.9', host: 'browser' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('prints a URL that carries the token in the fragment, on loopback', () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=test-token$`));
  });

  it('refuses a request without the token, or with a wrong one, before any handler runs', async () => {
    for (const headers of [{ 'content-type': 'application/json' }, { ...withToken, [TOKEN_HEADER]: 'test-tokem' }]) {
      const reply = await call('/api/app:info', { headers, body: '{}' });
      expect(reply.status).toBe(403);
      expect(JSON.parse(reply.body).error.code).toBe('forbidden_token');
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Origin even with the right token', async () => {
    const reply = await call('/api/app:info', { headers: { ...withToken, origin: 'https://evil.example' }, body: '{}' });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.code).toBe('forbidden_origin');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a foreign Host (DNS rebinding), for the API and for files', async () => {
    const api = await call('/api/app:info', { headers: { ...withToken, host: `evil.example:${host.port}` }, body: '{}' });
    expect(api.status).toBe(403);
    expect(JSON.parse(api.body).error.code).toBe('forbidden_host');
    const file = await call('/', { method: 'GET', headers: { host: 'evil.example' } });
    expect(file.status).toBe(403);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('returns 400 with the contract error for input that fails the contract', async () => {
    const reply = await call('/api/keys:generate', { headers: withToken, body: JSON.stringify({ bits: 1024 }) });
    expect(reply.status).toBe(400);
    const body = JSON.parse(reply.body);
    expect(body.ok).toBe(false);
    expect(body.error).toMatchObject({ code: 'invalid_input', field: 'bits' });
    expect(body.error.message).toMatch(/2048, 3072 or 4096/);
  });

  it('returns 400 for a body that is not JSON, and 404 for an unknown channel', async () => {
    expect((await call('/api/app:info', { headers: withToken, body: '{nope' })).status).toBe(400);
    expect((await call('/api/keys:steal', { headers: withToken, body: '{}' })).status).toBe(404);
    expect((await call('/api/%E0%A4%A', { headers: withToken, body: '{}' })).status).toBe(400);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a body nested too deep with 400 too_deep, naming the limit and where, before any handler runs', async () => {
    const reply = await call('/api/app:info', { headers: withToken, body: '['.repeat(100_000) + ']'.repeat(100_000) });
    expect(reply.status).toBe(400);
    const { error } = JSON.parse(reply.body);
    expect(error.code).toBe('too_deep');
    expect(error.message).toMatch(/more than 256 levels deep at line 1, column 257/);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('says where a body that is not JSON breaks', async () => {
    const reply = await call('/api/app:info', { headers: withToken, body: '{"a": 1,}' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'invalid_json', message: expect.stringMatching(/line 1, column 9: remove the trailing comma/) });
  });

  it('never answers 500 for a value it cannot serialise', async () => {
    dispatch.mockResolvedValueOnce({ ok: true, value: { big: 10n } });
    const reply = await call('/api/app:info', { headers: withToken, body: '{}' });
    expect(reply.status).toBe(422);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'unserializable', message: expect.stringMatching(/could not be written as JSON/) } });
  });

  it('maps depth errors to 4xx and other failed Results to 200', async () => {
    const statuses: number[] = [];
    for (const code of ['too_deep', 'answer_too_deep', 'invalid_input', 'key_not_found'] as const) {
      dispatch.mockResolvedValueOnce({ ok: false, error: { code, message: 'x' } });
      statuses.push((await call('/api/app:info', { headers: withToken, body: '{}' })).status);
    }
    expect(statuses).toEqual([400, 422, 400, 200]);
  });

  it('serves the built renderer with its CSP, and nothing outside it', async () => {
    const index = await call('/', { method: 'GET' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await call('/assets/app.js', { method: 'GET' })).headers['content-type']).toMatch(/javascript/);
    expect((await call('/%2e%2e/secret.txt', { method: 'GET' })).body).not.toContain('outside');
    expect((await call('/..%2fsecret.txt', { method: 'GET' })).status).toBe(403);
  });

  it('refuses a Host or Origin header sent twice with 400, whatever the first one says', async () => {
    const ours = `127.0.0.1:${host.port}`;
    const twice = [
      [`Host: ${ours}`, 'Host: evil.example'],
      ['Host: evil.example', `Host: ${ours}`],
      [`Host: ${ours}`, `Origin: http://${ours}`, 'Origin: https://evil.example'],
      [`Host: ${ours}`, 'origin: https://evil.example', `ORIGIN: http://${ours}`],
    ];
    for (const headers of twice) {
      const reply = await rawRequest({
        port: host.port,
        head: ['POST /api/app:info HTTP/1.1', ...headers, `${TOKEN_HEADER}: test-token`, 'Content-Type: application/json', 'Content-Length: 2', 'Connection: close'],
        body: '{}',
      });
      expect(reply.status, headers.join(' | ')).toBe(400);
      expect(reply.body?.error?.code).toBe('duplicate_header');
    }
    const file = await rawRequest({ port: host.port, head: ['GET / HTTP/1.1', `Host: ${ours}`, `Host: ${ours}`, 'Connection: close'] });
    expect(file.status).toBe(400);
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses an API call whose body is not sent as application/json with 415, before any handler runs', async () => {
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', undefined]) {
      const headers: Record<string, string> = { [TOKEN_HEADER]: 'test-token' };
      if (contentType) headers['content-type'] = contentType;
      const reply = await call('/api/app:info', { headers, body: '{}' });
      expect(reply.status, String(contentType)).toBe(415);
      expect(JSON.parse(reply.body).error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringMatching(/application\/json/) });
    }
    expect(dispatch).not.toHaveBeenCalled();
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      expect((await call('/api/app:info', { headers: { ...withToken, 'content-type': contentType }, body: '{}' })).status, contentType).toBe(200);
    }
  });

  it("answers the window's own calls (renderer/src/api.ts), which send application/json", async () => {
    // api.ts picks its door when loaded: give it a preload bridge so loading it touches no browser global.
    // Imported by a computed path: its DOM types are the renderer's, not this (Node) project's.
    vi.stubGlobal('window', { inspector: {} });
    const apiModule = '../../renderer/src/api';
    const { createHttpApi } = (await import(/* @vite-ignore */ apiModule)) as { createHttpApi: WindowHttpApi };
    vi.unstubAllGlobals();
    const api = createHttpApi('test-token', (path, init) => fetch(`http://127.0.0.1:${host.port}${String(path)}`, init));
    expect(await api['app:info']!({})).toMatchObject({ ok: true, value: { host: 'browser' } });
    expect(dispatch).toHaveBeenCalledTimes(1);
  });
});
