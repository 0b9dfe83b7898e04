import type { EnvelopeFields } from '../../../shared/envelope';

/** The request fields most core tests sign: a UAT-shaped merchant, timestamp pinned to 2022-11-14. */
export const SAMPLE_FIELDS: EnvelopeFields = {
  requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
  service: 'in.juspay.hyperapi',
  action: 'upiGetSessionToken',
  merchantId: 'stock',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'stockapp',
  timestamp: '1668389349848',
};
