/**
 * `inspectRequestText`: the verdict on a pasted upiGetSessionToken request — every finding, the signature
 * evidence the main side gathered, the root cause and the headline — plus whatever decoded. Total: any
 * input yields a verdict, never an exception.
 */
import { now } from '../clock';
import { findKey, readRequest, type DecodedRequest, type DecodedSegment } from '../request';
import type { RequestDecoded, Verdict } from '../verdict';
import { redactionFindings, type RedactionFacts } from './case';
import { finding } from './catalog';
import { claimsFindings } from './claims';
import { envelopeFindings } from './envelope';
import { headerFindings } from './header';
import { profileKeyFindings, type ProfileFacts } from './profile';
import { resolveParts, segmentFindings } from './segments';
import { signatureFindings } from './signature';
import type { Finding, SignatureEvidence } from './types';
import { assembleVerdict } from './verdict';
import { plural, typeName } from '../words';

export interface InspectRequestOptions {
  /** Reference time for the timestamp checks, epoch ms (the clock, or the time of the log line). */
  now: number;
  /** kids of the keys in the vault; enables `header.kid-unknown`. */
  vaultKids?: readonly string[];
  /** What the main process found when verifying; enables the signature findings. */
  signature?: SignatureEvidence;
  /** The chosen merchant profile; enables the `profile.*` findings. */
  profile?: ProfileFacts;
  /** `readRequest(text)`, when the caller already has it (the main side reads once for the evidence too). */
  decoded?: DecodedRequest;
  /** The request comes from a fully redacted case: its signature cannot be checked (`case.redacted`). */
  redaction?: RedactionFacts;
}

/** Inspects a pasted request of any shape the reader knows. Never throws. */
export function inspectRequestText(text: string, options: InspectRequestOptions): Verdict {
  let decoded: DecodedRequest | undefined;
  try {
    decoded = options?.decoded ?? readRequest(text);
    const findings = [...requestFindings(text, decoded, options ?? { now: now() }), ...redactionFindings(options?.redaction)];
    return assembleVerdict(findings, view(decoded), options?.signature);
  } catch (error) {
    return assembleVerdict([internalError(error)], decoded ? safeView(decoded) : { kind: 'unknown', source: 'none' }, undefined);
  }
}

export function internalError(error: unknown): Finding {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return finding(
    'inspector.internal-error',
    '',
    `The inspector failed on this input (${what.slice(0, 200)}). This is a bug in the inspector, not necessarily in the request.`,
    'Report it with the input that caused it; meanwhile check the request by eye.',
  );
}

function safeView(d: DecodedRequest): RequestDecoded {
  try {
    return view(d);
  } catch {
    return { kind: d.kind, source: d.source };
  }
}

function view(d: DecodedRequest): RequestDecoded {
  const v: RequestDecoded = { kind: d.kind, source: d.source };
  if (d.variant) v.variant = d.variant;
  if (d.escaped) v.escaped = true;
  if (d.wrapperPath !== undefined) v.wrapperPath = d.wrapperPath;
  if (d.foundAt) v.foundAt = d.foundAt;
  if (d.log) v.log = d.log;
  if (d.root) v.envelope = d.root;
  else if (d.rootValue !== undefined) v.envelope = d.rootValue;
  const requestId = d.kind === 'envelope' && d.root ? findKey(d.root, 'requestId')?.value : undefined;
  if (typeof requestId === 'string') v.requestId = requestId;
  if (d.header?.json !== undefined) v.header = d.header.json;
  if (d.claims?.json !== undefined) v.claims = d.claims.json;
  if (d.header?.text !== undefined) v.headerText = d.header.text;
  if (d.claims?.text !== undefined) v.claimsText = d.claims.text;
  if (Object.keys(d.segments).length > 0) v.segments = { ...d.segments };
  if (d.signature?.byteLength !== undefined) v.signatureByteLength = d.signature.byteLength;
  return v;
}

function requestFindings(text: string, d: DecodedRequest, options: InspectRequestOptions): Finding[] {
  const out: Finding[] = [];
  if (typeof text !== 'string' || text.trim() === '') {
    return [
      finding(
        'input.empty',
        '',
        'Nothing to inspect: the text is empty.',
        'Paste the request: the envelope JSON, its payload, the three fields, a compact JWS, or the log line that contains it.',
      ),
    ];
  }
  out.push(...whereFound(d));
  if (d.parseError) {
    const e = d.parseError;
    out.push(
      finding(
        'json.invalid',
        '',
        `The request is not valid JSON: ${e.message}`,
        `Fix the JSON at line ${e.line}, column ${e.column}, or copy it again in full.`,
      ),
    );
    if (d.salvaged) {
      out.push(
        finding(
          'input.salvaged',
          '',
          `Although the JSON does not parse, ${plural(Object.keys(d.segments).length, 'field')} (${Object.keys(d.segments).join(', ')}) could be read out of it, so they are checked below.`,
          'Fix the JSON to get the full set of checks.',
        ),
      );
      out.push(...partsFindings(d, options));
    }
    return out;
  }
  if (d.kind === 'unknown') {
    const what =
      d.rootValue !== undefined
        ? `it is ${typeName(d.rootValue)}, not an object`
        : d.root
          ? `the object has none of requestId, service, payload, action, protected, signaturePayload, signature (its keys: ${
              Object.keys(d.root).slice(0, 8).join(', ') || 'none'
            })`
          : 'it is neither JSON nor a compact JWS (xxx.yyy.zzz)';
    const response = d.root && (Object.hasOwn(d.root, 'event') || Object.hasOwn(d.root, 'error') || looksLikeResponsePayload(d.root));
    out.push(
      finding(
        'input.not-request',
        '',
        `This is not a upiGetSessionToken request: ${what}.${response ? ' It looks like a response: inspect it as a response.' : ''}`,
        'Paste the request: the envelope JSON ({requestId, service, payload}), its payload, the three fields, or a compact JWS.',
      ),
    );
    return out;
  }
  if (d.kind === 'envelope' && d.root && isResponseEnvelope(d.root)) {
    out.push(
      finding(
        'input.not-request',
        '',
        'This looks like a upiGetSessionToken response (it has event/error and a payload without signed fields), not a request.',
        'Inspect it as a response.',
      ),
    );
    return out;
  }
  if (d.kind !== 'envelope') {
    const what: Record<string, string> = {
      payload: 'the payload object alone',
      segments: 'the signed fields alone',
      'compact-jws': 'a compact JWS',
    };
    out.push(
      finding(
        'input.partial',
        '',
        `Decoded as ${what[d.kind] ?? d.kind}: requestId${d.kind === 'payload' ? ' and service' : ', service and action'} cannot be checked.`,
        'Paste the whole envelope to check those too.',
      ),
    );
  }
  if (d.kind === 'compact-jws' && d.compactParts !== 3) {
    out.push(
      finding(
        'input.compact-parts',
        '',
        `The compact JWS has ${plural(d.compactParts ?? 0, 'part')} separated by dots; it must have exactly 3 (protected.signaturePayload.signature).`,
        d.compactParts !== undefined && d.compactParts < 3
          ? 'Copy the whole token: a part is missing (two dots are required).'
          : 'Remove the extra dots: a JWS has exactly two.',
      ),
    );
  }
  out.push(...envelopeFindings(d));
  out.push(...partsFindings(d, options));
  return out;
}

function partsFindings(d: DecodedRequest, options: InspectRequestOptions): Finding[] {
  const out: Finding[] = [];
  const prefix = d.kind === 'compact-jws' ? '' : 'payload.';
  out.push(...segmentFindings(d));
  if (d.variant === 'cat') return out;
  const { parts, findings } = resolveParts(d);
  out.push(...findings);
  const rsa = d.variant === 'rsa';
  if (!rsa) {
    const header: DecodedSegment | undefined = parts.header?.segment;
    const from = parts.header?.from ?? 'protected';
    const headerCtx = {
      path: prefix + from,
      from,
      swapped: parts.swapped,
      ...(options.vaultKids ? { vaultKids: options.vaultKids } : {}),
      ...(options.signature ? { evidence: options.signature } : {}),
    };
    out.push(...headerFindings(header, headerCtx));
  }
  const claimsFrom = parts.claims?.from ?? 'signaturePayload';
  out.push(
    ...claimsFindings(parts.claims?.segment, {
      path: prefix + claimsFrom,
      swapped: parts.swapped,
      ...(d.variant ? { variant: d.variant } : {}),
      now: typeof options.now === 'number' ? options.now : Number.NaN,
      ...(options.profile ? { profile: options.profile } : {}),
    }),
  );
  if (d.segments.signature !== undefined) {
    const kid = isKid(parts.header?.segment.json);
    const signature = options.signature;
    // Without evidence, a signature that does not even decode is already explained by the segment findings.
    out.push(
      ...signatureFindings(signature, {
        path: `${prefix}signature`,
        ...(kid ? { kid } : {}),
        ...(d.variant ? { variant: d.variant } : {}),
        ...(d.signature?.byteLength !== undefined && d.signature.encoding !== 'raw-json' ? { byteLength: d.signature.byteLength } : {}),
        ...(options.profile ? { profile: options.profile } : {}),
      }),
    );
    if (!rsa) out.push(...profileKeyFindings(signature, options.profile, { ...(kid ? { kid } : {}), kidPath: `${prefix}${parts.header?.from ?? 'protected'}.kid`, signaturePath: `${prefix}signature` }));
  }
  return out;
}

function isKid(header: unknown): string | undefined {
  if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
  const kid = (header as Record<string, unknown>).kid;
  return typeof kid === 'string' && kid !== '' ? kid : undefined;
}

function looksLikeResponsePayload(o: Record<string, unknown>): boolean {
  return Object.hasOwn(o, 'status') || Object.hasOwn(o, 'vpaAccounts') || Object.hasOwn(o, 'isDeviceBound');
}

function isResponseEnvelope(root: Record<string, unknown>): boolean {
  if (!Object.hasOwn(root, 'event') && !Object.hasOwn(root, 'error')) return false;
  const p = root.payload;
  if (typeof p !== 'object' || p === null) return true;
  const payload = p as Record<string, unknown>;
  return !['protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken'].some((k) => Object.hasOwn(payload, k));
}

/** Notes on where and how the request was found in the paste. */
function whereFound(d: DecodedRequest): Finding[] {
  const out: Finding[] = [];
  if (d.source === 'log-line' && d.foundAt) {
    const log = d.log ? ` (a logcat ${d.log.format} line${d.log.tag ? ` from tag ${d.log.tag}` : ''}${d.log.time ? ` at ${d.log.time}` : ''})` : '';
    out.push(
      finding(
        'input.found-in-log',
        '',
        `The ${d.kind === 'compact-jws' ? 'compact JWS' : 'request'} was found inside the text at line ${d.foundAt.line}, column ${d.foundAt.column}${log}; the text around it was ignored.`,
        'Nothing to fix.',
      ),
    );
  }
  if (d.escaped) {
    out.push(
      finding(
        'input.json-string',
        '',
        'The request was inside a JSON string (stringified twice, or copied from an escaped log) and was unescaped.',
        'If the app sends it like this, pass the object itself, not JSON.stringify(object).',
      ),
    );
  }
  if (d.wrapperPath !== undefined && d.kind !== 'unknown') {
    out.push(
      finding(
        'input.wrapped',
        '',
        `The request was found under \`${d.wrapperPath.slice(0, 120)}\` of the pasted object; the rest of the object was ignored.`,
        'Nothing to fix, if that object is only how the request was logged or stored.',
      ),
    );
  }
  if (d.source === 'lines' || d.source === 'key-value') {
    out.push(
      finding(
        'input.loose-fields',
        '',
        d.source === 'lines'
          ? 'Read as three plain lines: protected, signaturePayload and signature, in that order.'
          : `Read from name=value pairs: ${Object.keys(d.segments).join(', ')}.`,
        'Nothing to fix.',
      ),
    );
  }
  return out;
}
