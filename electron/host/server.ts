/**
 * The browser host: a loopback HTTP server that serves the built renderer and the same handler table
 * the Electron door uses, so the whole app runs in any browser and in CI.
 *
 * Who may call: a request must carry the per-launch token, come from our own Origin (when a browser
 * sends one) and name our loopback Host (which defeats DNS rebinding), each header once. Everything else
 * is 403 (400 for a repeated header). What it takes in: JSON bodies only (415 otherwise), within the
 * limits of ./intake (413 one body, 503 all bodies at once, 408 too slow), on a few dozen connections.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { isChannel } from '../../shared/contract';
import { parseJson } from '../../shared/json';
import { statusOfCode, type ErrorCode } from '../../shared/errors';
import type { ErrorDetails, Result } from '../../shared/result';
import { CONTENT_SECURITY_POLICY, lookupStaticFile, readStaticFile } from './static-files';
import { withPageTheme, type PageTheme } from '../core/settings/page-theme';
import { isJsonContentType, repeatedHeader } from './headers';
import { ByteBudget, DEFAULT_INTAKE_LIMITS, receiveBody, type IntakeLimits } from './intake';

export const TOKEN_HEADER = 'x-upi-inspector-token';
/** A browser opens about six per host; a few dozen leaves room for tools and the tests, no more. */
export const MAX_CONNECTIONS = 32;
/** Seconds a refused-as-busy caller is told to wait: bodies on loopback are taken in well within it. */
export const BUSY_RETRY_AFTER_S = 2;

export interface HostLimits extends IntakeLimits {
  maxConnections: number;
}

export type RawDispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

export interface HostOptions {
  dispatch: RawDispatch;
  rendererDir: string;
  /** Defaults to 32 random bytes, base64url. */
  token?: string;
  hostname?: string;
  /** Defaults: DEFAULT_INTAKE_LIMITS and MAX_CONNECTIONS; tests lower them. */
  limits?: Partial<HostLimits>;
  /** The kept theme, written into index.html so the page opens in it (none: the page as built). */
  pageTheme?: () => Promise<PageTheme | null>;
}

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: carries the token in the fragment, which the browser never sends to a server. */
  url: string;
  /** The bytes reserved by bodies in flight, now and at most. */
  budget: ByteBudget;
  close(): Promise<void>;
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * The HTTP status of a channel's Result, from the error catalogue: a request the contract or the depth
 * bound refuses is the caller's mistake (400); an answer too deep to send comes from what was pasted
 * (422); every other Result, failed or not, is an answer (200).
 */
export function statusOf(result: Result<unknown>): number {
  return result.ok ? 200 : statusOfCode(result.error.code);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch (e) {
    // dispatch bounds what it returns, so this is a value JSON cannot hold (a cycle, a BigInt): say so, never 500.
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    status = statusOfCode('unserializable');
    text = JSON.stringify({ ok: false, error: { code: 'unserializable', message: `The answer could not be written as JSON (${why}); nothing was changed.` } });
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/** Answers a request the host will not pass on, with the catalogue's status for `code`. */
function refuse(res: ServerResponse, code: ErrorCode, message: string, details: ErrorDetails = {}, headers: Record<string, string> = {}): void {
  send(res, statusOfCode(code), { ok: false, error: { code, message, ...details } }, headers);
}

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

export function createHostServer(options: HostOptions): { server: Server; token: string; budget: ByteBudget; allowedHosts: (port: number) => string[] } {
  const token = options.token ?? newToken();
  const hostname = options.hostname ?? '127.0.0.1';
  const allowedHosts = (port: number) => [`${hostname}:${port}`, `localhost:${port}`, `127.0.0.1:${port}`];
  const limits: HostLimits = { ...DEFAULT_INTAKE_LIMITS, maxConnections: MAX_CONNECTIONS, ...options.limits };
  const budget = new ByteBudget(limits.maxBufferedBytes);

  // Node's own clocks back ours up: headers within 10 s, a whole request within 30 s (default 300 s).
  const server = createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 2_000 }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 'host_failed', 'The browser host failed to answer this request.');
      else res.end();
    });
  });

  // Past this Node closes new connections at once, before any byte is read.
  server.maxConnections = limits.maxConnections;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as AddressInfo).port;
    const repeated = repeatedHeader(req.rawHeaders);
    if (repeated) return refuse(res, 'duplicate_header', `The ${repeated === 'host' ? 'Host' : 'Origin'} header appears more than once.`);
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts(port).includes(host)) {
      return refuse(res, 'forbidden_host', `Host "${host}" is not this inspector's loopback address.`);
    }
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedHosts(port).some((h) => origin === `http://${h}`)) {
        return refuse(res, 'forbidden_origin', `Origin "${origin}" may not call this inspector.`);
      }
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !tokensEqual(given, token)) {
        return refuse(res, 'forbidden_token', 'Missing or wrong token.');
      }
      if (req.method !== 'POST') return refuse(res, 'method_not_allowed', 'Channels are called with POST.');
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        return refuse(res, 'bad_path', 'The channel name in the path is not valid percent-encoding.');
      }
      if (!isChannel(channel)) return refuse(res, 'unknown_channel', `There is no channel named "${channel}".`);
      const contentType = req.headers['content-type'];
      if (!isJsonContentType(contentType)) {
        return refuse(res, 'unsupported_media_type', `The body is sent as ${contentType ? `"${contentType}"` : 'no Content-Type'}; channels take application/json.`);
      }
      const reception = receiveBody(req, budget, limits);
      res.once('close', reception.release);
      const intake = await reception.intake;
      if (intake.kind === 'too-large') return refuse(res, 'too_large', `The request is over ${mib(limits.maxBodyBytes)}.`);
      if (intake.kind === 'busy') {
        const message = `The host is already taking in ${mib(budget.inUse)} of the ${mib(budget.limit)} it holds at once.`;
        return refuse(res, 'host_busy', message, {}, { 'retry-after': String(BUSY_RETRY_AFTER_S) });
      }
      if (intake.kind === 'timeout') {
        const message = `The request body did not arrive within ${limits.bodyTimeoutMs / 1000} s.`;
        return refuse(res, 'body_timeout', message, {}, { connection: 'close' });
      }
      if (intake.kind === 'aborted') return void res.destroy();
      const body = intake.body;
      let input: unknown = {};
      if (body.length > 0) {
        // parseJson refuses a body nested too deep before anything recursive (zod, the handlers) sees it.
        const parsed = parseJson(body.toString('utf8'));
        if (!parsed.ok) {
          const deep = parsed.depthLimit !== undefined;
          return refuse(res, deep ? 'too_deep' : 'invalid_json', `The request body ${deep ? 'is too deep' : 'is not JSON'}: ${parsed.message}`);
        }
        input = parsed.value;
      }
      const result = await options.dispatch(channel, input);
      return send(res, statusOf(result), result);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 'method_not_allowed', 'Only GET serves files.');
    const found = await lookupStaticFile(options.rendererDir, url.pathname);
    if (found.kind === 'forbidden') return refuse(res, 'forbidden_path', 'That path is outside the app.');
    if (found.kind === 'not-found') return refuse(res, 'not_found', `No file at ${url.pathname}.`);
    let data: Buffer;
    try {
      data = await readStaticFile(found.path);
    } catch {
      return refuse(res, 'not_found', `No file at ${url.pathname}.`, { fix: 'Build the renderer first: npm run build.' });
    }
    if (options.pageTheme && found.path.endsWith('index.html')) data = withPageTheme(data, await options.pageTheme());
    res.writeHead(200, {
      'content-type': found.contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  return { server, token, budget, allowedHosts };
}

/** Starts the host on 127.0.0.1:`port` (0 = any free port). */
export async function startHost(options: HostOptions & { port: number }): Promise<RunningHost> {
  const { server, token, budget } = createHostServer(options);
  const hostname = options.hostname ?? '127.0.0.1';
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, hostname, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://${hostname}:${port}/#token=${token}`,
    budget,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
