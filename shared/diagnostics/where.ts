/** Where and how the request was found in the paste, in words: one phrasing for the Inspect screen and the CLI. */
import type { RequestDecoded } from '../verdict';

const KIND: Record<RequestDecoded['kind'], string> = {
  envelope: 'a full envelope',
  payload: 'the payload object alone',
  segments: 'the three segments alone',
  'compact-jws': 'a compact JWS',
  unknown: 'no request',
};

const VARIANT: Record<string, string> = {
  'direct-jws': 'signed as a JWS (protected, signaturePayload, signature)',
  rsa: 'signed with a merchantKeyId (the older RSA scheme)',
  cat: 'authorised by a clientAuthToken',
  mixed: 'mixing two ways of signing',
};

export function describeWhereFound(d: RequestDecoded): string {
  const parts = [KIND[d.kind]];
  if (d.source === 'lines') parts.push('from three plain lines');
  if (d.source === 'key-value') parts.push('from name=value pairs');
  if (d.source === 'log-line' && d.foundAt) {
    const log = d.log ? `; logcat ${d.log.format}${d.log.tag ? `, tag ${d.log.tag}` : ''}${d.log.time ? `, ${d.log.time}` : ''}` : '';
    parts.push(`found inside other text (line ${d.foundAt.line}, column ${d.foundAt.column}${log})`);
  }
  if (d.wrapperPath !== undefined && d.kind !== 'unknown') parts.push(`under ${d.wrapperPath || 'the top level'} of a wrapper object`);
  if (d.escaped) parts.push('inside a JSON string (unescaped)');
  if (d.variant) parts.push(VARIANT[d.variant] ?? d.variant);
  return parts.join(', ');
}
