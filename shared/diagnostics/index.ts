/**
 * The inspector's findings, for the main process (which adds signature evidence), the CLI and the
 * renderer: two entry points and the catalogue of every finding id.
 */
export { inspectRequestText, type InspectRequestOptions } from './request';
export { pickCause, INPUT_CAUSES } from './cause';
export { inspectResponseText, type InspectResponseOptions, type ResponseInspectionResult, LENGTH_RULES } from './response';
export { signatureFindings, type SignatureContext } from './signature';
export { describeKey } from './keys';
export { FINDING_IDS, SEVERITIES, finding, listFindingIds, sortFindings, type FindingId, type FindingScope } from './catalog';
export type { Finding, Severity, SignatureEvidence, KeyRef, KeyTried, WrongSigningInput } from './types';
