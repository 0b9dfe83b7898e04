/**
 * What the chosen profile settles about the signature: which public key Juspay holds for the header's
 * kid. The registered keys are among the evidence's keys (source `profile`), verified once like any
 * other, so these findings only read what the evidence proved.
 */
import type { Environment, KeyReference } from '../profile';
import { finding } from './catalog';
import type { Finding, KeyRef, SignatureEvidence } from './types';
import { list, plural, show } from '../words';

/** The chosen profile's facts, as the verdict needs them. */
export interface ProfileFacts {
  name?: string;
  environment?: Environment;
  merchantId?: string;
  merchantChannelId?: string;
  /** The kids this profile registers and the thumbprint Juspay holds for each. */
  registeredKeys?: readonly KeyReference[];
  /** Kids registered by the other profiles, for "registered in Acme PROD (production)". */
  elsewhere?: ReadonlyArray<{ name: string; environment: Environment; kid: string }>;
}

export interface ProfileKeyContext {
  /** The header's kid. */
  kid?: string;
  /** Path of the header's kid (`payload.protected.kid`) and of the signature. */
  kidPath: string;
  signaturePath: string;
}

function profileWords(p: ProfileFacts): string {
  return p.environment ? `${p.name ?? 'the chosen profile'} (${p.environment})` : (p.name ?? 'the chosen profile');
}

/** `profile.kid-unregistered` and `profile.registered-key-mismatch`. */
export function profileKeyFindings(evidence: SignatureEvidence | undefined, profile: ProfileFacts | undefined, ctx: ProfileKeyContext): Finding[] {
  const kid = ctx.kid;
  if (!profile?.registeredKeys || !kid) return [];
  const registered = profile.registeredKeys.find((k) => k.kid === kid);
  if (!registered) return unregistered(profile, kid, ctx.kidPath);
  if (!evidence || evidence.notCheckedReason !== undefined) return [];
  const tried = evidence.keysTried.find((k) => k.thumbprint === registered.thumbprint);
  // The registered key made this signature (perhaps with a mistake another finding names): nothing to say here.
  if (!tried || tried.valid || tried.verifiesIf !== undefined) return [];
  const signer: KeyRef | undefined = evidence.verifiedBy ?? evidence.standardBase64Matches ?? evidence.rawJsonSigningMatches;
  const holds = `Juspay holds thumbprint ${registered.thumbprint} for kid ${show(kid)} (${profile.name ?? 'the chosen profile'})`;
  const message = signer
    ? `${holds}; this request was signed by the key with thumbprint ${signer.thumbprint} ("${signer.label}"${signer.kid ? `, kid ${show(signer.kid)}` : ''}). Juspay verifies with the key it holds, so it answers "Merchant signature mismatch".`
    : `${holds}; that key does not verify this request, and no known key does (${plural(evidence.keysTried.length, 'key')} tried): it was signed by a key that is not the registered one. Juspay answers "Merchant signature mismatch".`;
  const fix = signer
    ? `Sign with the private key whose public key has thumbprint ${registered.thumbprint}, or register the public key with thumbprint ${signer.thumbprint} with Juspay for kid ${show(kid)} and update the profile.`
    : `Sign with the private key whose public key has thumbprint ${registered.thumbprint}; if the merchant registered a new key since, get its public key and update the profile.`;
  return [finding('profile.registered-key-mismatch', ctx.signaturePath, message, fix)];
}

function unregistered(profile: ProfileFacts, kid: string, path: string): Finding[] {
  const elsewhere = (profile.elsewhere ?? []).filter((e) => e.kid === kid);
  const kids = profile.registeredKeys ?? [];
  if (kids.length === 0 && elsewhere.length === 0) return []; // the profile knows no keys: it settles nothing
  const registers = kids.length ? `which registers ${list(kids.map((k) => show(k.kid)))}` : 'which registers no keys';
  const other = elsewhere.find((e) => e.environment !== profile.environment) ?? elsewhere[0];
  const where = elsewhere.length ? ` ${show(kid)} is registered in ${list(elsewhere.map((e) => `${e.name} (${e.environment})`))}${other && other.environment !== profile.environment ? ': the request is signed for the other environment' : ''}.` : '';
  return [
    finding(
      'profile.kid-unregistered',
      path,
      `The header's kid ${show(kid)} is not registered in the profile ${profileWords(profile)}, ${registers}.${where} Juspay looks up the public key by kid in this environment and finds none.`,
      other
        ? `Sign with a kid registered for ${profile.name ?? 'this profile'}, or pick the profile ${other.name} if the request belongs there.`
        : `Sign with a kid registered for ${profile.name ?? 'this profile'}; if Juspay issued ${show(kid)} for this merchant, add it to the profile's registered keys.`,
    ),
  ];
}
