import { generateKeyPairSync, sign } from 'node:crypto';
import { test, expect } from './fixtures';
import { InspectPage, callMainSide } from './kit';

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
    await expect(inspect.verdict).toHaveAttribute('data-valid', 'false');
    await expect(inspect.verdict).toContainText('Does not verify');
  });

  test('a signature encoded as standard base64', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key, (s) => s.toString('base64')));
    await inspect.expectFinding('signature.standard-base64', /encoded as standard base64/);
    // One root cause, one error: the padding is shown under it, not as a second error.
    await expect(inspect.root.locator('.finding-error')).toHaveCount(1);
    await expect(inspect.root.locator('[data-finding-id="segment.padding"][data-caused-by="signature.standard-base64"]')).toHaveCount(1);
  });

  test('a correct request verifies, and re-signing with the same key gives identical segments', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.pem, kid: KID, label: 'Merchant private key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key));
    await expect(inspect.verdict).toContainText('The signature verifies with "Merchant private key"');
    // That it verifies is a note: folded with the other notes, not a problem to read.
    await expect(inspect.finding('signature.verified')).toContainText(/Merchant private key/);
    await expect(inspect.finding('signature.verified')).toBeHidden();
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
    await expect(inspect.whereFound).toContainText(/Read as a full envelope, found inside other text \(line 1, column \d+\)/);
  });

  test('broken JSON still shows where it breaks and what could be decoded', async ({ app }) => {
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste('{\n  "requestId": "9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f",\n  "payload": {\n    "action": "upiGetSessionToken",,\n');
    await inspect.expectFinding('json.invalid', /line 4/);
  });
});

/** One verdict, two views: what the findings say about the signature, the Signature panel says too. */
test.describe('the findings and the Signature panel agree', () => {
  test('a request inside a logcat line verifies in both', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(`12-01 10:15:02.481  4211  4290 D HyperSDK: process payload ${merchantRequest(key).replace(/\n\s*/g, '')}`);
    await expect(inspect.whereFound).toContainText('logcat threadtime, tag HyperSDK');
    await expect(inspect.verdict).toHaveAttribute('data-valid', 'true');
    await expect(inspect.verdict).toContainText('The signature verifies with "Merchant key"');
    await expect(inspect.keyRow('Merchant key')).toContainText('verifies');
    await expect(inspect.summary).toContainText('No problems found');
    await expect(inspect.finding('signature.verified')).toHaveCount(1);
    await expect(inspect.root.locator('.finding-error, .finding-warning')).toHaveCount(0);
  });

  test('a standard-base64 signature: one error, and the key row says it verifies only as standard base64', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key, (s) => s.toString('base64')));
    await inspect.expectFinding('signature.standard-base64', /it verifies with "Merchant key"/);
    await expect(inspect.verdict).toHaveAttribute('data-valid', 'false');
    await expect(inspect.verdict).toContainText('The signature is right but encoded as standard base64');
    await expect(inspect.keyRow('Merchant key')).toContainText('verifies only if the signature is read as standard base64');
    await expect(inspect.keyRow('Merchant key')).not.toContainText('does not verify');
    await expect(inspect.summary).toContainText('1 error');
  });

  test('two keys under the request kid: a warning naming both thumbprints, never "No problems found"', async ({ app }) => {
    const original = rsaKey();
    const regenerated = rsaKey();
    const a = await callMainSide<{ thumbprint: string }>(app, 'keys:import', { text: original.publicPem, kid: KID, label: 'Original key' });
    const b = await callMainSide<{ thumbprint: string }>(app, 'keys:import', { text: regenerated.publicPem, kid: KID, label: 'Regenerated key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(original));
    const shared = inspect.finding('header.kid-shared');
    await expect(shared).toHaveClass(/finding-warning/);
    await expect(shared).toContainText(a.thumbprint);
    await expect(shared).toContainText(b.thumbprint);
    await expect(shared).toContainText('exactly one public key per kid');
    await expect(inspect.summary).toContainText('1 warning');
    await expect(inspect.summary).not.toContainText('No problems found');
    await expect(inspect.root.getByText('No problems found')).toHaveCount(0);
    await expect(inspect.verdict).toHaveAttribute('data-tone', 'warn');
    await expect(inspect.keyRow('Original key')).toContainText('verifies');
    await expect(inspect.keyRow('Regenerated key')).toContainText('does not verify');
    // The finding says which of the two verifies, as the table does.
    await expect(shared).toContainText(/"Original key".*verifies this request/);
    await expect(shared).toContainText(/"Regenerated key".*does not verify it/);
  });

  test('every way a user pastes the same request gets the same verdict', async ({ app }) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const env = JSON.parse(merchantRequest(key)) as { payload: Record<string, string> };
    const { protected: p, signaturePayload: c, signature: s } = env.payload;
    const inspect = new InspectPage(app);
    await inspect.open();
    const shapes: Array<[string, string]> = [
      ['three plain lines', `${p}\n${c}\n${s}`],
      ['name=value pairs', `protected=${p}, signaturePayload=${c}, signature=${s}`],
      ['compact JWS', `${p}.${c}.${s}`],
      ['escaped JSON string in a wrapper', JSON.stringify({ ticket: 'T-1042', body: JSON.stringify(env) })],
      ['escaped in a log line', `I/MerchantApp( 812): payload="${JSON.stringify(env).replace(/"/g, '\\"')}"`],
    ];
    for (const [name, text] of shapes) {
      await inspect.paste(text);
      await expect(inspect.verdict, name).toHaveAttribute('data-valid', 'true');
      await expect(inspect.keyRow('Merchant key'), name).toContainText('verifies');
    }
  });
});
