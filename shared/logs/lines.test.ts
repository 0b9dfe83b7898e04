import { describe, expect, it } from 'vitest';
import { InspectorError } from '../result';
import { LogFeed } from './feed';
import { describeLineNotes, LogLineReader, MAX_LOG_LINE_CHARS, notTextReason } from './lines';

const bytes = (s: string) => new TextEncoder().encode(s);

function readInChunks(data: Uint8Array, cuts: number[]): { lines: string[]; reader: LogLineReader } {
  const reader = new LogLineReader();
  const lines: string[] = [];
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    lines.push(...reader.push(data.subarray(from, cut)));
    from = cut;
  }
  lines.push(...reader.end());
  return { lines, reader };
}

describe('LogLineReader', () => {
  const text = 'D/HyperSDK( 42): ₹ 1,499 — payé\r\nI/Other( 7): {"a":1}\nlast one without a break';
  const data = bytes(text);
  const whole = ['D/HyperSDK( 42): ₹ 1,499 — payé', 'I/Other( 7): {"a":1}', 'last one without a break'];

  it('gives the same lines wherever the chunks break (inside a CRLF, inside a UTF-8 character)', () => {
    for (let cut = 0; cut <= data.length; cut++) expect(readInChunks(data, [cut]).lines, `cut at byte ${cut}`).toEqual(whole);
    // One byte at a time.
    expect(readInChunks(data, [...data.keys()].slice(1)).lines).toEqual(whole);
  });

  it('ends a line at \\n, \\r\\n or a lone \\r, and says when the log stops in the middle of a line', () => {
    const { lines, reader } = readInChunks(bytes('a\rb\r\nc\n\nd'), []);
    expect(lines).toEqual(['a', 'b', 'c', '', 'd']);
    expect(reader.lineNotes).toMatchObject({ lines: 5, endedMidLine: true });
    expect(describeLineNotes(reader.lineNotes)).toEqual([expect.stringMatching(/ends in the middle of line 5 .*read as it is/)]);
    expect(readInChunks(bytes('a\nb\n'), []).reader.lineNotes.endedMidLine).toBe(false);
  });

  it('keeps only the start of a line longer than the limit, and reads the lines after it', () => {
    const reader = new LogLineReader();
    const lines: string[] = [];
    const chunk = 'x'.repeat(1024 * 1024);
    lines.push(...reader.push('first\n'));
    for (let i = 0; i < 12; i++) lines.push(...reader.push(chunk)); // 12 MB without a break
    lines.push(...reader.push('\nafter\n'));
    expect(lines.map((l) => l.length)).toEqual([5, MAX_LOG_LINE_CHARS, 5]);
    expect(reader.lineNotes).toMatchObject({ longLines: [2], longLineCount: 1 });
    expect(describeLineNotes(reader.lineNotes)[0]).toMatch(/^1 line is longer than 8 MB \(line 2\): only the start of each was read/);
  });
});

describe('telling a text log from a binary file', () => {
  it('accepts UTF-8 text, even with a character cut by the end of the first chunk', () => {
    expect(notTextReason(bytes('12-01 10:15:02.481  4211  4290 D HyperSDK: ok\n'))).toBeUndefined();
    expect(notTextReason(bytes('payé ₹').subarray(0, -1))).toBeUndefined();
  });

  it('refuses NUL bytes, bytes that are not UTF-8, and archives, saying what the file is', () => {
    expect(notTextReason(new Uint8Array([0x41, 0x42, 0x00, 0x43]))?.message).toBe('it holds NUL bytes (the first at byte 3), so it is a binary file, not a text log');
    expect(notTextReason(new Uint8Array([0x41, 0xff, 0xfe, 0x41]))?.message).toMatch(/not UTF-8 text/);
    expect(notTextReason(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatchObject({ message: 'it is a gzip archive, not a text log', fix: expect.stringMatching(/gunzip/) });
    expect(notTextReason(new Uint8Array([0x50, 0x4b, 3, 4, 0]))?.fix).toMatch(/bugreport/);
  });

  it('a feed refuses a binary first chunk with log_not_text naming the source', () => {
    const feed = new LogFeed('crash.apk');
    let thrown: unknown;
    try {
      feed.push(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]));
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(InspectorError);
    expect((thrown as InspectorError).code).toBe('log_not_text');
    expect((thrown as InspectorError).message).toBe('crash.apk cannot be read as a log: it is a zip archive (a bugreport or an APK?), not a text log.');
  });
});
