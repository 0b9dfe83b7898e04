import { generateKeyPairSync, sign } from 'node:crypto';
import { test, expect } from './fixtures';
import { InspectPage } from './pages/inspect';
import { callMainSide } from './pages/main-side';

const KID = 'uat833359804655bb748702e324111';
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function rsaKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, pem: String(privateKey.export({ type: 'pkcs8', format: 'pem' })), publicPem: String(publicKey.export({ type: 'spki', format: 'pem' })) };
}

/** A request as a merchant's app builds it, signed with `key`; `encode` chooses the signature's encoding. */
function merchantRequest(key: ReturnType<typeof rsaKey>, encode: (sig: Buffer) => string = (s) => s.toString('base64url')): string {
  const protectedSegment = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
  const claims = b64url(JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(Date.now()) }));
  const signature = sign('sha256', Buffer.from(`${protectedSegment}.${claims}`), key.privateKey);
  return JSON.stringify(
    {
      requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
      service: 'in.juspay.hyperapi',
      payload: { action: 'upiGetSessionToken', protected: protectedSegment, signaturePayload: claims, signature: encode(signature) },
    },
    null,
    2,
  );
}

test.describe('Inspect explains why a request fails', () => {
  test('a request signed with another key than the one registered for its kid', async ({ app }) => {
    const registered = rsaKey();
    const usedByTheApp = rsaKey();
    await callMainSide(app, 'keys:import', { text: registered.publicPem, kid: KID, label: 'Registered with Juspay' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(usedByTheApp));
    await inspect.expectFinding('signature.invalid', /Registered with Juspay/);
    await inspect.expectFinding('signature.invalid', /kid "?uat833359804655bb748702e324111"? is among them, so the signature was made with another private key/);
    await expect(inspect.root.getByRole('table', { name: 'Keys tried' })).toContainText('does not verify');
    await expect(inspect.root.getByText('Not verified')).toBeVisible();
  });

  test('a signature encoded as standard base64', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key, (s) => s.toString('base64')));
    await inspect.expectFinding('signature.standard-base64', /encoded as standard base64/);
    await inspect.expectFinding('segment.padding', /payload\.signature/);
  });

  test('a correct request verifies, and re-signing with the same key gives identical segments', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.pem, kid: KID, label: 'Merchant private key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key));
    await inspect.expectFinding('signature.verified', /Merchant private key/);
    await expect(inspect.root.locator('.finding-error')).toHaveCount(0);
    await inspect.root.getByRole('combobox', { name: 'Key to re-sign with' }).selectOption({ label: `Merchant private key — ${KID} (2048 bits)` });
    await inspect.root.getByRole('button', { name: 'Re-sign' }).click();
    for (const name of ['protected', 'signaturePayload', 'signature']) {
      await expect(inspect.root.getByRole('group', { name: `Segment ${name}`, exact: true })).toContainText('identical');
    }
  });

  test('a request inside a log line is found and said to be there', async ({ app }) => {
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(`11-25 12:00:01.123 D/HyperSDK: process payload ${merchantRequest(rsaKey()).replace(/\n\s*/g, '')}`);
    await expect(inspect.root.getByText(/Read as a full envelope found inside a log line \(line 1, column \d+\)/)).toBeVisible();
  });

  test('broken JSON still shows where it breaks and what could be decoded', async ({ app }) => {
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste('{\n  "requestId": "9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f",\n  "payload": {\n    "action": "upiGetSessionToken",,\n');
    await inspect.expectFinding('json.invalid', /line 4/);
  });
});
