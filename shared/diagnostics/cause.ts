/**
 * Root cause first. One mistake often trips several checks (a standard-base64 signature is also
 * "padded" and "uses + and /"; a 1024-bit key's signature also "does not verify"): the root cause stays
 * an error and its consequences become notes pointing at it, so the engineer reads one problem, not
 * three. Then `pickCause` names the one finding that explains why the call fails.
 */
import type { FindingId } from './catalog';
import type { Finding } from './types';

interface Rule {
  root: FindingId;
  /** Which other findings this root cause explains. */
  explains(f: Finding, root: Finding): boolean;
}

const onSignature = (f: Finding) => f.path === 'signature' || f.path.endsWith('.signature');
const KEY_CASE = new Set(['envelope.key-case', 'header.key-case', 'claims.key-case']);

const RULES: Rule[] = [
  {
    root: 'signature.standard-base64',
    explains: (f) => onSignature(f) && ['segment.padding', 'segment.standard-base64', 'segment.bad-length', 'signature.length-mismatch'].includes(f.id),
  },
  { root: 'signature.weak-key', explains: (f) => f.id === 'signature.invalid' || f.id === 'signature.length-mismatch' },
  { root: 'signature.raw-json-signed', explains: (f) => f.id === 'signature.length-mismatch' },
  { root: 'header.alg-none', explains: (f) => f.id === 'signature.invalid' || f.id === 'signature.length-mismatch' },
  { root: 'header.alg-unsupported', explains: (f) => f.id === 'signature.invalid' || f.id === 'signature.length-mismatch' },
  { root: 'segment.swapped', explains: (f) => f.id === 'signature.invalid' || f.id === 'header.kid-missing' },
  { root: 'profile.registered-key-mismatch', explains: (f) => f.id === 'signature.invalid' },
  { root: 'input.compact-parts', explains: (f) => f.id === 'envelope.missing-field' || f.id === 'signature.length-mismatch' },
];

/** Marks consequences of a root cause (`causedBy`) and lowers them to notes; the first of several key-case slips is the root of the others. */
export function foldConsequences(findings: Finding[]): Finding[] {
  const out = findings.map((f) => ({ ...f }));
  for (const rule of RULES) {
    const root = out.find((f) => f.id === rule.root && f.severity === 'error' && f.causedBy === undefined);
    if (!root) continue;
    for (const f of out) {
      if (f === root || f.causedBy !== undefined || !rule.explains(f, root)) continue;
      f.causedBy = root.id;
      f.severity = 'info';
    }
  }
  // The docs site capitalises every key: one slip, however many keys it renamed.
  const firstCase = out.find((f) => KEY_CASE.has(f.id) && f.severity === 'error');
  if (firstCase) {
    for (const f of out) {
      if (f === firstCase || !KEY_CASE.has(f.id) || f.causedBy !== undefined) continue;
      f.causedBy = firstCase.id;
      f.severity = 'info';
    }
  }
  return out;
}

/**
 * Which error explains the failure best, most fundamental first: the input itself, then the shape, then
 * what the signature evidence proved, then the header, then the claims. Any other error comes after.
 */
const CAUSE_ORDER: readonly FindingId[] = [
  'inspector.internal-error',
  'input.empty',
  'json.invalid',
  'input.not-request',
  'input.compact-parts',
  'auth.mixed',
  'segment.swapped',
  'envelope.missing-field',
  'envelope.wrong-type',
  'segment.empty',
  'segment.not-encoded',
  'signature.weak-key',
  'signature.standard-base64',
  'signature.raw-json-signed',
  'profile.registered-key-mismatch',
  'profile.kid-unregistered',
  'header.kid-mismatch',
  'header.alg-none',
  'header.alg-unsupported',
  'header.alg-missing',
  'header.kid-missing',
  'header.not-json',
  'claims.not-json',
  'segment.padding',
  'segment.standard-base64',
  'segment.whitespace',
  'segment.illegal-characters',
  'segment.bad-length',
  'signature.length-mismatch',
  'signature.invalid',
  'envelope.key-case',
  'header.key-case',
  'claims.key-case',
  'claims.missing-field',
  'claims.wrong-type',
  'timestamp.seconds',
  'timestamp.not-numeric',
  'timestamp.out-of-range',
  'profile.merchant-id-mismatch',
  'profile.channel-id-mismatch',
  'service.unknown',
];
const RANK = new Map<string, number>(CAUSE_ORDER.map((id, i) => [id, i]));

/** The id of the error that explains the failure, or undefined when nothing is an error. */
export function pickCause(findings: readonly Finding[]): FindingId | undefined {
  let best: Finding | undefined;
  for (const f of findings) {
    if (f.severity !== 'error' || f.causedBy !== undefined) continue;
    if (!best || (RANK.get(f.id) ?? CAUSE_ORDER.length) < (RANK.get(best.id) ?? CAUSE_ORDER.length)) best = f;
  }
  return best?.id as FindingId | undefined;
}

/** Input-level causes: the text could not be read as a request at all (bad input, exit 2 for the CLI). */
export const INPUT_CAUSES: ReadonlySet<string> = new Set(['input.empty', 'json.invalid', 'input.not-request', 'inspector.internal-error']);
