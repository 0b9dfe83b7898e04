/**
 * The finding tables: for every finding id, an input that raises it and a near-identical one that does
 * not, and the words its message/fix must contain. Grouped by family; `catalog.test.ts` checks every id
 * in FINDING_IDS has at least one case.
 */
import type { FindingId } from '../diagnostics/catalog';
import type { InspectRequestOptions } from '../diagnostics/request';
import type { InspectResponseOptions } from '../diagnostics/response';
import { contentFamilies } from './request-cases-content';
import { shapeFamilies } from './request-cases-shape';
import { profileFamilies } from './request-cases-profile';
import { caseFamilies } from './request-cases-case';
import {
  KID,
  NOW,
  OTHER_KID,
  PROFILE,
  envelopeText,
  evidenceFor,
  makeKey,
  signJws,
  type EnvelopeObject,
  type Segments,
  type TestKey,
} from './requests';

export interface RequestInput {
  text: string;
  options: InspectRequestOptions;
}
export interface RequestCase {
  id: FindingId;
  /** A short name for the test title. */
  name: string;
  raises: RequestInput;
  avoids: RequestInput;
  /** Words the finding's message or fix must contain (the field, the segment …). */
  mentions: string[];
}

export interface ResponseInput {
  text: string;
  options?: InspectResponseOptions;
}
export interface ResponseCase {
  id: FindingId;
  name: string;
  raises: ResponseInput;
  avoids: ResponseInput;
  mentions: string[];
}

export interface RequestWorld {
  key: TestKey;
  otherKey: TestKey;
  good: Segments;
  baseText: string;
  baseOptions: InspectRequestOptions;
  base: RequestInput;
  /** Signed envelope text + options with real evidence from `keys`. */
  signed(opts: Parameters<typeof signJws>[1], edit?: (env: EnvelopeObject) => void, signer?: TestKey): Promise<RequestInput>;
}

export async function requestWorld(): Promise<RequestWorld> {
  const key = await makeKey('vault-1', KID);
  const otherKey = await makeKey('vault-2', OTHER_KID);
  const good = await signJws(key);
  const baseText = envelopeText(good);
  const baseOptions: InspectRequestOptions = {
    now: NOW,
    vaultKids: [KID, OTHER_KID],
    signature: await evidenceFor(baseText, [key, otherKey]),
    profile: PROFILE,
  };
  const world: RequestWorld = {
    key,
    otherKey,
    good,
    baseText,
    baseOptions,
    base: { text: baseText, options: baseOptions },
    async signed(opts, edit, signer = key) {
      const segs = await signJws(signer, opts);
      const text = envelopeText(segs, edit);
      return { text, options: { ...baseOptions, signature: await evidenceFor(text, [key, otherKey]) } };
    },
  };
  return world;
}

/** Edits the envelope of the good segments; keeps the baseline options. */
export function edited(w: RequestWorld, edit: (env: EnvelopeObject) => void, options: Partial<InspectRequestOptions> = {}): RequestInput {
  return { text: envelopeText(w.good, edit), options: { ...w.baseOptions, ...options } };
}

export function withClaims(claims: Record<string, unknown>, edit: (c: Record<string, unknown>) => void): Record<string, unknown> {
  const c = { ...claims };
  edit(c);
  return c;
}

export async function requestFamilies(w: RequestWorld): Promise<Record<string, RequestCase[]>> {
  return { ...(await shapeFamilies(w)), ...(await contentFamilies(w)), ...(await profileFamilies(w)), ...(await caseFamilies(w)) };
}

export { responseFamilies } from './response-cases';
