import { describe, expect, it } from 'vitest';
import { requestFamilies, requestWorld, responseFamilies } from '../__fixtures__/cases';
import { merchantWords } from '../case/merchant-words';
import { FINDING_IDS } from './catalog';
import { findingText, merchantTextForResponse, merchantTextForVerdict } from './merchant-text';
import { inspectRequestText } from './request';
import { inspectResponseText } from './response';
import type { KeyTried } from './types';

const world = await requestWorld();
const requestCases = Object.values(await requestFamilies(world)).flat();
const responseCases = Object.values(responseFamilies()).flat();
const IDS = Object.keys(FINDING_IDS);

/** Every finding id the text mentions: there must be none. */
const idsIn = (text: string) => IDS.filter((id) => text.includes(id));

describe('merchantTextForVerdict', () => {
  it.each(requestCases.map((c) => [`${c.id}: ${c.name}`, c] as const))('%s: names the cause and the fix, no internal id', (_name, c) => {
    const verdict = inspectRequestText(c.raises.text, c.raises.options);
    const text = merchantTextForVerdict(verdict);
    expect(idsIn(text)).toEqual([]);
    expect(text).toMatch(/^Cause: .+/m);
    expect(text).not.toMatch(/Fix: Nothing to fix/i);
    const cause = verdict.cause ? verdict.findings.find((f) => f.id === verdict.cause && !f.causedBy) : undefined;
    if (cause) {
      const header = verdict.decoded.header as { kid?: unknown } | undefined;
      const words = merchantWords(cause, typeof header?.kid === 'string' && header.kid ? { kid: header.kid } : {});
      // The cause's sentence (its first words: facts like the kid may be filled in) and a fix line.
      expect(text).toContain(`Cause: ${words.cause.slice(0, 30)}`);
      expect(text).toMatch(/^Fix: .{10,}/m);
    }
  });

  it('gives one line per key tried, never a paragraph of full thumbprints', () => {
    const many: KeyTried[] = Array.from({ length: 6 }, (_, i) => ({ keyId: `k${i}`, source: 'vault', label: `key ${i}`, kid: `kid-${i}`, thumbprint: `${'T'.repeat(30)}${i}${'x'.repeat(12)}`, bits: 2048, valid: false }));
    const input = requestCases.find((c) => c.id === 'signature.invalid')!.raises;
    const verdict = inspectRequestText(input.text, { ...input.options, signature: { keysTried: many } });
    expect(verdict.cause).toBe('signature.invalid');
    const text = merchantTextForVerdict(verdict);
    const keyLines = text.split('\n').filter((l) => /thumbprint/.test(l));
    expect(keyLines).toHaveLength(6);
    for (const k of many) expect(text).not.toContain(k.thumbprint);
    expect(text).toMatch(/^Cause: The signature on your request does not verify/m);
    expect(idsIn(text)).toEqual([]);
  });

  it('says a verifying request is fine', () => {
    const verdict = inspectRequestText(world.base.text, world.base.options);
    expect(verdict.valid).toBe(true);
    const text = merchantTextForVerdict(verdict);
    expect(text).toMatch(/signed correctly/);
    expect(text).toMatch(/verifies this request/);
  });
});

describe('merchantTextForResponse', () => {
  it.each(responseCases.map((c) => [`${c.id}: ${c.name}`, c] as const))('%s: no internal id', (_name, c) => {
    const { findings } = inspectResponseText(c.raises.text, c.raises.options);
    const text = merchantTextForResponse(findings);
    expect(idsIn(text)).toEqual([]);
    if (findings.some((f) => f.severity === 'error')) expect(text).toMatch(/^Cause: .+/m);
  });
});

describe('findingText', () => {
  it('is the message, where, and the fix; no id and no "Nothing to fix"', () => {
    const f = { id: 'segment.padding', severity: 'error' as const, path: 'payload.signature', message: 'The signature ends in "=".', fix: 'Drop the padding.' };
    expect(findingText(f)).toBe('Error: The signature ends in "=".\nWhere: payload.signature\nFix: Drop the padding.');
    expect(findingText({ ...f, severity: 'info', path: '', fix: 'Nothing to fix; this says which checks apply.' })).toBe('Note: The signature ends in "=".\nWhere: the whole input');
  });
});
