import { test, expect } from './fixtures';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { ComposePage, parseEnvelope, KeysPage, callMainSide, InspectPage } from './kit';

const KID = 'uat833359804655bb748702e324111';
const CLAIMS = { merchantId: 'stock', merchantCustomerId: 'cust-4242', merchantChannelId: 'STOCK_ANDROID' };

function decodeSegment(segment: string): unknown {
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

/**
 * Put the window on Playwright's clock, starting `minutesAgo` in the past so that after fast-forwarding
 * that far it agrees again with the browser host's real clock. Installed before the app loads (reload).
 */
async function installClock(app: Page, minutesAgo: number): Promise<void> {
  await app.clock.install({ time: Date.now() - minutesAgo * 60_000 });
  await app.reload();
}

const windowNow = (app: Page) => app.evaluate(() => Date.now());
const clipboard = (app: Page) => app.evaluate(() => navigator.clipboard.readText());
const verifies = async (app: Page, text: string) => (await callMainSide<{ valid: boolean }>(app, 'envelope:verify', { text })).valid;

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

    await compose.preview.getByRole('button', { name: 'Verify', exact: true }).click();
    // The same verdict Inspect gives for this envelope.
    await expect(compose.verifyResult).toHaveAttribute('data-tone', 'ok');
    await expect(compose.verifyResult).toContainText('Valid — The signature verifies with "QA signing key"');
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

  test('"now" means now: 16 minutes after signing the badge is red, and every copy is signed afresh', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await installClock(app, 16 + 6);
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    const first = await compose.envelope();
    await expect(compose.status).toHaveAttribute('data-age', 'ok');

    await app.clock.fastForward('11:00');
    await expect(compose.status).toHaveAttribute('data-age', 'warn');
    await expect(compose.status).toHaveText(/^Signed 11 min ago — expires in [34] min \(15-minute limit\)$/);
    await app.clock.fastForward('05:00');
    await expect(compose.status).toHaveAttribute('data-age', 'error');
    await expect(compose.status).toHaveText('Signed 16 min ago — expired (15-minute limit)');

    // Stop the clock a few seconds past its last tick, so the new stamp is known to the millisecond and a
    // badge reading the last tick would say "in 5 s".
    const t = await windowNow(app);
    await app.clock.pauseAt(t + 2_000);
    await app.clock.setSystemTime(t + 7_000);
    await app.keyboard.press('Control+Shift+C');
    await expect(app.getByRole('status').filter({ hasText: 'Envelope JSON copied, signed afresh (the one on screen was 16 min old).' })).toBeVisible();
    const copied = await clipboard(app);
    expect(parseEnvelope(copied)).toEqual({ requestId: first.requestId, claims: { ...first.claims, timestamp: String(t + 7_000) } });
    expect(await verifies(app, copied)).toBe(true);
    // The preview shows what was copied, fresh.
    await expect(compose.status).toHaveText('Signed just now');
    await expect(compose.status).toHaveAttribute('data-age', 'ok');
    expect(await compose.envelopeJson()).toBe(copied);
    await app.clock.resume();

    // The copy buttons and Save do the same once the envelope is over a minute old.
    const handedOut: string[] = [];
    await app.clock.fastForward('02:00');
    await compose.preview.getByRole('button', { name: 'Copy envelope JSON' }).click();
    await expect(compose.preview.getByRole('button', { name: 'Copy envelope JSON' })).toHaveText('Copied ✓');
    handedOut.push(await clipboard(app));
    await app.clock.fastForward('02:00');
    await compose.preview.getByRole('button', { name: 'Copy compact envelope JSON' }).click();
    await expect(compose.preview.getByRole('button', { name: 'Copy compact envelope JSON' })).toHaveText('Copied ✓');
    handedOut.push(await clipboard(app));
    expect(handedOut[1]).not.toContain('\n');
    await app.clock.fastForward('02:00');
    const [download] = await Promise.all([app.waitForEvent('download'), compose.preview.getByRole('button', { name: 'Save envelope JSON as a file' }).click()]);
    expect(download.suggestedFilename()).toBe(`upiGetSessionToken-${first.requestId}.json`);
    handedOut.push(await readFile(await download.path(), 'utf8'));

    let previous = t + 7_000;
    for (const [i, text] of handedOut.entries()) {
      const { requestId, claims } = parseEnvelope(text);
      const stamp = Number(claims.timestamp);
      // Each is stamped after the fast-forward that preceded it: at least two minutes after the one before.
      expect(stamp, `hand-out ${i}`).toBeGreaterThanOrEqual(previous + 2 * 60_000);
      expect({ requestId, claims: { ...claims, timestamp: '' } }).toEqual({ requestId: first.requestId, claims: { ...first.claims, timestamp: '' } });
      expect(await verifies(app, text), `hand-out ${i} verifies`).toBe(true);
      previous = stamp;
    }
    expect(previous).toBeLessThanOrEqual(await windowNow(app));
  });

  test('a pinned timestamp is never signed afresh: 16 minutes on, the badge is red and the copy is the envelope on screen', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await installClock(app, 16);
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    const pinned = String(await windowNow(app));
    await compose.pinTimestamp(pinned);
    await expect(compose.root.getByRole('region', { name: 'Decoded claims' })).toContainText(`"timestamp": "${pinned}"`);
    const onScreen = await compose.envelopeJson();
    await expect(compose.status).toHaveText(/^Pinned timestamp (just now|\d+ s old)$/);

    await app.clock.fastForward('11:00');
    await expect(compose.status).toHaveAttribute('data-age', 'warn');
    await app.clock.fastForward('05:00');
    await expect(compose.status).toHaveAttribute('data-age', 'error');
    await expect(compose.status).toHaveText('Pinned timestamp 16 min old — expired (15-minute limit)');

    await app.keyboard.press('Control+Shift+C');
    await expect(app.getByRole('status').filter({ hasText: 'Envelope JSON copied.' })).toBeVisible();
    expect(await clipboard(app)).toBe(onScreen);
    await compose.preview.getByRole('button', { name: 'Copy envelope JSON' }).click();
    await expect(compose.preview.getByRole('button', { name: 'Copy envelope JSON' })).toHaveText('Copied ✓');
    expect(await clipboard(app)).toBe(onScreen);
    expect(parseEnvelope(onScreen).claims.timestamp).toBe(pinned);
  });

  test('when signing afresh fails (the key is gone), nothing stale is copied and the toast says why', async ({ app, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await installClock(app, 2);
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.envelopeJson();
    // Deleted behind the window's back (another window, the CLI): the preview still shows the old envelope.
    for (const key of await callMainSide<{ id: string }[]>(app, 'keys:list', {})) await callMainSide(app, 'keys:delete', { id: key.id });
    await app.evaluate(() => navigator.clipboard.writeText('what was there before'));

    await app.clock.fastForward('02:00');
    await app.keyboard.press('Control+Shift+C');
    await expect(app.getByRole('status').filter({ hasText: /^Envelope JSON not copied\. The envelope on screen was 2 min old, and signing it afresh failed: / })).toBeVisible();
    expect(await clipboard(app)).toBe('what was there before');
    await expect(compose.preview.getByRole('alert')).toContainText('Could not sign.');
    await expect(compose.envelopeView).toHaveCount(0);
  });
});

test('without a key, Compose says where to get one', async ({ app }) => {
  const compose = new ComposePage(app);
  await compose.open();
  await expect(compose.root.getByText('No private keys in the vault yet.')).toBeVisible();
  await compose.root.getByRole('button', { name: 'Go to Keys' }).click();
  await expect(app.getByRole('main', { name: 'Keys' })).toBeVisible();
});

test('a signing key without a kid: Compose says so, and where in the window to set it', async ({ app }) => {
  await new KeysPage(app).generate({ label: 'key without kid', kid: '' });
  const compose = new ComposePage(app);
  await compose.open();
  await compose.fill(CLAIMS);
  const refusal = compose.preview.getByRole('alert');
  await expect(refusal).toContainText('Could not sign. Key "key without kid" has no kid');
  await expect(refusal).toContainText('Set the kid Juspay issued on the Keys screen (Rename).');
  await expect(refusal).not.toContainText('--kid');
  await expect(refusal).toContainText('(kid_missing)');
});

test.describe('compose, exact bytes (negative tests)', () => {
  test.beforeEach(async ({ app }) => {
    await new KeysPage(app).generate({ label: 'QA signing key', kid: KID });
  });

  /** The envelope Compose signed, pasted into Inspect. */
  async function inspect(app: Page, json: string): Promise<InspectPage> {
    const page = new InspectPage(app);
    await page.open();
    await page.paste(json);
    return page;
  }

  test('a seconds timestamp and untrimmed claims are signed as typed, warned about, and Inspect finds them', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill({ ...CLAIMS, merchantId: ' stock ' });
    await compose.root.getByRole('checkbox', { name: 'Exact bytes (negative tests)' }).check();
    await compose.root.getByRole('radio', { name: 'Pinned' }).check();
    const seconds = String(Math.floor(Date.now() / 1000));
    await compose.field('Pinned timestamp (signed exactly as typed)').fill(seconds);
    // The warning under the field is the inspector's own finding, word for word.
    await expect(compose.root.locator('#compose-timestamp-warning')).toContainText(`timestamp ${seconds} has 10 digits: that is epoch seconds, not milliseconds`);
    await expect(compose.root.locator('#compose-merchantId-warning')).toContainText('spaces');

    const { json, claims } = await compose.envelope();
    expect(claims.timestamp).toBe(seconds);
    expect(claims.merchantId).toBe(' stock ');
    expect(await verifies(app, json)).toBe(true); // signed exactly over those bytes

    const page = await inspect(app, json);
    await page.expectFinding('timestamp.seconds', /epoch seconds, not milliseconds/);
  });

  test('a kid override: signed with one key, another kid in the header, and Inspect says the kid is not the signer’s', async ({ app }) => {
    const compose = new ComposePage(app);
    await compose.open();
    await compose.fill(CLAIMS);
    await compose.root.getByRole('checkbox', { name: 'Exact bytes (negative tests)' }).check();
    await compose.root.getByRole('checkbox', { name: /Put another kid in the header/ }).check();
    await compose.field('Header kid (signed exactly as typed)').fill('uat-not-the-signer');
    await expect(compose.root.locator('#compose-kid-warning')).toContainText('The signature was made with the key "QA signing key" whose kid is');

    const { json } = await compose.envelope();
    const envelope = JSON.parse(json) as { payload: { protected: string } };
    expect(decodeSegment(envelope.payload.protected)).toEqual({ kid: 'uat-not-the-signer', alg: 'RS256' });

    const page = await inspect(app, json);
    await page.expectFinding('header.kid-mismatch', /made with the key "QA signing key" whose kid is "uat833359804655bb748702e324111", but the header says kid "uat-not-the-signer"/);
  });
});
