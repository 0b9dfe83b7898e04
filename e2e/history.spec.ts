import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { expect, startBrowserHost, stopBrowserHost, test } from './fixtures';
import { ComposePage, HistoryPage, InspectPage, KeysPage, fixture, ResponsePage } from './kit';

const KID = 'uat-history-e2e-kid';
const CLAIMS = { merchantId: 'stock', merchantCustomerId: 'cust-7001', merchantChannelId: 'STOCK_ANDROID' };

test.describe('history', () => {
  test.skip(({ hostKind }) => hostKind !== 'web', 'restarting the host on the same data directory is a browser-host scenario');

  const hosts: ChildProcess[] = [];
  let dataDir: string | undefined;
  test.afterEach(async () => {
    for (const child of hosts.splice(0)) await stopBrowserHost(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('a sign survives a restart of the browser host: found in History by requestId, reopened into Compose as it was', async ({ page }) => {
    const first = await startBrowserHost({});
    hosts.push(first.child);
    dataDir = first.host.dataDir;
    await page.goto(first.host.url);
    await new KeysPage(page).generate({ label: 'History key', kid: KID });
    const compose = new ComposePage(page);
    await compose.open();
    await compose.fill(CLAIMS);
    // Pinned: the Compose form is kept in the settings and signed again when the next window opens, and
    // with the same timestamp that signature is the same envelope (a "now" one would replace the entry).
    const pinned = String(Date.now());
    await compose.pinTimestamp(pinned);
    await expect.poll(async () => (await compose.envelope()).claims.timestamp).toBe(pinned);
    const signed = await compose.envelope();

    await stopBrowserHost(first.child);
    const second = await startBrowserHost({}, dataDir);
    hosts.push(second.child);
    // A new port is a new origin: what comes along is the data directory (history, settings).
    await page.goto(second.host.url);

    const history = new HistoryPage(page);
    await history.find('Sign', signed.requestId);
    await expect(history.entries).toHaveCount(1);
    await expect(history.detail).toContainText(`merchantId${CLAIMS.merchantId}`);
    await expect(history.detail.getByLabel('Entry text')).toContainText(signed.requestId);

    await history.detail.getByRole('button', { name: 'Reopen in Compose' }).click();
    await expect(page.getByRole('main', { name: 'Compose' })).toBeVisible();
    await expect(compose.field('requestId')).toHaveValue(signed.requestId);
    await expect(compose.field('merchantCustomerId')).toHaveValue(CLAIMS.merchantCustomerId);
    await expect(compose.field('Pinned timestamp (epoch ms)')).toHaveValue(signed.claims.timestamp!);
    // Same fields, same timestamp, same key: the very envelope that was signed before the restart.
    expect((await compose.envelope()).json).toBe(signed.json);
  });

  test('an inspection and its response are one pair; reopening puts the request back with its reference time; delete one, delete all', async ({ page }) => {
    const host = await startBrowserHost({});
    hosts.push(host.child);
    dataDir = host.host.dataDir;
    await page.goto(host.host.url);
    const request = fixture('inspected-request.json');
    const requestId = (JSON.parse(request) as { requestId: string }).requestId;
    const inspect = new InspectPage(page);
    await inspect.open();
    await inspect.paste(request);
    await expect(inspect.verdict).toBeVisible();
    const response = new ResponsePage(page);
    await response.paste(JSON.stringify({ ...(JSON.parse(fixture('failure.json')) as object), requestId }));
    await expect(response.root.getByLabel('Response source')).toContainText('Pasted');

    const history = new HistoryPage(page);
    await history.open();
    await history.search.fill(requestId);
    await expect(history.entries).toHaveCount(2);
    await expect(history.row('Inspect', requestId)).toBeVisible();
    await expect(history.row('Response', requestId)).toBeVisible();
    await history.row('Response', requestId).click();
    const pair = history.detail.getByRole('region', { name: 'Paired entry' });
    await expect(pair).toContainText('The request it answers');
    await pair.getByRole('button', { name: 'Show the request it answers (inspect)' }).click();
    await expect(history.detail.getByRole('heading', { name: 'Inspect' })).toBeVisible();
    await expect(history.detail.getByRole('region', { name: 'Paired entry' })).toContainText('Its response');

    await history.detail.getByRole('button', { name: 'Reopen in Inspect' }).click();
    await expect(page.getByRole('main', { name: 'Inspect' })).toBeVisible();
    await expect(inspect.root.getByRole('textbox', { name: 'Request to inspect' })).toHaveValue(request);
    await expect(inspect.root.getByRole('radio', { name: /^Pinned/ })).toBeChecked();
    await expect(inspect.verdict).toBeVisible();

    await history.open();
    await history.row('Response', requestId).click();
    await history.detail.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete this history entry?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(history.entries).toHaveCount(1);
    await history.root.getByRole('button', { name: 'Delete all…' }).click();
    await page.getByRole('dialog', { name: 'Delete the whole history?' }).getByRole('button', { name: 'Delete all' }).click();
    await expect(history.root.getByText(/No entries match/)).toBeVisible();
    await history.search.fill('');
    await expect(history.root.getByLabel('Entries matching')).toHaveText('0 entries');
  });
});
