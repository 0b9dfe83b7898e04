import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { ComposePage, InspectPage, KeysPage, ResponsePage, fixture, type ScreenName } from './kit';

const ARTIFACTS = join(__dirname, 'artifacts');

/**
 * Every screen, with realistic content, in both themes: saved to e2e/artifacts/<screen>-<theme>.png
 * (gitignored) and attached to the report, so a reviewer sees the layout without running the app.
 */
test('every screen in light and dark', async ({ app }, testInfo) => {
  test.slow();
  mkdirSync(ARTIFACTS, { recursive: true });
  const keys = new KeysPage(app);
  await keys.generate({ label: 'stock UAT key', kid: 'uat833359804655bb748702e324111' });

  const compose = new ComposePage(app);
  await compose.open();
  await compose.field('requestId').fill('5f0c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f');
  await compose.fill({ merchantId: 'stock', merchantCustomerId: 'cust-4242', merchantChannelId: 'STOCK_ANDROID' });
  const envelope = JSON.parse(await compose.envelopeJson());
  await compose.preview.getByRole('button', { name: 'Verify', exact: true }).click();
  await expect(compose.verifyResult).toContainText('Valid');

  const response = new ResponsePage(app);
  await response.paste(fixture('linked.json'));
  await expect(response.status).toContainText('LINKED');

  // Inspect shows the commonest mistake: the same request with its signature in standard base64.
  envelope.payload.signature = Buffer.from(envelope.payload.signature, 'base64url').toString('base64');
  const inspect = new InspectPage(app);
  await inspect.open();
  await inspect.paste(JSON.stringify(envelope, null, 2));
  await inspect.expectFinding('signature.standard-base64', /standard base64/);

  await keys.open();
  await keys.card('stock UAT key').getByRole('button', { name: 'Export public key of stock UAT key' }).click();
  await expect(keys.card('stock UAT key').getByRole('region', { name: 'Public key PEM of stock UAT key' })).toContainText('BEGIN PUBLIC KEY');

  const screens: ScreenName[] = ['Compose', 'Response', 'Inspect', 'Keys', 'History'];
  for (const theme of ['light', 'dark'] as const) {
    await compose.shell.setTheme(theme);
    for (const screen of screens) {
      await compose.shell.open(screen);
      await app.locator('.content').evaluate((el) => el.scrollTo(0, 0));
      const path = join(ARTIFACTS, `${screen.toLowerCase()}-${theme}.png`);
      await app.screenshot({ path, animations: 'disabled' });
      await testInfo.attach(`${screen.toLowerCase()}-${theme}`, { path, contentType: 'image/png' });
    }
  }
});
