/**
 * `sign --batch FILE.jsonl`: one envelope per input line, signed on every core (sign-workers.ts), written
 * to stdout in input order, one compact envelope a line. A line that cannot be signed does not stop the
 * batch: its output line is `{"line":N,"error":{…}}` and stderr says why. Progress goes to stderr.
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { ENVELOPE_FIELD_NAMES, readEnvelopeFields, type EnvelopeFieldName, type EnvelopeFields } from '../../shared/envelope-rules';
import { describeError } from '../../shared/errors';
import { isRecord } from '../../shared/guards';
import { InspectorError, type AppError } from '../../shared/result';
import { envelopeOf, unsignedEnvelope, type SigningKey, type UnsignedEnvelope } from '../core/signer';
import type { CliContext } from './context';
import { signerPool } from './sign-workers';

/** Lines per message to a worker: large enough that messaging costs nothing, small enough to keep every core busy. */
const CHUNK_LINES = 128;
const PROGRESS_EVERY_MS = 1000;

export interface BatchSummary {
  signed: number;
  failed: number;
}

type Prepared = { line: number; unsigned: UnsignedEnvelope } | { line: number; error: AppError };

/** Signs every line of `source` (a path, or - for stdin) with `key` under `kid`; lines start from `defaults`. */
export async function signBatch(ctx: CliContext, source: string, key: SigningKey, kid: string, defaults: Partial<EnvelopeFields>, threads?: number): Promise<BatchSummary> {
  const pool = signerPool(key.privateKey, threads);
  const started = Date.now();
  const summary: BatchSummary = { signed: 0, failed: 0 };
  const progress = progressLine(ctx, pool.threads, started);
  // Chunks in flight, oldest first: each is written when it and all before it are done.
  const inFlight: Array<Promise<string>> = [];
  const writeOldest = async () => ctx.io.stdout(await inFlight.shift()!);
  let chunk: Prepared[] = [];
  let lineNo = 0;
  const send = async () => {
    const prepared = chunk;
    chunk = [];
    const signed = signChunk(ctx, pool, prepared, summary);
    // Awaited in order below; until then a failure must not count as unhandled.
    signed.catch(() => undefined);
    inFlight.push(signed);
    while (inFlight.length > pool.threads * 2) {
      await writeOldest();
      progress.tick(summary);
    }
  };
  try {
    for await (const text of lines(ctx, source)) {
      lineNo++;
      if (text.trim() === '') continue;
      chunk.push(prepare(ctx, lineNo, text, kid, defaults));
      if (chunk.length === CHUNK_LINES) await send();
    }
    if (chunk.length > 0) await send();
    while (inFlight.length > 0) {
      await writeOldest();
      progress.tick(summary);
    }
  } finally {
    await pool.close();
  }
  progress.done(summary);
  return summary;
}

/** One line read as request fields on top of the defaults, checked, and made ready to sign. */
function prepare(ctx: CliContext, line: number, text: string, kid: string, defaults: Partial<EnvelopeFields>): Prepared {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { line, error: lineError(`line ${line} is not JSON.`, 'Write one JSON object of request fields per line, e.g. {"merchantCustomerId":"cust-42"}.') };
  }
  if (!isRecord(value)) return { line, error: lineError(`line ${line} is not a JSON object.`, 'Write one JSON object of request fields per line, e.g. {"merchantCustomerId":"cust-42"}.') };
  const unknown = Object.keys(value).filter((k) => !(ENVELOPE_FIELD_NAMES as readonly string[]).includes(k));
  if (unknown.length > 0) return { line, error: lineError(`line ${line} has unknown field(s) ${unknown.join(', ')}.`, `A line takes ${ENVELOPE_FIELD_NAMES.join(', ')}.`, unknown[0]) };
  const input: Partial<Record<EnvelopeFieldName, unknown>> = { ...defaults, requestId: ctx.io.randomUUID(), timestamp: defaults.timestamp ?? String(ctx.io.now()) };
  for (const [name, v] of Object.entries(value) as Array<[EnvelopeFieldName, unknown]>) {
    // A timestamp written as a JSON number is still epoch milliseconds.
    input[name] = name === 'timestamp' && typeof v === 'number' && Number.isInteger(v) ? String(v) : v;
  }
  const read = readEnvelopeFields(input);
  if (!read.ok) return { line, error: lineError(`line ${line}: ${read.message}`, undefined, read.field) };
  return { line, unsigned: unsignedEnvelope(read.fields, kid) };
}

function lineError(message: string, fix?: string, field?: string): AppError {
  return new InspectorError('invalid_input', message, { fix, field }).toAppError();
}

/** Signs a chunk's good lines on a worker; resolves to its output lines, in order. */
async function signChunk(ctx: CliContext, pool: ReturnType<typeof signerPool>, chunk: Prepared[], summary: BatchSummary): Promise<string> {
  const toSign = chunk.flatMap((p) => ('unsigned' in p ? [p.unsigned.signingInput] : []));
  const signatures = toSign.length > 0 ? await pool.sign(toSign) : [];
  let next = 0;
  let out = '';
  for (const p of chunk) {
    if ('unsigned' in p) {
      out += `${JSON.stringify(envelopeOf(p.unsigned, signatures[next++]!))}\n`;
      summary.signed++;
    } else {
      const { code, message, fix, field } = p.error;
      out += `${JSON.stringify({ line: p.line, error: { code, message, ...(fix ? { fix } : {}), ...(field ? { field } : {}) } })}\n`;
      ctx.io.stderr(`upi-inspector: ${describeError(p.error, 'cli')} [${code}]\n`);
      summary.failed++;
    }
  }
  return out;
}

/** The input's lines, from a file or stdin, as they arrive. */
async function* lines(ctx: CliContext, source: string): AsyncGenerator<string> {
  if (source === '-') {
    if (!ctx.io.stdinStream) {
      yield* (await ctx.io.readStdin()).split(/\r?\n/);
      return;
    }
    yield* createInterface({ input: Readable.from(ctx.io.stdinStream()), crlfDelay: Infinity });
    return;
  }
  const path = resolve(ctx.io.cwd, source);
  const stream = createReadStream(path);
  const opened = new Promise<void>((done, fail) => {
    stream.once('open', () => done());
    stream.once('error', fail);
  });
  try {
    await opened;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (code ?? 'read error');
    throw new InspectorError('invalid_usage', `cannot read the batch file ${path}: ${why}.`, { fix: 'Check the path (relative paths start at the current folder), or pass - to read stdin.' });
  }
  yield* createInterface({ input: stream, crlfDelay: Infinity });
}

/** "signed 12,000 lines (5,900/s)…" on stderr at most once a second (overwritten at a terminal), then a summary. */
function progressLine(ctx: CliContext, threads: number, started: number) {
  let last = started;
  let shown = false;
  const rate = (n: number) => Math.round((n * 1000) / Math.max(1, Date.now() - started)).toLocaleString('en-US');
  return {
    tick(s: BatchSummary) {
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS) return;
      last = now;
      shown = true;
      const text = `upi-inspector: signed ${(s.signed + s.failed).toLocaleString('en-US')} lines (${rate(s.signed)}/s)…`;
      ctx.io.stderr(ctx.io.interactive ? `\r${text}` : `${text}\n`);
    },
    done(s: BatchSummary) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const failed = s.failed > 0 ? `; ${s.failed.toLocaleString('en-US')} line${s.failed === 1 ? '' : 's'} could not be signed (see above)` : '';
      ctx.io.stderr(`${shown && ctx.io.interactive ? '\r' : ''}upi-inspector: signed ${s.signed.toLocaleString('en-US')} envelope${s.signed === 1 ? '' : 's'} in ${seconds} s (${rate(s.signed)}/s on ${threads} thread${threads === 1 ? '' : 's'})${failed}.\n`);
    },
  };
}
