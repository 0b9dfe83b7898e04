import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLog, mixedPlan } from '../electron/core/__fixtures__/logcat';
import { startBrowserHost, stopBrowserHost, test, expect } from './fixtures';
import { CaseBar, HistoryPage, InspectPage, callMainSide, fixture, ResponsePage, TimelinePage } from './kit';

const KID = 'uat833359804655bb748702e324111';
const REQUEST_ID = '5f0c2b7e-1a2b-4c3d-8e9f-0a1b2c3d4e5f'; // the requestId of fixtures/linked.json
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

function rsaKey() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicPem: String(publicKey.export({ type: 'spki', format: 'pem' })) };
}

function merchantRequest(key: ReturnType<typeof rsaKey>): string {
  const p = b64url(JSON.stringify({ kid: KID, alg: 'RS256' }));
  const c = b64url(JSON.stringify({ merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'stockapp', timestamp: String(Date.now()) }));
  const signature = sign('sha256', Buffer.from(`${p}.${c}`), key.privateKey).toString('base64url');
  return JSON.stringify({ requestId: REQUEST_ID, service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: p, signaturePayload: c, signature } }, null, 2);
}

/** A response with a full mobile number, as some SDK builds log it. */
const response = fixture('linked.json').replace('"XXXXXX3210"', '"919876543210"');
const folder = mkdtempSync(join(tmpdir(), 'upi-e2e-cases-'));
test.afterAll(() => rmSync(folder, { recursive: true, force: true }));

test.describe('case files', () => {
  test('exported from Inspect with its response linked, opened in a fresh window: the same verdict', async ({ app, browser }, testInfo) => {
    const key = rsaKey();
    await callMainSide(app, 'keys:import', { text: key.publicPem, kid: KID, label: 'Merchant key' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(key));
    await expect(inspect.verdict).toContainText('The signature verifies with "Merchant key"');
    const headline = (await inspect.verdict.textContent())!;
    await new ResponsePage(app).paste(response);
    await inspect.open();

    const bar = new CaseBar(app, 'Inspect');
    await bar.openExport();
    await expect(bar.dialog.getByRole('list', { name: 'What the case holds' })).toContainText('The response on the Response screen, linked to that request, with its findings.');
    await bar.dialog.getByRole('textbox', { name: 'Case note' }).fill('Merchant reports JP_001 since Monday');
    const path = join(folder, `inspect-${testInfo.workerIndex}.upicase.json`);
    const { download, text } = await bar.save('Save case file', path);
    expect(download.suggestedFilename()).toBe(`case-${REQUEST_ID}-${new Date().toISOString().slice(0, 10)}.upicase.json`);
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'upi-inspector.case', version: 1, note: 'Merchant reports JP_001 since Monday', masking: { mode: 'masked', signatureCheckable: true } });
    expect(text).not.toContain('919876543210');
    expect(text).not.toContain('asha.k@axb');
    expect(file.masking.masked).toContainEqual({ path: 'response.payload.customerMobileNumber', rule: 'mobile-number' });
    await bar.dialog.getByRole('button', { name: 'Close' }).click();

    // A fresh window on a fresh data directory: no keys, no history, nothing of the first.
    const { host, child } = await startBrowserHost({});
    const page = await browser.newPage();
    try {
      await page.goto(host.url);
      const history = new HistoryPage(page);
      await history.open();
      await new CaseBar(page, 'History').openCase(path);
      const opened = new InspectPage(page);
      await expect(page.getByRole('main', { name: 'Inspect' })).toBeVisible();
      await expect(opened.verdict).toHaveText(headline);
      await expect(opened.verdict).toHaveAttribute('data-valid', 'true');
      await expect(opened.root.getByRole('status', { name: 'Opened case' })).toContainText(`Verdict as recorded in the case inspect-${testInfo.workerIndex}.upicase.json`);
      await expect(opened.keyRow('Merchant key')).toContainText('verifies');
      // The response came with it, linked to that request: compared, and it matches.
      const responsePage = new ResponsePage(page);
      await responsePage.open();
      await expect(responsePage.status).toContainText('LINKED');
      await expect(responsePage.root.locator('[data-finding-id="response.request-id-mismatch"]')).toHaveCount(0);
      await expect(responsePage.root).toContainText('XXXXXXXXXX10');
      // Verified again only when asked: this window holds no key, so now it cannot verify.
      await opened.open();
      await opened.root.page().getByRole('button', { name: 'Verify again here' }).click();
      await expect(opened.verdict).toHaveAttribute('data-valid', 'null');
      await expect(opened.root.getByRole('status', { name: 'Opened case' })).toHaveCount(0);
    } finally {
      await page.close();
      await stopBrowserHost(child);
      rmSync(host.dataDir, { recursive: true, force: true });
    }
  });

  test('the HTML report, saved and opened: the root cause and the fix, styled under its own CSP', async ({ app }, testInfo) => {
    await callMainSide(app, 'keys:import', { text: rsaKey().publicPem, kid: KID, label: 'Registered with Juspay' });
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.paste(merchantRequest(rsaKey()));
    await expect(inspect.verdict).toHaveAttribute('data-valid', 'false');
    const bar = new CaseBar(app, 'Inspect');
    await bar.openExport();
    const report = bar.dialog.getByRole('region', { name: 'Report for the merchant' });
    await expect(report.getByLabel('Report preview')).toContainText('## What is wrong');
    await expect(report.getByLabel('Report preview')).toContainText('### Server · Node (node:crypto)');
    await report.getByRole('checkbox', { name: 'Server · Python (cryptography)' }).check();
    await expect(report.getByLabel('Report preview')).toContainText('### Server · Python (cryptography)');
    const path = join(folder, `report-${testInfo.workerIndex}.html`);
    const { download } = await bar.save('Save HTML', path);
    expect(download.suggestedFilename()).toMatch(/^case-.*\.report\.html$/);

    const violations: string[] = [];
    app.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await app.goto(`file://${path}`);
    await expect(app.getByRole('heading', { level: 1 })).toHaveText('Why your upiGetSessionToken call fails');
    await expect(app.locator('#root-cause')).toHaveText(/^The signature on your request does not verify: it was not made with the private key that belongs to the public key Juspay holds for kid uat833359804655bb748702e324111/);
    await expect(app.locator('#the-fix')).toContainText('Sign the ASCII string protected + "." + signaturePayload');
    await expect(app.getByRole('heading', { name: 'Server · Python (cryptography)' })).toBeVisible();
    // The stylesheet applied: its hash is what the page's CSP allows.
    expect(await app.locator('#root-cause').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('600');
    expect(violations).toEqual([]);
    expect(readFileSync(path, 'utf8')).not.toMatch(/<script/i);
  });

  test('a log session: saved to History one call at a time, exported as a case, pasted back in', async ({ app }, testInfo) => {
    const log = makeLog(mixedPlan());
    await callMainSide(app, 'keys:import', { text: log.publicKeyPem, kid: log.kid, label: 'Registered with Juspay' });
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.drop('merchant-session.log', log.text);
    await expect(timeline.counts).toContainText(`${log.expected.requests} requests`);

    const bar = new CaseBar(app, 'Log');
    await bar.bar.getByRole('button', { name: 'Save to History' }).click();
    await expect(app.getByRole('status').filter({ hasText: 'Saved to History' })).toContainText(`${log.expected.requests} requests, ${log.expected.responses} responses`);
    const history = new HistoryPage(app);
    await history.open();
    await expect(history.root.getByLabel('Entries matching')).toHaveText(`${log.expected.requests + log.expected.responses} entries`);

    await timeline.open();
    await bar.openExport();
    await expect(bar.dialog.getByRole('list', { name: 'What the case holds' })).toContainText('The log merchant-session.log');
    const path = join(folder, `log-${testInfo.workerIndex}.upicase.json`);
    const { text } = await bar.save('Save case file', path);
    const file = JSON.parse(text);
    expect(file.session.log.calls).toHaveLength(log.expected.requests + log.expected.responseOnly);
    await bar.dialog.getByRole('button', { name: 'Close' }).click();

    // Pasted into the Inspect box, a case opens as a case: the session comes back on the Log screen.
    const inspect = new InspectPage(app);
    await inspect.open();
    await inspect.root.getByRole('textbox', { name: 'Request to inspect' }).focus();
    await inspect.root.getByRole('textbox', { name: 'Request to inspect' }).evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect(app.getByRole('main', { name: 'Log' })).toBeVisible();
    await expect(timeline.root.getByLabel('Log source')).toContainText('merchant-session.log (from Pasted case)');
    await expect(timeline.counts).toContainText(`${log.expected.requests} requests`);
  });

  test('a damaged case file is refused, naming the field', async ({ app }) => {
    const path = join(folder, 'damaged.upicase.json');
    writeFileSync(path, JSON.stringify({ format: 'upi-inspector.case', version: 1, createdAt: 'Monday' }));
    const bar = new CaseBar(app, 'History');
    await new HistoryPage(app).open();
    await bar.openCase(path);
    await expect(app.getByRole('alert').filter({ hasText: 'damaged.upicase.json' })).toContainText(/is refused: .*Fix the field named/);
  });
});
