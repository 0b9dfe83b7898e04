import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listenRemembering, PORT_FILE, rememberedPort } from './port-memory';

const options = { rendererDir: mkdtempSync(join(tmpdir(), 'upi-port-r-')), dispatch: async () => ({ ok: true as const, value: null }) };
const freshDataDir = () => mkdtempSync(join(tmpdir(), 'upi-port-'));

describe('the browser host keeps its port between launches', () => {
  it('listens again on the port of the last launch, so the page keeps its origin', async () => {
    const dataDir = freshDataDir();
    const first = await listenRemembering(null, dataDir, options);
    await first.close();
    expect(await rememberedPort(dataDir)).toBe(first.port);
    const second = await listenRemembering(null, dataDir, options);
    await second.close();
    expect(second.port).toBe(first.port);
  });

  it('takes any free port when the last one is taken, and remembers that one', async () => {
    const dataDir = freshDataDir();
    const squatter = createServer();
    await new Promise<void>((done) => squatter.listen(0, '127.0.0.1', done));
    const taken = (squatter.address() as { port: number }).port;
    writeFileSync(join(dataDir, PORT_FILE), `${taken}\n`);
    const host = await listenRemembering(null, dataDir, options);
    await host.close();
    squatter.close();
    expect(host.port).not.toBe(taken);
    expect(await rememberedPort(dataDir)).toBe(host.port);
  });

  it('uses the port it is told (0: any free one) and leaves the remembered one alone', async () => {
    const dataDir = freshDataDir();
    writeFileSync(join(dataDir, PORT_FILE), '1\n');
    const host = await listenRemembering(0, dataDir, options);
    await host.close();
    expect(host.port).toBeGreaterThan(1);
    expect(readFileSync(join(dataDir, PORT_FILE), 'utf8')).toBe('1\n');
  });

  it('ignores a port file that does not hold a port', async () => {
    const dataDir = freshDataDir();
    for (const text of ['', 'eighty', '0', '70000', '80 81', '-1']) {
      writeFileSync(join(dataDir, PORT_FILE), text);
      expect(await rememberedPort(dataDir), text).toBeNull();
    }
  });
});
