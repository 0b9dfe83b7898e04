/**
 * Envelope and payload checks: mandatory fields, key case, types, unknown keys, service, action,
 * requestId, and which auth variant the payload uses.
 */
import { ACTION, OTHER_SERVICES, SERVICE, SIBLING_ACTIONS, UUID_V4 } from '../envelope';
import { canonicalKey, findKey, type AuthVariant, type DecodedRequest } from '../request';
import { isRecord } from '../guards';
import { finding } from './catalog';
import type { Finding } from './types';
import { list, show, typeName } from '../words';

const ENVELOPE_KEYS = ['requestId', 'service', 'payload'] as const;

/** The payload fields each auth variant needs, besides `action`. */
export const VARIANT_FIELDS: Readonly<Record<AuthVariant, readonly string[]>> = {
  'direct-jws': ['protected', 'signaturePayload', 'signature'],
  rsa: ['merchantKeyId', 'signaturePayload', 'signature'],
  cat: ['clientAuthToken'],
};

/** Each way of signing in a support engineer's words (the code's names stay in the code). */
const VARIANT_NAME: Readonly<Record<AuthVariant, string>> = { 'direct-jws': 'a JWS', rsa: 'the older merchantKeyId scheme', cat: 'a clientAuthToken' };

/** Payload keys that belong to sibling actions (domain.md §6), and which. */
const SIBLING_PAYLOAD_KEYS = new Map<string, string>([
  ['clientId', 'initiate'],
  ['environment', 'initiate'],
  ['issuingPsp', 'initiate'],
  ['enableJwsAuth', 'initiate'],
  ['merchantLoader', 'initiate'],
  ['customerMobileNumber', 'onboardingAndPay'],
  ['merchantRequestId', 'onboardingAndPay (pay flows)'],
  ['merchantVpa', 'onboardingAndPay (pay flows)'],
  ['amount', 'onboardingAndPay (pay flows)'],
  ['intentData', 'incomingIntent'],
]);

/** Optional payload keys that upiGetSessionToken accepts. */
const OPTIONAL_PAYLOAD_KEYS = ['otherInfo', 'authExpiry'];
const ALL_PAYLOAD_KEYS = ['action', 'protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken', ...OPTIONAL_PAYLOAD_KEYS];

const MAX_UNKNOWN = 20;
const WIRE_CASE_FIX = 'Rename it: the wire format is lowerCamelCase (requestId, service, payload, action, protected, signaturePayload, signature). The docs site shows capitalised names, but that is only how it renders them.';

function keyCase(path: string, written: string, wanted: string): Finding {
  return finding(
    'envelope.key-case',
    path,
    `\`${written}\` should be \`${wanted}\`: keys are case-sensitive and the SDK looks for \`${wanted}\`, so it will treat this field as missing.`,
    WIRE_CASE_FIX,
  );
}

export function envelopeFindings(d: DecodedRequest): Finding[] {
  const out: Finding[] = [];
  const root = d.root;
  if (d.kind === 'envelope' && root) {
    for (const name of ENVELOPE_KEYS) {
      const hit = findKey(root, name);
      if (!hit) {
        if (name === 'payload' && d.flattened) {
          out.push(
            finding(
              'envelope.missing-field',
              'payload',
              'payload is missing: action and the signed fields sit at the top level of the envelope instead of inside `payload`.',
              'Move action, protected, signaturePayload and signature into a `payload` object: { "requestId": …, "service": …, "payload": { "action": …, … } }.',
            ),
          );
        } else out.push(missing(name));
        continue;
      }
      if (!hit.exact) out.push(keyCase(name, hit.key, name));
      if (name === 'payload') out.push(...payloadType(hit.value, d));
      else if (typeof hit.value !== 'string') {
        out.push(
          finding('envelope.wrong-type', name, `${name} is ${typeName(hit.value)}; it must be a string.`, `Send ${name} as a JSON string.`),
        );
      } else if (hit.value.trim() === '') out.push(missing(name, true));
      else if (name === 'service') out.push(...serviceFindings(hit.value));
      else out.push(...requestIdFindings(hit.value));
    }
    const known = new Set<string>(ENVELOPE_KEYS.map(canonicalKey));
    if (d.flattened) for (const k of ALL_PAYLOAD_KEYS) known.add(canonicalKey(k));
    out.push(...unknownKeys(root, known, '', 'the envelope', 'requestId, service and payload'));
  }
  if (d.payload && d.kind !== 'compact-jws') out.push(...payloadFindings(d, d.payload));
  return out;
}

function missing(name: string, empty = false): Finding {
  const what: Record<string, string> = {
    requestId: 'a fresh uuid v4 for every call',
    service: `"${SERVICE}"`,
    payload: 'an object with action, protected, signaturePayload and signature',
    'payload.action': `"${ACTION}"`,
    'payload.protected': 'the base64url of the header {"kid":…,"alg":"RS256"}',
    'payload.signaturePayload': 'the base64url of the claims {merchantId, merchantCustomerId, merchantChannelId, timestamp}',
    'payload.signature': 'the base64url RS256 signature over protected + "." + signaturePayload',
    'payload.merchantKeyId': 'the key id Juspay issued for merchantKeyId signing',
    'payload.clientAuthToken': 'the token issued by Juspay’s backend',
  };
  const expected = Object.hasOwn(what, name) ? what[name] : 'a value';
  return finding(
    'envelope.missing-field',
    name,
    empty ? `${name} is empty; it is mandatory.` : `${name} is missing; it is mandatory.`,
    `Add ${name}: ${expected}.`,
  );
}

function payloadType(value: unknown, d: DecodedRequest): Finding[] {
  if (d.payloadSpelling === 'object') return [];
  if (d.payloadSpelling === 'string') {
    return [
      finding(
        'envelope.wrong-type',
        'payload',
        'payload is a string holding JSON (it was stringified), not a JSON object; the SDK expects an object. It was decoded anyway so the rest can be checked.',
        'Put the payload object itself in the envelope, not JSON.stringify(payload) / payload.toString().',
      ),
    ];
  }
  return [
    finding(
      'envelope.wrong-type',
      'payload',
      `payload is ${typeName(value)}; it must be a JSON object with action, protected, signaturePayload and signature.`,
      'Send payload as a JSON object.',
    ),
  ];
}

export function serviceFindings(service: string): Finding[] {
  if (service === SERVICE) return [];
  if ((OTHER_SERVICES as readonly string[]).includes(service)) {
    return [
      finding(
        'service.sibling',
        'service',
        `service is "${service}", which belongs to a sibling Juspay product; upiGetSessionToken is served by "${SERVICE}".`,
        `Set service to "${SERVICE}" unless the integration really targets that product.`,
      ),
    ];
  }
  const hint = service.trim().toLowerCase() === SERVICE ? ' It differs only in case or spaces, which still counts.' : '';
  return [
    finding(
      'service.unknown',
      'service',
      `service is ${show(service)}, not "${SERVICE}".${hint}`,
      `Set service to exactly "${SERVICE}".`,
    ),
  ];
}

export function requestIdFindings(id: string): Finding[] {
  if (UUID_V4.test(id)) return [];
  const anyUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(id);
  let why: string;
  if (anyUuid) {
    why = anyUuid[1] === '4' ? 'a uuid whose variant digit is not 8, 9, a or b' : `a uuid version ${anyUuid[1]}, not version 4`;
  } else if (/^abcd-12345/i.test(id)) why = 'the documentation’s placeholder, not a real uuid';
  else why = 'not a uuid';
  return [
    finding(
      'request-id.not-uuid-v4',
      'requestId',
      `requestId ${show(id)} is ${why}; Juspay documents requestId as a unique uuid v4.`,
      'Generate a fresh uuid v4 for every call (crypto.randomUUID(), java.util.UUID.randomUUID()).',
    ),
  ];
}

function payloadFindings(d: DecodedRequest, payload: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const prefix = 'payload.';
  // action: expected unless the paste is just the three strings.
  const action = findKey(payload, 'action');
  if (!action) {
    if (d.kind !== 'segments') out.push(missing('payload.action'));
  } else {
    if (!action.exact) out.push(keyCase('payload.action', action.key, 'action'));
    out.push(...actionFindings(action.value));
  }
  // Auth variant.
  const variant = d.variant;
  if (variant === 'mixed') {
    const markers = d.variants.map((v) => `${VARIANT_FIELDS[v][0]} (${VARIANT_NAME[v]})`);
    out.push(
      finding(
        'auth.mixed',
        'payload',
        `payload mixes ways of signing: it has ${list(markers)}. A request is either a JWS (protected), or signed with a merchantKeyId, or authorised by a clientAuthToken, never two of them.`,
        'Keep the fields of the variant this merchant is set up for and remove the others.',
      ),
    );
  } else if (variant) {
    const what: Record<AuthVariant, string> = {
      'direct-jws': 'Signed as a JWS (payload.protected is present): an RS256 JWS split into protected, signaturePayload and signature.',
      rsa: 'Signed with a merchantKeyId, the older RSA scheme (payload.merchantKeyId is present): signaturePayload is stringified JSON (claims in snake_case) and signature is standard base64 of SHA256withRSA over its exact bytes. Only basic checks run for this kind of request.',
      cat: 'Authorised by a clientAuthToken (payload.clientAuthToken is present): a token issued by Juspay’s backend; there is no merchant signature to check here.',
    };
    out.push(finding('auth.variant', 'payload', what[variant], 'Nothing to fix; this says which checks apply.'));
  }
  // Mandatory fields of the variant (direct-jws when none or several are present).
  const required = variant && variant !== 'mixed' ? VARIANT_FIELDS[variant] : VARIANT_FIELDS['direct-jws'];
  const checked = new Set<string>(['action']);
  for (const name of required) {
    checked.add(name);
    const hit = findKey(payload, name);
    if (!hit) {
      out.push(missing(prefix + name));
      continue;
    }
    if (!hit.exact) out.push(keyCase(prefix + name, hit.key, name));
    out.push(...stringField(prefix + name, hit.value));
  }
  // Fields of other variants that are present (mixed): still type-check them.
  for (const name of ['protected', 'signaturePayload', 'signature', 'merchantKeyId', 'clientAuthToken']) {
    if (checked.has(name)) continue;
    const hit = findKey(payload, name);
    if (!hit) continue;
    checked.add(name);
    if (!hit.exact) out.push(keyCase(prefix + name, hit.key, name));
    out.push(...stringField(prefix + name, hit.value));
  }
  for (const name of OPTIONAL_PAYLOAD_KEYS) {
    const hit = findKey(payload, name);
    if (hit && !hit.exact) out.push(keyCase(prefix + name, hit.key, name));
  }
  const known = new Set(ALL_PAYLOAD_KEYS.map(canonicalKey));
  if (d.flattened) for (const k of ENVELOPE_KEYS) known.add(canonicalKey(k));
  out.push(...unknownKeys(payload, known, prefix, 'payload', 'action, protected, signaturePayload and signature'));
  return out;
}

function stringField(path: string, value: unknown): Finding[] {
  if (typeof value === 'string') return [];
  const obj = isRecord(value);
  const name = path.slice(path.lastIndexOf('.') + 1);
  const extra =
    obj && (name === 'protected' || name === 'signaturePayload')
      ? ` It holds the JSON itself; the wire carries the base64url of that JSON's UTF-8 bytes.`
      : '';
  return [
    finding(
      'envelope.wrong-type',
      path,
      `${path} is ${typeName(value)}; it must be a string.${extra}`,
      extra ? `Encode it: base64url(UTF-8(JSON text)), unpadded, and sign the encoded strings.` : `Send ${path} as a JSON string.`,
    ),
  ];
}

export function actionFindings(value: unknown): Finding[] {
  if (typeof value !== 'string') {
    return [finding('envelope.wrong-type', 'payload.action', `payload.action is ${typeName(value)}; it must be the string "${ACTION}".`, `Set action to "${ACTION}".`)];
  }
  if (value === ACTION) return [];
  if ((SIBLING_ACTIONS as readonly string[]).includes(value)) {
    return [
      finding(
        'action.sibling',
        'payload.action',
        `payload.action is "${value}", a sibling action that shares this envelope and signed triplet; the checks here are for ${ACTION}.`,
        `If you meant to get the session token, set action to "${ACTION}"; otherwise the signature and claims checks still apply.`,
      ),
    ];
  }
  const sameButCase = value.trim().toLowerCase() === ACTION.toLowerCase();
  const sibling = SIBLING_ACTIONS.find((a) => a.toLowerCase() === value.trim().toLowerCase());
  const hint = sameButCase
    ? ` It differs from "${ACTION}" only in case or spaces; the SDK matches actions exactly.`
    : sibling
      ? ` It differs from the sibling action "${sibling}" only in case or spaces.`
      : '';
  return [
    finding(
      'action.unknown',
      'payload.action',
      `payload.action is ${show(value)}, which is not an action this SDK documents.${hint}`,
      `Set action to exactly "${ACTION}".`,
    ),
  ];
}

function unknownKeys(obj: Record<string, unknown>, known: Set<string>, prefix: string, where: string, expected: string): Finding[] {
  const out: Finding[] = [];
  for (const key of Object.keys(obj)) {
    if (known.has(canonicalKey(key))) continue;
    if (out.length >= MAX_UNKNOWN) break;
    const sibling = SIBLING_PAYLOAD_KEYS.get(key);
    out.push(
      finding(
        'envelope.unknown-key',
        prefix + key,
        sibling
          ? `\`${key}\` in ${where} belongs to the ${sibling} action; upiGetSessionToken ignores it.`
          : `\`${key.slice(0, 80)}\` is not a field of ${where} for upiGetSessionToken (it expects ${expected}); the SDK most likely ignores it.`,
        'Remove it unless Juspay asked for it.',
      ),
    );
  }
  return out;
}
