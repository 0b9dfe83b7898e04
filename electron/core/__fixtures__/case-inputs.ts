/**
 * What a case is exported from in the main side's tests: a request the merchant signed (verified with
 * the merchant's key), and a LINKED response full of a customer's personal data, with the list of
 * every personal value in it so a test can scan an exported file for each one.
 */
import { SAMPLE_FIELDS } from './envelope-fields';
import { b64url, claims, envelope, goodSignature, KID, merchant, NOW, vaultWith } from './signed-request';
import { windowKeySet } from '../candidates';
import { verifyRequestText } from '../inspect';

export { KID, merchant, NOW };

export const REQUEST_TEXT = envelope(goodSignature.toString('base64url'));
export const SEGMENTS = { protected: JSON.parse(REQUEST_TEXT).payload.protected as string, signaturePayload: b64url(claims), signature: goodSignature.toString('base64url') };

/** Every personal value of RESPONSE, as written: none may be left in an exported case. */
export const PERSONAL = {
  mobile: '919876543210',
  accountFull: '50100234567890',
  name: 'Asha Kumari',
  secondName: 'Ravi Shankar',
  vpa: 'asha.kumari@axb',
  secondVpa: 'ravi.s@okhdfc',
  fingerprint: 'dfp-2f7c9a1b7e3d',
  uniqueId: 'uniq-axis-4521-77',
  referenceId: 'ref-axis-4521-99',
  otherInfo: '{"loyaltyId":"LY-558812"}',
};

export const RESPONSE = {
  requestId: SAMPLE_FIELDS.requestId,
  service: 'in.juspay.hyperapi',
  payload: {
    action: 'upiGetSessionToken',
    status: 'LINKED',
    isDeviceBound: 'true',
    isDeviceActivated: true,
    prefix: 'AXB',
    vpaAccounts: [
      {
        vpa: PERSONAL.vpa,
        accounts: [
          {
            bankCode: '607153',
            bankName: 'Axis Bank',
            maskedAccountNumber: 'XXXXXXXX4521',
            mpinLength: '6',
            mpinSet: 'true',
            referenceId: PERSONAL.referenceId,
            otpLength: '6',
            atmPinLength: '4',
            type: 'SAVINGS',
            bankAccountUniqueId: PERSONAL.uniqueId,
            ifsc: 'UTIB0000123',
            isPrimary: 'true',
            name: PERSONAL.name,
          },
          { bankCode: '508534', bankName: 'ICICI Bank', accountNumber: PERSONAL.accountFull, mpinLength: 4, mpinSet: false, type: 'CURRENT', name: PERSONAL.secondName },
        ],
      },
      { vpa: PERSONAL.secondVpa, accounts: [] },
    ],
    customerMobileNumber: PERSONAL.mobile,
    deviceFingerPrint: PERSONAL.fingerprint,
    otherInfo: PERSONAL.otherInfo,
  },
  error: false,
  errorCode: '',
  errorMessage: '',
  event: 'process_result',
};

export const RESPONSE_TEXT = JSON.stringify(RESPONSE, null, 2);

/** The verdict the main side makes on REQUEST_TEXT with the merchant's key in the vault. */
export async function requestVerdict(now = NOW) {
  const { vault } = await vaultWith({ pem: merchant.spkiPem, kid: KID, label: 'Merchant key' });
  const keys = await windowKeySet(vault, undefined);
  return { verdict: verifyRequestText(REQUEST_TEXT, keys, now), keys };
}
