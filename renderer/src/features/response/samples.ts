/** Sample responses, spelled the way Juspay's own samples spell them (booleans and numbers as strings). */
export const LINKED_SAMPLE = {
  requestId: '8cbc3ad3-6e4c-4b0a-9a3f-0f6f1c2d9a11',
  service: 'in.juspay.hyperapi',
  payload: {
    action: 'upiGetSessionToken',
    status: 'LINKED',
    isDeviceBound: 'true',
    isDeviceActivated: 'true',
    prefix: 'AXB',
    vpaAccounts: [
      {
        vpa: 'asha.k@axb',
        accounts: [
          {
            bankCode: '607153',
            bankName: 'Axis Bank',
            maskedAccountNumber: 'XXXXXXXX4521',
            mpinLength: '6',
            mpinSet: 'true',
            referenceId: 'ref-8f2a19',
            otpLength: '6',
            atmPinLength: '4',
            type: 'SAVINGS',
            branchName: 'Koramangala',
            bankAccountUniqueId: 'uniq-axb-0001',
            ifsc: 'UTIB0000123',
            isPrimary: 'true',
            name: 'Asha K',
          },
        ],
      },
    ],
    customerMobileNumber: 'XXXXXX7788',
    deviceFingerPrint: 'f3c1e2d4a5b6',
    otherInfo: '{}',
  },
  error: false,
  errorCode: '',
  errorMessage: '',
  event: 'process_result',
};
