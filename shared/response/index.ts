/**
 * The `upiGetSessionToken` response, one job per module: `values` reads a value in either spelling
 * ("true"/true, "6"/6), `fields` names the fields and the normalised types, `normalize` reads a whole
 * response, `catalog` says what statuses, error codes and backend messages mean, `parse` reads pasted
 * text. Pure TypeScript.
 */
export { readBoolean, readNumber, readTopUp, readText, readObject, readArray, type Read, type Spelling } from './values';
export {
  ACCOUNT_FIELDS,
  ENVELOPE_FIELDS,
  PAYLOAD_FIELDS,
  VPA_FIELDS,
  type AccountField,
  type AccountRow,
  type FieldKind,
  type Flex,
  type Kept,
  type NormalizeResult,
  type NormalizedAccount,
  type NormalizedPayload,
  type NormalizedResponse,
  type NormalizedVpaAccount,
  type SpellingReport,
  type UnreadValue,
} from './fields';
export { normalizeResponse, accountRows } from './normalize';
export {
  RESPONSE_EVENT,
  INITIATE_EVENT,
  BACKEND_ERRORS,
  describeErrorCode,
  describeStatus,
  matchBackendErrors,
  type BackendErrorInfo,
  type ErrorCodeInfo,
  type ErrorCodeKind,
  type StatusInfo,
  type StatusKind,
} from './catalog';
export { parseResponseText, type ParseResponseResult, type ResponseJsonSource, type ResponseShape } from './parse';
