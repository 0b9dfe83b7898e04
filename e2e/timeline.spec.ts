import { fakeAdb, noAdbEnv } from '../electron/core/__fixtures__/fake-adb';
import { makeLog, mixedPlan, writeLargeLog, ZONE_MS } from '../electron/core/__fixtures__/logcat';
import { test, expect } from './fixtures';
import { InspectPage, callMainSide, ResponsePage, TimelinePage } from './kit';

const log = makeLog(mixedPlan());
const e = log.expected;
/** The requestIds the generator gives: call n (1-based) of the plan. */
const requestIdOf = (n: number) => `${n.toString(16).padStart(8, '0')}-7e57-4a11-8b0c-${(0x1000_0000_0000 + n).toString(16).slice(-12)}`;
/** The epoch ms of a logcat time in the generated log (June 2026, device zone UTC+05:30). */
function loggedAt(line: string): number {
  const [, mo, d, h, mi, s, ms] = /^(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line)!.map(Number);
  return Date.UTC(2026, mo! - 1, d, h, mi, s, ms) - ZONE_MS;
}

test.describe('the Log screen reads a whole session', () => {
  test('a dropped log: counts, verdicts, findings; a row opens in Inspect and Response, paired', async ({ app }) => {
    await callMainSide(app, 'keys:import', { text: log.publicKeyPem, kid: log.kid, label: 'Registered with Juspay' });
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.drop('merchant-session.log', log.text);

    await expect(timeline.counts).toContainText(`${e.requests} requests`);
    await expect(timeline.counts).toContainText(`${e.responses} responses`);
    await expect(timeline.counts).toContainText(`${e.paired} paired`);
    await expect(timeline.counts).toContainText(`${e.requestOnly + e.responseOnly} unpaired`);
    await expect(timeline.counts).toContainText('2 error verdicts');
    await expect(timeline.root.getByLabel('Log source')).toContainText(`merchant-session.log · ${log.lines.length} lines`);
    await expect(timeline.rows).toHaveCount(e.requests + e.responseOnly);
    await expect(timeline.findings.and(app.locator('[data-finding-id="session.clock-skew"]'))).toContainText('2 minutes ahead');

    // Call 5 was signed with a key Juspay does not hold.
    const forged = timeline.row(requestIdOf(5));
    await expect(await timeline.cell(forged, 'Verdict')).toHaveText('signature.invalid');
    const first = timeline.row(requestIdOf(1));
    await expect(await timeline.cell(first, 'Verdict')).toHaveText('valid');
    await expect(await timeline.cell(first, 'Status')).toHaveText('LINKED');
    await expect(await timeline.cell(first, 'Clock skew')).toHaveText('device 2 minutes ahead');

    await timeline.root.getByRole('combobox', { name: 'Filter by verdict' }).selectOption({ label: 'Invalid or error' });
    await expect(timeline.rows).toHaveCount(2);
    await timeline.root.getByRole('combobox', { name: 'Filter by verdict' }).selectOption({ label: 'Any verdict' });
    await timeline.root.getByRole('combobox', { name: 'Filter by tag' }).selectOption('MerchantApp');
    await expect(timeline.rows).toHaveCount(1);
    await timeline.root.getByRole('combobox', { name: 'Filter by tag' }).selectOption({ label: 'Any tag' });

    // Open the first call: its request in Inspect, judged at its log time; its response in Response, linked.
    await first.click();
    const inspect = new InspectPage(app);
    await expect(app.getByRole('main', { name: 'Inspect' })).toBeVisible();
    const requestLine = log.lines.find((l) => l.includes(requestIdOf(1)))!;
    await expect(inspect.root.getByRole('textbox', { name: 'Request to inspect' })).toHaveValue(requestLine.slice(requestLine.indexOf('process ')));
    await expect(inspect.root.getByLabel('Reference time in epoch milliseconds')).toHaveValue(String(loggedAt(requestLine)));
    await expect(inspect.verdict).toHaveAttribute('data-valid', 'true');
    const response = new ResponsePage(app);
    await response.open();
    await expect(response.root.getByLabel('Response source')).toContainText('merchant-session.log, line');
    await expect(response.compareWith).toHaveValue('inspect');
    await expect(response.requestIdField).toContainText('matches the request open in Inspect');
    await expect(response.errors).toHaveCount(0);
  });

  test('a binary file gets a clear message; a pasted log is read', async ({ app }) => {
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.drop('bugreport.zip', [0x50, 0x4b, 3, 4, 20, 0, 8, 0, 0, 0]);
    await expect(timeline.root.getByRole('alert')).toContainText('bugreport.zip cannot be read as a log: it is a zip archive');
    await expect(timeline.root.getByRole('alert')).toContainText('Unzip it');

    const box = timeline.root.getByRole('textbox', { name: 'Log text' });
    await box.focus();
    await box.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, log.text);
    await expect(timeline.root.getByRole('alert')).toHaveCount(0);
    await expect(timeline.counts).toContainText(`${e.requests} requests`);
    await expect(timeline.root.getByLabel('Log source')).toContainText('Pasted log');
  });
});

test('10,000 calls: the table is virtualised (a few dozen rows drawn) and scrolls to the last call', async ({ app }, testInfo) => {
  test.slow();
  const path = testInfo.outputPath('ten-thousand.log');
  const { expected } = writeLargeLog(path, { mb: 24, noise: 3 });
  expect(expected.requests).toBeGreaterThanOrEqual(10_000);
  const timeline = new TimelinePage(app);
  await timeline.open();
  await timeline.root.getByLabel('Open log…').setInputFiles(path);
  await expect(timeline.counts).toContainText(`${expected.requests.toLocaleString('en-US')} requests`, { timeout: 60_000 });
  await expect(timeline.table).toHaveAttribute('aria-rowcount', String(expected.requests + 1));
  expect(await timeline.rows.count()).toBeLessThan(60);
  await timeline.table.locator('.dt-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  // The last call is a compact JWS (no requestId): the one before it is the last with an id.
  await expect(timeline.row(requestIdOf(expected.requests - 1))).toBeVisible();
  expect(await timeline.rows.count()).toBeLessThan(60);
});

test.describe('live capture from a device', () => {
  const adb = fakeAdb({ devices: ['emulator-5554\tdevice model:Pixel_7'], lines: log.lines, linesPerBurst: 12, pauseSeconds: 0.3, end: 'wait' });
  test.use({ hostEnv: { PATH: adb.path } });

  test('Start capture: rows arrive as the device logs them; Stop keeps them', async ({ app }) => {
    await callMainSide(app, 'keys:import', { text: log.publicKeyPem, kid: log.kid, label: 'Registered with Juspay' });
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.root.getByRole('button', { name: 'Find devices' }).click();
    await expect(timeline.device).toHaveValue('emulator-5554');
    await timeline.root.getByRole('button', { name: 'Start capture' }).click();
    await expect(timeline.captureState).toContainText('Capturing · emulator-5554');
    // Some rows while the device is still logging, then all of them.
    await expect(timeline.rows.first()).toBeVisible();
    const early = await timeline.rows.count();
    expect(early).toBeLessThan(e.requests + e.responseOnly);
    await expect(timeline.rows).toHaveCount(e.requests + e.responseOnly, { timeout: 15_000 });
    await expect(timeline.captureState).toContainText('Capturing');
    await timeline.root.getByRole('button', { name: 'Stop capture' }).click();
    await expect(timeline.captureState).toContainText('Stopped');
    await expect(timeline.rows).toHaveCount(e.requests + e.responseOnly);
    await expect(await timeline.cell(timeline.row(requestIdOf(5)), 'Verdict')).toHaveText('signature.invalid');
    await expect(timeline.counts).toContainText(`${e.paired} paired`);
  });
});

test.describe('a device that disconnects', () => {
  const adb = fakeAdb({ devices: ['emulator-5554\tdevice'], lines: log.lines.slice(0, 40), linesPerBurst: 20, pauseSeconds: 0.2, end: 'disconnect' });
  test.use({ hostEnv: { PATH: adb.path } });

  test('ends the capture with a message; the rows read are kept', async ({ app }) => {
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.root.getByRole('button', { name: 'Find devices' }).click();
    await timeline.root.getByRole('button', { name: 'Start capture' }).click();
    await expect(timeline.captureState).toContainText('Ended', { timeout: 10_000 });
    await expect(timeline.root.getByLabel('Capture message')).toHaveText('The device emulator-5554 disconnected or adb stopped (error: device offline); the 40 lines read before are kept.');
    await expect(timeline.rows.first()).toBeVisible();
    await expect(timeline.root.getByRole('button', { name: 'Start capture' })).toBeEnabled();
  });
});

test.describe('without adb', () => {
  test.use({ hostEnv: { PATH: noAdbEnv().PATH } });

  test('Find devices says how to install adb; files are still read', async ({ app }) => {
    const timeline = new TimelinePage(app);
    await timeline.open();
    await timeline.root.getByRole('button', { name: 'Find devices' }).click();
    await expect(timeline.root.getByRole('alert')).toContainText('There is no "adb" command on PATH');
    await expect(timeline.root.getByRole('alert')).toContainText('sudo apt-get install adb');
    await expect(timeline.root.getByRole('alert')).toContainText('platform-tools');
    await timeline.drop('merchant-session.log', log.text);
    await expect(timeline.counts).toContainText(`${e.requests} requests`);
  });
});
