/** What the one request reader produces: the request's parts as far as they decode, and where it was found. */
import type { JsonParseFailure } from '../json';
import type { LogLinePrefix } from '../logcat';

export type RequestKind = 'envelope' | 'payload' | 'segments' | 'compact-jws' | 'unknown';
export type AuthVariant = 'direct-jws' | 'rsa' | 'cat';
export type SegmentName = 'protected' | 'signaturePayload' | 'signature';
export const SEGMENT_NAMES: readonly SegmentName[] = ['protected', 'signaturePayload', 'signature'];

/** Which payload key marks which auth variant (domain.md §2). */
export const VARIANT_KEYS: Readonly<Record<AuthVariant, string>> = {
  'direct-jws': 'protected',
  rsa: 'merchantKeyId',
  cat: 'clientAuthToken',
};

/**
 * How the pasted text held the request:
 * - `json`: the text is JSON (possibly with the request under a wrapper, see `wrapperPath`);
 * - `log-line`: found inside other text (a logcat line, a stack trace …), see `foundAt` and `log`;
 * - `compact`: the text is a compact JWS `a.b.c`;
 * - `lines`: three plain lines, protected / signaturePayload / signature in that order;
 * - `key-value`: `protected=…, signaturePayload=…, signature=…` (or `name: value`) pairs;
 * - `none`: nothing recognisable.
 */
export type RequestSource = 'json' | 'log-line' | 'compact' | 'lines' | 'key-value' | 'none';

/** How a segment was turned into text. */
export type SegmentEncoding =
  /** Strict unpadded base64url, as RFC 7515 requires. */
  | 'base64url'
  /** Only after forgiving padding, `+`/`/` or whitespace. */
  | 'base64-loose'
  /** The field holds JSON text itself, not base64 (rsa's signaturePayload; a mistake for direct-jws). */
  | 'raw-json'
  /** Could not be decoded at all. */
  | 'none';

export interface DecodedSegment {
  /** The segment exactly as received. */
  raw: string;
  encoding: SegmentEncoding;
  /** Decoded bytes' length, when they decoded. */
  byteLength?: number;
  /** UTF-8 text of the decoded bytes, when they are UTF-8 (not for the signature). */
  text?: string;
  /** The parsed JSON, when the text is JSON (not for the signature). */
  json?: unknown;
  /** Why the segment does not decode to JSON, in words. */
  error?: string;
  /** The JSON parse error, with line/column in the decoded text. */
  jsonError?: JsonParseFailure;
}

export interface DecodedRequest {
  kind: RequestKind;
  source: RequestSource;
  /** The request sat inside a JSON string (stringified twice, or an escaped log line) and was unescaped. */
  escaped?: boolean;
  /** The request was found under this path of a wrapper object (`data.request`, `[0]`, `envelope`). */
  wrapperPath?: string;
  /** 1-based position in the text where the request starts, when it was found inside other text. */
  foundAt?: { line: number; column: number };
  /** The logcat prefix of the line the request was found on, when it has one. */
  log?: LogLinePrefix;
  /** The JSON error, when the paste (or the JSON in it) does not parse. */
  parseError?: JsonParseFailure;
  /** The request object exactly as parsed (envelope, payload or segments object). */
  root?: Record<string, unknown>;
  /** The top-level value when it parsed but holds no request object (a number, an empty array …). */
  rootValue?: unknown;
  /** The object holding action and the signed fields: `root.payload`, or `root` itself. */
  payload?: Record<string, unknown>;
  /** `string` when `payload` arrived as a string holding JSON (a mistake, decoded anyway). */
  payloadSpelling?: 'object' | 'string';
  /** Payload fields found at the envelope's top level because `payload` itself is missing. */
  flattened?: boolean;
  /** Every auth variant whose marker key is present; more than one is a mix (an error). */
  variants: AuthVariant[];
  /** The single variant, `mixed`, or undefined when no marker key is present. */
  variant?: AuthVariant | 'mixed';
  /** The three fields exactly as received (only those that are strings). */
  segments: Partial<Record<SegmentName, string>>;
  /** Number of dot-separated parts, for a compact JWS. */
  compactParts?: number;
  /** `protected` decoded: the JWS header. */
  header?: DecodedSegment;
  /** `signaturePayload` decoded: the claims. */
  claims?: DecodedSegment;
  /** `signature` decoded to bytes (its length is what matters). */
  signature?: DecodedSegment;
  /** True when the segments were dug out of broken JSON by pattern (the JSON itself does not parse). */
  salvaged?: boolean;
}

export function emptyRequest(): DecodedRequest {
  return { kind: 'unknown', source: 'none', variants: [], segments: {} };
}
