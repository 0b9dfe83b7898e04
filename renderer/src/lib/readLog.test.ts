import { describe, expect, it } from 'vitest';
import { sessionFamilies } from '../../../shared/__fixtures__/session-cases';
import { InspectorError } from '../../../shared/result';
import { readLogFile, readLogText } from './readLog';

// Two calls (request and response each), then a request cut off: pretty JSON that never closes.
const cutOff = (await sessionFamilies()).find((c) => c.id === 'session.unclosed')!.raises;
const log = { lines: cutOff, text: `${cutOff.join('\n')}\n`, expected: { requests: 2, responses: 2, unclosed: 1 } };

describe('reading a log in the window', () => {
  it('streams a File through the finder, with progress up to its size', async () => {
    const file = new File([log.text], 'session.log', { type: 'text/plain' });
    const progress: Array<[number, number]> = [];
    const read = await readLogFile(file, (bytes, total) => progress.push([bytes, total]));
    expect(read.items.filter((i) => i.kind === 'candidate')).toHaveLength(log.expected.requests + log.expected.responses);
    expect(read.items.filter((i) => i.kind === 'unclosed')).toHaveLength(log.expected.unclosed);
    expect(read.lines).toBe(log.lines.length);
    expect(progress.at(-1)).toEqual([file.size, file.size]);
    expect(read.notes).toEqual([]);
  });

  it('refuses a binary file with the words the screen shows', async () => {
    const file = new File([new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0])], 'logcat.txt.gz');
    await expect(readLogFile(file, () => undefined)).rejects.toBeInstanceOf(InspectorError);
    await expect(readLogFile(file, () => undefined)).rejects.toMatchObject({ code: 'log_not_text', message: 'logcat.txt.gz cannot be read as a log: it is a gzip archive, not a text log.' });
  });

  it('a paste reads the same items, and a paste without a final line break is not called cut off', () => {
    const read = readLogText(log.text.trimEnd());
    expect(read.items.filter((i) => i.kind === 'candidate')).toHaveLength(log.expected.requests + log.expected.responses);
    expect(read.notes).toEqual([]);
  });
});
