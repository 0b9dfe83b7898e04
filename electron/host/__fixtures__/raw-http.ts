/**
 * HTTP over a bare socket, for the requests Node's client will not send: a header twice, a body that
 * stops half-way. Resolves with the first response the server writes (status, headers, JSON body).
 */
import { connect, type Socket } from 'node:net';

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  body: { ok?: boolean; error?: { code: string; message: string } } | null;
  /** Milliseconds from the first byte sent to the response. */
  elapsedMs: number;
}

export interface RawRequest {
  port: number;
  /** Request line and headers, without the blank line that ends them. */
  head: string[];
  /** Written right after the headers; the rest of a declared body is never sent. */
  body?: string;
}

export function rawRequest({ port, head, body = '' }: RawRequest): Promise<RawReply> & { socket: Socket } {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  const reply = new Promise<RawReply>((resolveReply, reject) => {
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
      const headers = Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const rest = text.slice(end + 4);
      let payload: string;
      if (headers['transfer-encoding'] === 'chunked') {
        if (!rest.includes('\r\n0\r\n\r\n') && !rest.startsWith('0\r\n\r\n')) return;
        payload = dechunk(rest);
      } else {
        const length = Number(headers['content-length'] ?? 0);
        if (Buffer.byteLength(rest) < length) return;
        payload = rest.slice(0, length);
      }
      resolveReply({ status: Number(statusLine!.split(' ')[1]), headers, body: payload ? JSON.parse(payload) : null, elapsedMs: Date.now() - started });
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`the server closed the connection without a complete response: ${JSON.stringify(text.slice(0, 200))}`)));
  });
  socket.write(`${head.join('\r\n')}\r\n\r\n${body}`);
  return Object.assign(reply, { socket });
}

/** The payload of a chunked body (ASCII JSON here, so characters are bytes). */
function dechunk(text: string): string {
  let out = '';
  for (let at = 0; ; ) {
    const lineEnd = text.indexOf('\r\n', at);
    const size = parseInt(text.slice(at, lineEnd), 16);
    if (!size) return out;
    out += text.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}
