import { test, expect } from './fixtures';

test('the shell shows app information that came from the main side', async ({ app }) => {
  await expect(app.getByText('UPI Inspector').first()).toBeVisible();
  // The version and host badge are only known to the main side: seeing them proves the round trip.
  await expect(app.getByText(/^v\d+\.\d+\.\d+$/)).toBeVisible();
  await expect(app.getByText(/Browser host · linux|Desktop · /)).toBeVisible();
  await expect(app.getByText(/Vault (unlocked|locked)/)).toBeVisible();
});

test('the browser host refuses API calls without the token, from a foreign origin, or for a foreign host', async ({ host, request }) => {
  const call = (headers: Record<string, string>) =>
    request.post(`${host.origin}/api/app:info`, { data: {}, headers });
  expect((await call({})).status()).toBe(403);
  expect((await call({ 'x-upi-inspector-token': host.token, origin: 'http://evil.example' })).status()).toBe(403);
  expect((await call({ 'x-upi-inspector-token': host.token, host: 'evil.example' })).status()).toBe(403);
  const good = await call({ 'x-upi-inspector-token': host.token, origin: host.origin });
  expect(good.status()).toBe(200);
  expect((await good.json()).value.host).toBe('browser');
});
