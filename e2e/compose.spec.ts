import { test, expect } from './fixtures';
import { ComposePage } from './pages/compose';
import { KeysPage } from './pages/keys';

const KID = 'uat833359804655bb748702e324111';
const CLAIMS = { merchantId: 'stock', merchantCustomerId: 'cust-4242', merchantChannelId: 'STOCK_ANDROID' };

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

test.describe('compose', () => {
  test.beforeEach(async ({ app }) => {
    await new KeysPage(app).generate({ label: 'QA signing key', kid: KID });
  });

  test('a filled form is signed live with the vault key and verifies on the main side', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    // The only private key is chosen for the user, and its kid goes into the header.
    await expect(compose.field('Signing key')).toHaveValue(/.+/);
    await expect(compose.root.getByText(`{"kid":"${KID}","alg":"RS256"}`)).toBeVisible();
    await expect(compose.preview.getByText('Not signed yet — the form needs:')).toBeVisible();
    await compose.fill(CLAIMS);

    const json = await compose.envelopeJson();
    const envelope = JSON.parse(json) as { requestId: string; service: string; payload: Record<string, string> };
    expect(envelope.service).toBe('in.juspay.hyperapi');
    expect(envelope.requestId).toBe(await compose.field('requestId').inputValue());
    expect(envelope.payload.action).toBe('upiGetSessionToken');
    expect(decodeSegment(envelope.payload.protected!)).toEqual({ kid: KID, alg: 'RS256' });
    const claims = decodeSegment(envelope.payload.signaturePayload!) as Record<string, string>;
    expect(claims).toMatchObject(CLAIMS);
    expect(claims.timestamp).toMatch(/^\d{13}$/);
    // Every part the preview shows agrees with the envelope.
    await expect(compose.root.getByRole('region', { name: 'Signing input' })).toHaveText(`${envelope.payload.protected}.${envelope.payload.signaturePayload}`);
    await expect(compose.root.getByRole('region', { name: 'Signature' })).toHaveText(envelope.payload.signature!);
    await expect(compose.root.getByRole('region', { name: 'Decoded claims' })).toContainText('"merchantChannelId": "STOCK_ANDROID"');
    await expect(compose.preview.getByRole('group', { name: 'Key QA signing key' })).toContainText('RS256 · 2048 bit');

    await compose.preview.getByRole('button', { name: 'Verify on main side' }).click();
    await expect(compose.verifyResult).toContainText('Valid');
    await expect(compose.verifyResult).toContainText('verified on the main side by “QA signing key”');
    await expect(compose.verifyResult).toContainText(KID);
  });

  test('a pinned timestamp and requestId give the same envelope, byte for byte', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.field('requestId').fill('0cdd0a47-cc0a-439c-90af-0a7f59eef8a2');
    await compose.pinTimestamp('1668389349848');
    await compose.fill(CLAIMS);
    const first = await compose.envelopeJson();
    expect(first).toContain('"requestId": "0cdd0a47-cc0a-439c-90af-0a7f59eef8a2"');

    await compose.fill({ merchantCustomerId: 'someone-else' });
    await expect(compose.envelopeView).not.toHaveText(first);
    const other = await compose.envelopeJson();
    expect(other).not.toEqual(first);

    await compose.fill({ merchantCustomerId: CLAIMS.merchantCustomerId });
    await expect(compose.envelopeView).toHaveText(first);
    expect(await compose.envelopeJson()).toEqual(first);
  });

  test('each field says which rule it breaks, and the preview lists what is missing', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.envelopeJson();

    await compose.field('requestId').fill('abcd-12345-abcd-12345');
    await expect(compose.root.getByText(/requestId must be a uuid v4/).first()).toBeVisible();
    await expect(compose.field('requestId')).toHaveAttribute('aria-invalid', 'true');
    await expect(compose.preview.getByText('Not signed yet — the form needs:')).toBeVisible();
    await expect(compose.envelopeView).toHaveCount(0);
    await compose.root.getByRole('button', { name: 'Generate a new requestId (uuid v4)' }).click();
    await expect(compose.field('requestId')).toHaveValue(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(compose.field('requestId')).not.toHaveAttribute('aria-invalid', 'true');

    await compose.fill({ merchantId: '' });
    await compose.field('merchantId').blur();
    await expect(compose.root.getByText('merchantId is required: type the value Juspay issued for this merchant.').first()).toBeVisible();
    await compose.fill({ merchantId: CLAIMS.merchantId });

    // Seconds instead of milliseconds: the rule says why, and a button fixes it.
    await compose.pinTimestamp('1668389349');
    await expect(compose.root.getByText(/13-digit string.*seconds have 10 digits/).first()).toBeVisible();
    await compose.root.getByRole('button', { name: 'Convert seconds to milliseconds' }).click();
    await expect(compose.field('Pinned timestamp (epoch ms)')).toHaveValue('1668389349000');

    // A changed service is allowed but warned about.
    await compose.field('service').fill('in.juspay.ec');
    await expect(compose.root.getByText(/in\.juspay\.ec belongs to a sibling product/)).toBeVisible();
    await compose.root.getByRole('button', { name: 'Reset service to in.juspay.hyperapi' }).click();
    await expect(compose.field('service')).toHaveValue('in.juspay.hyperapi');
  });

  test('a pinned timestamp shows its time and age, and warns once it is past 15 minutes', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.pinTimestamp(String(Date.now() - 3 * 60_000 - 10_000));
    await expect(compose.root.getByTestId('timestamp-age')).toHaveText('3 min ago');
    await expect(compose.root.getByText(/older than the 15-minute expiry/)).toHaveCount(0);
    await compose.field('Pinned timestamp (epoch ms)').fill(String(Date.now() - 20 * 60_000));
    await expect(compose.root.getByTestId('timestamp-age')).toHaveText('20 min ago');
    await expect(compose.root.getByText(/older than the 15-minute expiry, so Juspay will reject it/)).toBeVisible();
    // Still signed: an old request is worth building to reproduce REQUEST_EXPIRED.
    await compose.envelopeJson();
  });

  test('the form survives a reload', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.pinTimestamp('1668389349848');
    const requestId = await compose.field('requestId').inputValue();
    await compose.envelopeJson();
    await app.reload();
    await expect(compose.field('merchantChannelId')).toHaveValue(CLAIMS.merchantChannelId);
    await expect(compose.field('requestId')).toHaveValue(requestId);
    await expect(compose.field('Pinned timestamp (epoch ms)')).toHaveValue('1668389349848');
    await expect(compose.envelopeView).toContainText('"requestId": "' + requestId + '"');
  });

  test('keyboard: Ctrl+Enter signs and verifies, Ctrl+Shift+C copies the envelope', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.field('merchantId').press('Control+Enter');
    await expect(compose.verifyResult).toContainText('Valid');
    const json = await compose.envelopeJson();
    await app.keyboard.press('Control+Shift+C');
    await expect(app.getByRole('status').filter({ hasText: 'Envelope JSON copied.' })).toBeVisible();
    expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(json);
  });
});

test('without a key, Compose says where to get one', async ({ app }) => {
  const compose = new ComposePage(app);
  await compose.open();
  await expect(compose.root.getByText('No private keys in the vault yet.')).toBeVisible();
  await compose.root.getByRole('button', { name: 'Go to Keys' }).click();
  await expect(app.getByRole('main', { name: 'Keys' })).toBeVisible();
});
