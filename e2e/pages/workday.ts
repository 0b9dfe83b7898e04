import { expect, type Page } from '@playwright/test';
import { makeLog, mixedPlan } from '../../electron/core/__fixtures__/logcat';
import { ComposePage } from './compose';
import { callMainSide } from './main-side';
import { ProfilesPage } from './profiles';
import { ResponsePage, fixture } from './response';
import { TimelinePage } from './timeline';

/** The screens in the order of the navigation, with the name the nav button and the main landmark carry. */
export const SCREENS = ['Compose', 'Response', 'Inspect', 'Keys', 'Profiles', 'History', 'Log'] as const;
export type WorkdayScreen = (typeof SCREENS)[number];

/** A LINKED response with ten VPAs, long ones among them, and two odd PIN lengths (−1, 99) to highlight. */
export function linkedWithTenVpas(): string {
  const base = JSON.parse(fixture('linked.json')) as { payload: { vpaAccounts: Array<{ vpa: string; accounts: Array<Record<string, unknown>> }> } };
  const template = base.payload.vpaAccounts[0]!.accounts[0]!;
  const handles = ['asha.k@axb', 'asha.kumar.primary.savings.account@okhdfcbank', 'ashak1987@oksbi', 'asha-k@ybl', 'asha.k.salary@icici',
    'akumar@paytm', 'asha.kumar.joint.with.ravi.kumar@okaxis', '9876543210@upi', 'asha.k@ibl', 'ashakumarbusinesscurrentaccount2026@kotak'];
  base.payload.vpaAccounts = handles.map((vpa, i) => ({
    vpa,
    accounts: [
      {
        ...template,
        maskedAccountNumber: `XXXXXXXX${String(4500 + i * 37).padStart(4, '0')}`,
        referenceId: `ref-${i}-${'f3a9c2'.repeat(4)}`,
        bankAccountUniqueId: `uniq-${vpa.replace(/\W/g, '')}-${i}`,
        branchName: i % 3 === 0 ? 'Koramangala 5th Block, Bengaluru South' : 'MG Road',
        mpinLength: i === 3 ? '-1' : '6',
        otpLength: i === 6 ? 99 : '6',
        mpinSet: i % 4 === 0 ? 'false' : 'true',
        isPrimary: i === 0 ? 'true' : 'false',
      },
    ],
  }));
  return JSON.stringify(base, null, 2);
}

/**
 * A support engineer's day in one window: a vault with six keys (long labels and kids), a profile, a
 * signed request (History), a dropped log session whose first call is opened in Inspect (the logcat
 * line) and Response, then a LINKED response with ten VPAs pasted on Response.
 */
export async function seedWorkday(page: Page): Promise<void> {
  const log = makeLog(mixedPlan());
  await callMainSide(page, 'keys:import', { text: log.publicKeyPem, kid: log.kid, label: 'Registered with Juspay (merchant production key)' });
  const generated = [
    { label: 'stock UAT key', kid: 'uat833359804655bb748702e324111' },
    { label: 'Rotation 2026-Q3 staging signing key for STOCK_ANDROID', kid: 'stg-rotation-2026q3-7f3e9b1c4d2a8e6f0b5c' },
    { label: 'QA negative tests', kid: 'qa-negative' },
    { label: 'Old key (expired certificate, keep for replays)', kid: 'legacy_0001_a9f3c2d8e7b6a5f4e3d2c1b0a9f8e7d6' },
    { label: 'Sandbox', kid: 'sbx' },
  ];
  for (const key of generated) await callMainSide(page, 'keys:generate', { bits: 2048, ...key });
  await page.reload();

  const profiles = new ProfilesPage(page);
  await profiles.create({ name: 'Stock Brokers Ltd — Android production', merchantId: 'stockbrokersltdproduction', merchantChannelId: 'STOCK_ANDROID_PRODUCTION_APP', merchantCustomerId: 'cust-4242', signingKey: /stock UAT key/ });
  await expect(profiles.card('Stock Brokers Ltd — Android production')).toBeVisible();

  const compose = new ComposePage(page);
  await compose.open();
  await compose.fill({ merchantId: 'stock', merchantCustomerId: 'cust-4242', merchantChannelId: 'STOCK_ANDROID' });
  await compose.envelopeJson();

  const timeline = new TimelinePage(page);
  await timeline.open();
  await timeline.drop('merchant-session.log', log.text);
  await expect(timeline.rows.first()).toBeVisible();
  await timeline.rows.first().click();
  await expect(page.getByRole('main', { name: 'Inspect' })).toBeVisible();
  await expect(page.locator('[data-screen="inspect"]').getByLabel('Verdict', { exact: true })).toHaveAttribute('data-valid', 'true');

  const response = new ResponsePage(page);
  await response.paste(linkedWithTenVpas());
  await expect(response.status).toContainText('LINKED');
}
