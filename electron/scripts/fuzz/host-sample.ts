/**
 * The browser host, in-process, for the fuzzer's sample of HTTP calls: the same server, token checks,
 * body intake and dispatch a window meets. A 5xx, or an answer that is not a Result, is a finding.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../core';
import { openVault } from '../../core/vault/open';
import { startHost, TOKEN_HEADER, type RunningHost } from '../../host/server';

export interface HostAnswer {
  status: number;
  /** Why the answer is a finding, if it is one. */
  problem?: string;
}

export interface SampleHost {
  call(channel: string, body: unknown): Promise<HostAnswer>;
  close(): Promise<void>;
}

export async function startSampleHost(): Promise<SampleHost> {
  const rendererDir = mkdtempSync(join(tmpdir(), 'upi-fuzz-host-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>fuzz</title>');
  const core = createCore({ host: 'browser', version: 'fuzz', vault: await openVault({ mode: 'session' }) });
  const token = 'fuzz-token';
  const host: RunningHost = await startHost({ port: 0, rendererDir, token, dispatch: (channel, input) => core.dispatch(channel as never, input) });
  return {
    async call(channel, body) {
      let response: Response;
      try {
        response = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
          body: JSON.stringify(body),
        });
      } catch (e) {
        return { status: 0, problem: `the host did not answer: ${e instanceof Error ? e.message : String(e)}` };
      }
      const text = await response.text();
      if (response.status >= 500) return { status: response.status, problem: `answered ${response.status}: ${text.slice(0, 300)}` };
      try {
        const result = JSON.parse(text) as { ok?: unknown };
        if (typeof result.ok !== 'boolean') return { status: response.status, problem: `answered ${response.status} without a Result: ${text.slice(0, 300)}` };
      } catch {
        return { status: response.status, problem: `answered ${response.status} with a body that is not JSON: ${text.slice(0, 300)}` };
      }
      return { status: response.status };
    },
    close: async () => {
      await host.close();
      await core.close();
    },
  };
}
