import { describe, expect, it } from 'vitest';
import { encodeBase64Url, encodeBase64UrlText } from '../__fixtures__/base64url-encode';
import { inspectRequestText } from '../diagnostics/request';
import { InspectorError } from '../result';
import { generateSnippet, SNIPPET_INFO, SNIPPET_LANGS, snippetRequestFromDecoded, snippetRequestOfSigned, type SnippetRequest } from '.';
import { claimsJson, headerJson } from './request';

const REQUEST: SnippetRequest = {
  requestId: '9b2f4c1e-8a3d-4f6b-9c2e-1d5a7b8c9e0f',
  service: 'in.juspay.hyperapi',
  action: 'upiGetSessionToken',
  merchantId: 'stock',
  merchantCustomerId: 'cust-42',
  merchantChannelId: 'STOCK_ANDROID',
  timestamp: '1668389349848',
  kid: 'uat833359804655bb748702e324111',
};

function refusal(run: () => unknown): InspectorError {
  try {
    run();
  } catch (e) {
    if (e instanceof InspectorError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('generateSnippet', () => {
  it.each(SNIPPET_LANGS)('%s: a complete file carrying every field of the request', (lang) => {
    const snippet = generateSnippet(lang, REQUEST);
    expect(snippet).toMatchObject(SNIPPET_INFO[lang]);
    const values = snippet.side === 'server' ? Object.values(REQUEST) : [REQUEST.requestId, REQUEST.service, REQUEST.action];
    for (const value of values) expect(snippet.code).toContain(value);
    // Every generated file ends with a newline and has no tab-indented or trailing-space lines.
    expect(snippet.code.endsWith('\n')).toBe(true);
    expect(snippet.code).not.toMatch(/[ \t]+\n/);
  });

  it('never holds private key material: the server files read the key from the path given as the first argument', async () => {
    const pair = await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    );
    const jwk = (await crypto.subtle.exportKey('jwk', pair.privateKey)) as Record<string, string>;
    // The PEM body's 64-character lines, in standard base64 as a key file holds them.
    const pkcs8 = encodeBase64Url(new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey))).replace(/-/g, '+').replace(/_/g, '/');
    const pemBody = pkcs8.match(/.{64}/g)!;
    const reads = { node: 'process.argv[2]', python: 'sys.argv[1]', 'java-server': 'Path.of(args[0])', openssl: 'KEY_FILE=$1' } as const;
    for (const lang of SNIPPET_LANGS) {
      const { code, side } = generateSnippet(lang, REQUEST);
      expect(code).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{16}/);
      expect(code).not.toMatch(/"d"\s*:/);
      for (const secret of [...pemBody, jwk.d!, jwk.p!, jwk.q!]) expect(code).not.toContain(secret.slice(0, 24));
      if (side === 'server') expect(code).toContain(reads[lang as keyof typeof reads]);
      else expect(code).toMatch(/Never put the private key in the app/);
    }
  });

  it('the Android files show, in a comment, the exact header and claims the server must sign (ASCII-escaped)', () => {
    const request = { ...REQUEST, merchantCustomerId: 'ünï "q" \\u000a 😀' };
    for (const lang of ['kotlin', 'java'] as const) {
      const code = generateSnippet(lang, request).code;
      const shown = /protected {8}= base64url\((.*)\)\n.*signaturePayload = base64url\((.*)\)\n/.exec(code);
      expect(shown).not.toBeNull();
      expect(JSON.parse(shown![1]!)).toEqual(JSON.parse(headerJson(request)));
      expect(JSON.parse(shown![2]!)).toEqual(JSON.parse(claimsJson(request)));
      expect(code).toMatch(/^[\t\n -~]*$/); // ASCII only: javac under a POSIX locale reads nothing else
    }
  });

  it('refuses what no language can carry byte for byte, naming the field', () => {
    const nul = refusal(() => generateSnippet('node', { ...REQUEST, merchantCustomerId: 'a\u0000b' }));
    expect(nul).toMatchObject({ code: 'invalid_input', field: 'merchantCustomerId' });
    expect(nul.message).toMatch(/merchantCustomerId contains a NUL character \(U\+0000\) at character 2/);
    const surrogate = refusal(() => generateSnippet('python', { ...REQUEST, merchantId: 'x\ud800' }));
    expect(surrogate).toMatchObject({ code: 'invalid_input', field: 'merchantId' });
    expect(surrogate.message).toMatch(/an unpaired surrogate \(U\+D800\) at character 2/);
    expect(refusal(() => generateSnippet('openssl', { ...REQUEST, kid: '  ' }))).toMatchObject({ code: 'kid_missing', field: 'kid' });
    // A surrogate pair is one character, and fine.
    expect(generateSnippet('java', { ...REQUEST, merchantCustomerId: '😀' }).code).toContain('\\ud83d\\ude00');
  });
});

describe('generator input', () => {
  it('from a signed result: the envelope, the header kid and the claims', () => {
    const request = snippetRequestOfSigned({
      envelope: { requestId: REQUEST.requestId, service: REQUEST.service, payload: { action: REQUEST.action } },
      header: { kid: REQUEST.kid },
      claims: { merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' },
    });
    expect(request).toEqual(REQUEST);
  });

  const segments = (header: unknown, claims: unknown) => ({
    protected: encodeBase64UrlText(JSON.stringify(header)),
    signaturePayload: encodeBase64UrlText(JSON.stringify(claims)),
    signature: 'c2lnbmF0dXJl',
  });
  const claims = { merchantId: 'stock', merchantCustomerId: 'cust-42', merchantChannelId: 'STOCK_ANDROID', timestamp: '1668389349848' };
  const decode = (text: string) => inspectRequestText(text, { now: 1668389349848 }).decoded;

  it('from a pasted envelope, capitalised keys included: every field, nothing filled in', () => {
    const pasted = { RequestId: REQUEST.requestId, Service: 'in.juspay.hyperapi', Payload: { Action: 'upiGetSessionToken', ...segments({ alg: 'RS256', kid: REQUEST.kid }, claims) } };
    expect(snippetRequestFromDecoded(decode(JSON.stringify(pasted)), 'fallback')).toEqual({ ok: true, notes: [], request: REQUEST });
  });

  it('from three bare segments: a fresh requestId and the default service and action, each said', () => {
    const s = segments({ kid: REQUEST.kid, alg: 'RS256' }, claims);
    const source = snippetRequestFromDecoded(decode(`${s.protected}\n${s.signaturePayload}\n${s.signature}`), '11111111-2222-4333-8444-555555555555');
    expect(source).toEqual({
      ok: true,
      request: { ...REQUEST, requestId: '11111111-2222-4333-8444-555555555555' },
      notes: [
        'The paste has no requestId: the code uses a fresh one.',
        'The paste has no service: the code uses in.juspay.hyperapi.',
        'The paste has no action: the code uses upiGetSessionToken.',
      ],
    });
  });

  it('says why there is no code: claims that do not decode, no kid, a number for timestamp', () => {
    expect(snippetRequestFromDecoded(decode('not a request'), 'x')).toEqual({ ok: false, reason: 'Code needs the header and the claims, and they do not decode.' });
    const noKid = segments({ alg: 'RS256' }, claims);
    expect(snippetRequestFromDecoded(decode(JSON.stringify(noKid)), 'x')).toEqual({ ok: false, reason: 'Code needs the header’s kid, and it has none.' });
    const numeric = segments({ kid: 'k', alg: 'RS256' }, { ...claims, timestamp: 1668389349848 });
    expect(snippetRequestFromDecoded(decode(JSON.stringify(numeric)), 'x')).toEqual({
      ok: false,
      reason: 'Code needs timestamp as string claims (timestamp is a number: it must be a string of epoch milliseconds).',
    });
  });
});
