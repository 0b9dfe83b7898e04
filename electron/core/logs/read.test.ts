import { appendFileSync, closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { LogFeed, type LogItem } from '../../../shared/logs';
import { InspectorError } from '../../../shared/result';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { makeLog, mixedPlan, writeLargeLog } from '../__fixtures__/logcat';
import { CHUNK_BYTES, readLogFile, readLogStream, type ReadProgress } from './read';

const dir = mkdtempSync(join(tmpdir(), 'upi-log-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const log = makeLog(mixedPlan());
const candidates = (items: LogItem[]) => items.filter((i) => i.kind === 'candidate').length;
/** Requests and responses as items: each compact JWS, one-line and pretty item is one candidate. */
const wantCandidates = log.expected.requests + log.expected.responses;

async function readFile(path: string, extra: { onProgress?: (p: ReadProgress) => void } = {}) {
  const items: LogItem[] = [];
  const feed = new LogFeed(path);
  await readLogFile(path, feed, { onItems: (found) => items.push(...found), ...extra });
  return { items, notes: feed.notes };
}

async function refusal(run: () => Promise<unknown>): Promise<InspectorError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('reading a log file', () => {
  it('finds every request, response and cut-off block, with progress up to the whole size', async () => {
    const path = join(dir, 'mixed.log');
    writeFileSync(path, log.text);
    const progress: ReadProgress[] = [];
    const { items, notes } = await readFile(path, { onProgress: (p) => progress.push(p) });
    expect(candidates(items)).toBe(wantCandidates);
    expect(items.filter((i) => i.kind === 'unclosed')).toHaveLength(log.expected.unclosed);
    expect(notes.lines).toBe(log.lines.length);
    expect(progress.at(-1)).toEqual({ bytes: Buffer.byteLength(log.text), total: Buffer.byteLength(log.text) });
  });

  it('reads a Windows (CRLF) copy, and one with no final line break, to the same items', async () => {
    const crlf = join(dir, 'crlf.log');
    writeFileSync(crlf, log.text.replace(/\n/g, '\r\n'));
    const cut = join(dir, 'no-final-break.log');
    writeFileSync(cut, log.text.trimEnd());
    const plain = await readFile(join(dir, 'mixed.log'));
    const fromCrlf = await readFile(crlf);
    const fromCut = await readFile(cut);
    expect(fromCrlf.items.map((i) => i.text)).toEqual(plain.items.map((i) => i.text));
    expect(fromCut.items.map((i) => i.text)).toEqual(plain.items.map((i) => i.text));
    expect(fromCut.notes.endedMidLine).toBe(true);
  });

  it('reads UTF-8 cut by the 1 MB chunks, bytes that are not UTF-8 and a character cut by the end of the file as the browser does', async () => {
    // A request line whose é and ₹ straddle the first chunk boundary, then bad bytes, then a cut-off ₹.
    const line = Buffer.from(`12-01 10:15:02.481  4211  4290 D HyperSDK: payé ₹ ${log.lines.find((l) => l.includes('"requestId"'))!.split(': ').slice(1).join(': ')}\n`);
    const e = line.indexOf('é');
    const rupee = line.indexOf('₹');
    // The chunk boundary inside é (2 bytes), then inside ₹ (3 bytes), then past both.
    for (const cut of [e + 1, rupee + 1, rupee + 2, rupee + 10]) {
      const bytes = Buffer.concat([Buffer.alloc(CHUNK_BYTES - cut - 1, 'x'), Buffer.from('\n'), line, Buffer.from([0x41, 0xff, 0xc3, 0x0a]), line, Buffer.from('tail ₹').subarray(0, -1)]);
      const path = join(dir, `utf8-${cut}.log`);
      writeFileSync(path, bytes);
      const read = await readFile(path);
      const whole = new LogFeed('whole');
      const items = [...whole.push(new Uint8Array(bytes)), ...whole.end()];
      expect(read.items).toEqual(items);
      expect(candidates(read.items)).toBe(2);
      expect(read.items[0]!.text).toMatch(/^payé ₹ /);
      expect(read.notes).toEqual(whole.notes);
      expect(read.notes).toMatchObject({ invalidUtf8: true, endedMidLine: true, bytes: bytes.length });
    }
  });

  it('refuses a binary file with a message naming it, and a missing file or a folder', async () => {
    const apk = join(dir, 'app.apk');
    writeFileSync(apk, Buffer.from([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]));
    const bin = join(dir, 'core.bin');
    writeFileSync(bin, Buffer.concat([Buffer.from('12-01 10:15:02.481 header\n'), Buffer.alloc(32)]));
    expect(await refusal(() => readFile(apk))).toMatchObject({ code: 'log_not_text', message: expect.stringMatching(/app\.apk cannot be read as a log: it is a zip archive/) });
    expect(await refusal(() => readFile(bin))).toMatchObject({ code: 'log_not_text', message: expect.stringMatching(/NUL bytes \(the first at byte 27\)/) });
    expect(await refusal(() => readFile(join(dir, 'nope.log')))).toMatchObject({ code: 'log_read_failed', message: expect.stringMatching(/nope\.log: no such file\.$/) });
    expect(await refusal(() => readFile(dir))).toMatchObject({ code: 'log_read_failed', message: expect.stringMatching(/it is a folder/) });
  });

  it('reads a 2 GB file with bounded memory: a log, 2 GB without a line break, then more log', async () => {
    const path = join(dir, 'huge.log');
    const head = makeLog(mixedPlan({ noise: 60 })).text;
    expect(Buffer.byteLength(head)).toBeGreaterThan(64 * 1024); // the first chunk is all text
    const fd = openSync(path, 'w');
    writeSync(fd, head);
    // A sparse file: the 2 GB in between are a hole the file system reads as NUL bytes.
    const tailAt = 2 * 1024 ** 3;
    writeSync(fd, `\n${log.text}`, tailAt);
    closeSync(fd);
    const before = process.memoryUsage().rss;
    let peak = before;
    const { items, notes } = await readFile(path, { onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) });
    expect(candidates(items)).toBe(2 * wantCandidates);
    expect(notes.bytes).toBeGreaterThan(tailAt);
    expect(notes.longLineCount).toBe(1);
    expect((peak - before) / 1024 ** 2).toBeLessThan(200);
  }, 120_000);

  it('keeps only the items of a large log, not the chunks they were read from (64 MB log, heap after reading)', async () => {
    const path = join(dir, 'large.log');
    const { bytes, expected } = writeLargeLog(path, { mb: 64, noise: 60 });
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // Decoded chunks may live outside the JS heap (external strings): count both.
    const used = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
    gc();
    const before = used();
    const { items } = await readFile(path);
    gc();
    const held = used() - before;
    expect(candidates(items)).toBe(expected.requests + expected.responses);
    // The items' text is a few MB; a slice of each 1 MB chunk kept alive would hold the whole 64 MB.
    const itemChars = items.reduce((n, i) => n + i.text.length, 0);
    expect(held).toBeLessThan(itemChars * 4 + 8 * 1024 ** 2);
    expect(held).toBeLessThan(bytes / 4);
  }, 60_000);

  it('follows a file as it grows, until stopped', async () => {
    const path = join(dir, 'growing.log');
    const half = Math.floor(log.lines.length / 2);
    writeFileSync(path, `${log.lines.slice(0, half).join('\n')}\n`);
    const items: LogItem[] = [];
    const abort = new AbortController();
    const reading = readLogFile(path, new LogFeed(path), { onItems: (found) => items.push(...found), follow: true, pollMs: 20, signal: abort.signal });
    await expect.poll(() => items.length).toBeGreaterThan(0);
    const early = candidates(items);
    expect(early).toBeLessThan(wantCandidates);
    appendFileSync(path, `${log.lines.slice(half).join('\n')}\n`);
    await expect.poll(() => candidates(items)).toBe(wantCandidates);
    abort.abort();
    await reading;
    expect(items.filter((i) => i.kind === 'unclosed')).toHaveLength(log.expected.unclosed);
  });
});

describe('reading a stream', () => {
  it('gives the items a file gives, whatever the chunk sizes', async () => {
    const data = Buffer.from(log.text);
    const chunks: Buffer[] = [];
    for (let at = 0, size = 1; at < data.length; at += size, size = (size * 7) % 4093 || 1) chunks.push(data.subarray(at, at + size));
    const items: LogItem[] = [];
    await readLogStream(Readable.from(chunks), new LogFeed('stdin'), { onItems: (found) => items.push(...found) });
    const fromFile = await readFile(join(dir, 'mixed.log'));
    expect(items).toEqual(fromFile.items);
  });

  it('stops when the signal aborts, even if the stream never ends, keeping what was read', async () => {
    const abort = new AbortController();
    const endless = new Readable({ read() {} });
    endless.push(`${log.lines.slice(0, 10).join('\n')}\n`);
    const items: LogItem[] = [];
    const reading = readLogStream(endless, new LogFeed('adb logcat'), { onItems: (found) => items.push(...found), signal: abort.signal });
    await expect.poll(() => items.length).toBeGreaterThan(0);
    abort.abort();
    await reading;
    expect(candidates(items)).toBeGreaterThan(0);
  });
});
