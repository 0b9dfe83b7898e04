/**
 * The root causes in a merchant's words: one sentence for what is wrong, one for what to change. The
 * findings speak to a support engineer (the vault, keys tried, finding ids); a merchant reads about
 * their request, their key and Juspay. A cause without an entry here falls back to its finding's own
 * message and fix, which name no internal ids either.
 */
import type { FindingId } from '../diagnostics/catalog';
import type { Finding } from '../diagnostics/types';

export interface MerchantFacts {
  kid?: string;
  /** The environment of the profile, in words ("sandbox (UAT)"). */
  environment?: string;
  /** Thumbprint of the key that signed (when known) and of the key Juspay holds for the kid (from the profile). */
  signedBy?: string;
  registered?: string;
}

interface Words {
  cause: (f: MerchantFacts, finding: Finding) => string;
  fix: (f: MerchantFacts, finding: Finding) => string;
}

const kid = (f: MerchantFacts) => (f.kid ? `kid ${f.kid}` : 'the kid in your header');
const SIGN_RIGHT =
  'Sign the ASCII string protected + "." + signaturePayload (the two Base64URL segments joined by a dot, exactly as sent) with RS256, using the private key whose public key you registered with Juspay.';
const BASE64URL = 'Encode each segment and the signature as unpadded Base64URL (no "+", "/", "=" and no line breaks): Java Base64.getUrlEncoder().withoutPadding(), Android Base64.URL_SAFE | Base64.NO_PADDING | Base64.NO_WRAP, Node buffer.toString("base64url").';

const WORDS: Partial<Record<FindingId, Words>> = {
  'profile.registered-key-mismatch': {
    cause: (f) => `Your request was signed with a different key from the one registered with Juspay for ${kid(f)}${f.environment ? ` in ${f.environment}` : ''}.`,
    fix: (f) =>
      `Sign with the private key whose public key you registered for ${kid(f)}${f.registered ? ` (thumbprint ${f.registered})` : ''}, or register the public key of the key you sign with${f.signedBy ? ` (thumbprint ${f.signedBy})` : ''} and use the kid Juspay issues for it.`,
  },
  'profile.kid-unregistered': {
    cause: (f) => `The ${kid(f)} in your request's header is not registered with Juspay for this integration${f.environment ? ` in ${f.environment}` : ''}.`,
    fix: () => 'Put the kid Juspay issued for your registered public key in the header (sandbox and production keys have different kids), or register your public key for this kid.',
  },
  'signature.invalid': {
    cause: (f) => `The signature on your request does not verify: it was not made with the private key that belongs to the public key Juspay holds for ${kid(f)}, or it was made over other bytes.`,
    fix: () => `${SIGN_RIGHT} Never re-serialise the JSON before signing, and use the key of the right environment (sandbox vs production).`,
  },
  'signature.standard-base64': {
    cause: () => 'The signature itself is correct, but it is encoded as standard Base64 ("+", "/", "=") instead of unpadded Base64URL, so Juspay reads different bytes.',
    fix: () => BASE64URL,
  },
  'signature.raw-json-signed': {
    cause: () => 'Your server signed the JSON text of the claims instead of the two encoded segments joined by a dot.',
    fix: () => SIGN_RIGHT,
  },
  'signature.weak-key': {
    cause: () => 'Your request was signed with an RSA key shorter than 2048 bits, which Juspay does not accept.',
    fix: () => 'Generate a 2048-bit RSA key pair, register its public key with Juspay, and sign with its private key.',
  },
  'header.kid-mismatch': {
    cause: (f) => `The ${kid(f)} in your header belongs to another key than the one that signed the request.`,
    fix: () => 'Put the kid of the key you sign with in the header, or sign with the key that kid was issued for.',
  },
  'header.kid-missing': { cause: () => 'The JWS header (protected) has no kid.', fix: () => 'Build the header as {"kid":"<the kid Juspay issued>","alg":"RS256"}.' },
  'header.alg-missing': { cause: () => 'The JWS header (protected) has no alg.', fix: () => 'Build the header as {"kid":"<the kid Juspay issued>","alg":"RS256"}.' },
  'header.alg-none': { cause: () => 'The JWS header says alg "none": the request is not signed.', fix: () => 'Sign with RS256 and say "alg":"RS256" in the header.' },
  'header.alg-unsupported': { cause: () => 'The JWS header names an algorithm other than RS256.', fix: () => 'Sign with RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and say "alg":"RS256".' },
  'segment.padding': { cause: (_f, x) => `The field ${x.path} ends in "=" padding: it must be unpadded Base64URL.`, fix: () => BASE64URL },
  'segment.standard-base64': { cause: (_f, x) => `The field ${x.path} is standard Base64 ("+" or "/"), not Base64URL.`, fix: () => BASE64URL },
  'segment.whitespace': { cause: (_f, x) => `The field ${x.path} contains spaces or line breaks.`, fix: () => BASE64URL },
  'timestamp.seconds': {
    cause: () => 'The timestamp in the signed claims is in seconds; Juspay expects epoch milliseconds.',
    fix: () => 'Put the time in epoch milliseconds, as a string, in the claims ("timestamp":"1668389349848"), then sign.',
  },
  'profile.merchant-id-mismatch': {
    cause: () => 'The merchantId in your signed claims is not the one Juspay issued for this integration.',
    fix: () => 'Sign the merchantId Juspay issued for this environment (the same one you pass to initiate).',
  },
  'profile.channel-id-mismatch': {
    cause: () => 'The merchantChannelId in your signed claims is not the one Juspay issued for this integration.',
    fix: () => 'Sign the merchantChannelId Juspay issued for this environment (the same one you pass to initiate).',
  },
};

/** The cause and its fix for a merchant; `finding` is the verdict's cause finding. */
export function merchantWords(finding: Finding, facts: MerchantFacts): { cause: string; fix: string } {
  const words = WORDS[finding.id as FindingId];
  if (words) return { cause: words.cause(facts, finding), fix: words.fix(facts, finding) };
  return { cause: firstSentence(finding.message), fix: finding.fix };
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1]! : text;
}
