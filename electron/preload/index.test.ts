import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/channels';
import { createFakeElectron } from '../test/fake-electron';

const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

describe('the preload', () => {
  it('exposes exactly one function per contract channel as window.inspector, and nothing else', async () => {
    await import('./index');
    expect([...fake.calls.exposed.keys()]).toEqual(['inspector']);
    const api = fake.calls.exposed.get('inspector') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) expect(typeof api[channel]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('forwards a call to its own channel only', async () => {
    const api = fake.calls.exposed.get('inspector') as Record<string, (input: unknown) => Promise<unknown>>;
    await api['keys:list']!({});
    expect(fake.calls.invoked).toEqual([{ channel: 'keys:list', input: {} }]);
  });
});
