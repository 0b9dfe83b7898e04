import type { Page } from '@playwright/test';

/**
 * Calls a channel the way the window does (preload bridge in Electron, the token-carrying HTTP client
 * in the browser host), to set up state a spec is not about — e.g. seed the vault with a key.
 */
export async function callMainSide<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ channel, input }) => {
      const bridge = (window as unknown as { inspector?: Record<string, (i: unknown) => Promise<unknown>> }).inspector;
      if (bridge) return bridge[channel]!(input);
      const token = sessionStorage.getItem('upi-inspector.token') ?? '';
      const reply = await fetch(`/api/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-upi-inspector-token': token },
        body: JSON.stringify(input),
      });
      return reply.json();
    },
    { channel, input },
  );
  const r = result as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!r.ok) throw new Error(`${channel} failed: ${r.error?.code}: ${r.error?.message}`);
  return r.value as T;
}
