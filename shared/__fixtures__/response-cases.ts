/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures edit deep response JSON freely */
/** Finding cases about responses: for every response finding, an input that raises it and one that does not. */
import type { InspectResponseOptions } from '../diagnostics/response';
import type { ResponseCase, ResponseInput } from './cases';
import {
  responseObject,
  responseText,
} from './requests';

const resp = (edit?: (r: Record<string, any>) => void, options?: InspectResponseOptions): ResponseInput => ({
  text: responseText(edit),
  ...(options ? { options } : {}),
});

export function responseFamilies(): Record<string, ResponseCase[]> {
  const base = resp();
  const account = (r: Record<string, any>) => r.payload.vpaAccounts[0].accounts[0];
  return {
    input: [
      { id: 'input.empty', name: 'empty', raises: { text: '' }, avoids: base, mentions: ['empty'] },
      { id: 'json.invalid', name: 'bad JSON', raises: { text: '{\n  "event": "process_result",\n  "payload": {\n' }, avoids: base, mentions: ['line', 'column'] },
      { id: 'input.found-in-log', name: 'in a log line', raises: { text: `I/HyperSDK: onEvent ${JSON.stringify(responseObject())}` }, avoids: base, mentions: ['line 1'] },
      { id: 'input.json-string', name: 'stringified', raises: { text: JSON.stringify(JSON.stringify(responseObject())) }, avoids: base, mentions: ['string'] },
      { id: 'input.not-response', name: 'an array', raises: { text: '[{"a":1}]' }, avoids: base, mentions: ['payload', 'requestId', 'event'] },
      {
        id: 'input.not-response',
        name: 'a request',
        raises: { text: JSON.stringify({ requestId: 'x', service: 'in.juspay.hyperapi', payload: { action: 'upiGetSessionToken', protected: 'a', signaturePayload: 'b', signature: 'c' } }) },
        avoids: base,
        mentions: ['request'],
      },
    ],
    envelope: [
      { id: 'response.no-payload', name: 'no payload', raises: resp((r) => delete r.payload), avoids: base, mentions: ['payload'] },
      { id: 'event.unexpected', name: 'initiate_result', raises: resp((r) => (r.event = 'initiate_result')), avoids: base, mentions: ['event', 'initiate'] },
      {
        id: 'response.request-id-mismatch',
        name: 'another request',
        raises: resp(undefined, { requestId: '00000000-0000-4000-8000-000000000000' }),
        avoids: resp(undefined, { requestId: responseObject().requestId }),
        mentions: ['requestId', '00000000-0000-4000-8000-000000000000'],
      },
      { id: 'response.service-unexpected', name: 'in.juspay.ec', raises: resp((r) => (r.service = 'in.juspay.ec')), avoids: base, mentions: ['service'] },
      { id: 'response.action-unexpected', name: 'initiate', raises: resp((r) => (r.payload.action = 'initiate')), avoids: base, mentions: ['payload.action', 'upiGetSessionToken'] },
    ],
    error: [
      { id: 'error.without-code', name: 'error true, no code', raises: resp((r) => (r.error = true)), avoids: base, mentions: ['errorCode'] },
      { id: 'error.code', name: 'JP_005', raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_005'))), avoids: base, mentions: ['JP_005', 'internet'] },
      { id: 'error.code-unconfirmed', name: 'JP_017', raises: resp((r) => ((r.error = 'true'), (r.errorCode = 'JP_017'))), avoids: base, mentions: ['JP_017', 'initiate'] },
      { id: 'error.code-unconfirmed', name: 'JP_012', raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_012'))), avoids: base, mentions: ['JP_012', 'does not document'] },
      { id: 'error.code-unknown', name: 'E42', raises: resp((r) => ((r.error = true), (r.errorCode = 'E42'))), avoids: base, mentions: ['E42'] },
      {
        id: 'error.backend-message',
        name: 'signature mismatch',
        raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_001'), (r.errorMessage = 'Merchant signature mismatch'))),
        avoids: base,
        mentions: ['Merchant signature mismatch', 'kid'],
      },
      {
        id: 'error.backend-message',
        name: 'request_expired spelled loosely',
        raises: resp((r) => ((r.error = true), (r.errorMessage = 'Request expired'))),
        avoids: base,
        mentions: ['REQUEST_EXPIRED', 'timestamp'],
      },
      {
        id: 'error.message',
        name: 'other message',
        raises: resp((r) => ((r.error = true), (r.errorCode = 'JP_001'), (r.errorMessage = 'SIM fetch failed'))),
        avoids: base,
        mentions: ['SIM fetch failed'],
      },
    ],
    status: [
      { id: 'status.meaning', name: 'LINKED', raises: base, avoids: resp((r) => (r.payload.status = 'REGISTERED')), mentions: ['LINKED', 'Next'] },
      { id: 'status.sibling', name: 'REGISTERED', raises: resp((r) => ((r.payload.status = 'REGISTERED'), (r.payload.vpaAccounts = []))), avoids: base, mentions: ['REGISTERED', 'BOUND'] },
      { id: 'status.unknown', name: 'lower-case linked', raises: resp((r) => (r.payload.status = 'linked')), avoids: base, mentions: ['linked', 'LINKED'] },
      { id: 'status.missing', name: 'no status', raises: resp((r) => delete r.payload.status), avoids: base, mentions: ['payload.status'] },
      { id: 'device.state-mismatch', name: 'LINKED but not bound', raises: resp((r) => (r.payload.isDeviceBound = 'false')), avoids: base, mentions: ['isDeviceBound', 'LINKED'] },
      { id: 'prefix.unusual', name: '4-letter prefix', raises: resp((r) => (r.payload.prefix = 'AXBX')), avoids: base, mentions: ['prefix', '3-letter'] },
    ],
    accounts: [
      {
        id: 'accounts.linked-without-accounts',
        name: 'empty vpaAccounts',
        raises: resp((r) => (r.payload.vpaAccounts = [])),
        avoids: base,
        mentions: ['LINKED', 'vpaAccounts'],
      },
      { id: 'accounts.unexpected', name: 'BOUND with accounts', raises: resp((r) => (r.payload.status = 'BOUND')), avoids: base, mentions: ['BOUND', 'LINKED'] },
      { id: 'account.mpin-not-set', name: 'mpinSet "false"', raises: resp((r) => (account(r).mpinSet = 'false')), avoids: base, mentions: ['mpinSet', 'MPIN', 'Axis Bank'] },
      { id: 'account.length-not-numeric', name: 'otpLength "six"', raises: resp((r) => (account(r).otpLength = 'six')), avoids: base, mentions: ['OTP length', 'six', '4 to 8'] },
      { id: 'account.length-unusual', name: 'mpinLength 5', raises: resp((r) => (account(r).mpinLength = '5')), avoids: base, mentions: ['MPIN length', '4 or 6'] },
      { id: 'account.length-unusual', name: 'atmPinLength 8', raises: resp((r) => (account(r).atmPinLength = 8)), avoids: base, mentions: ['ATM PIN length', '4 or 6'] },
      {
        id: 'account.topup-pending',
        name: 'UPI Lite top-up pending',
        raises: resp((r) => (account(r).isInitialTopUpDone = 'topup_txn_pending')),
        avoids: resp((r) => (account(r).isInitialTopUpDone = 'true')),
        mentions: ['topup_txn_pending'],
      },
      {
        id: 'vpa.duplicate',
        name: 'same VPA twice',
        raises: resp((r) => r.payload.vpaAccounts.push({ vpa: 'Ravi@axb', accounts: [] })),
        avoids: base,
        mentions: ['VPA', 'Ravi@axb'],
      },
    ],
    spelling: [
      { id: 'response.string-spelling', name: 'mpinSet "true"', raises: resp((r) => (account(r).mpinSet = 'true')), avoids: base, mentions: ['mpinSet'] },
      { id: 'response.unreadable', name: 'mpinSet "maybe"', raises: resp((r) => (account(r).mpinSet = 'maybe')), avoids: base, mentions: ['mpinSet', 'maybe'] },
    ],
  };
}
