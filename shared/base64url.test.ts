import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64Url, encodeBase64UrlText } from './__fixtures__/base64url-encode';
import { classifyBase64Url, decodeBase64Loose, decodeBase64Url, nameCharacter, utf8Decode } from './base64url';

const decodeText = (s: string) => {
  const bytes = decodeBase64Url(s);
  return bytes ? utf8Decode(bytes) : null;
};

/** Reference: standard base64 via btoa (present in Node and browsers). */
function reference(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

describe('encode/decode', () => {
  it('matches RFC 4648 test vectors (unpadded, url-safe)', () => {
    const vectors: Array<[string, string]> = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [text, encoded] of vectors) {
      expect(encodeBase64UrlText(text)).toBe(encoded);
      expect(decodeText(encoded)).toBe(text);
    }
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe('-_-_');
  });

  it('encodes the documented header the way every JWS library does', () => {
    expect(encodeBase64UrlText('{"kid":"uat833359804655bb748702e324111","alg":"RS256"}')).toBe(
      'eyJraWQiOiJ1YXQ4MzMzNTk4MDQ2NTViYjc0ODcwMmUzMjQxMTEiLCJhbGciOiJSUzI1NiJ9',
    );
  });

  it('round-trips any bytes and agrees with btoa', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const encoded = encodeBase64Url(bytes);
        expect(encoded).toBe(reference(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
        expect(decodeBase64Url(encoded)).toEqual(bytes);
        expect(decodeBase64Loose(reference(bytes))).toEqual(bytes);
      }),
    );
  });

  it('round-trips any UTF-8 text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      expect(decodeText(encodeBase64UrlText(s))).toBe(s);
    }));
  });

  it('strict decoding refuses padding, the standard alphabet, whitespace and impossible lengths', () => {
    for (const bad of ['Zg==', 'a+b/', 'Zm9v\nYg', 'Zm9vY', 'Zm9v.Yg']) expect(decodeBase64Url(bad), bad).toBeNull();
    expect(decodeBase64Loose('Zm9v\r\nYg==')).toEqual(new TextEncoder().encode('foob'));
    expect(decodeBase64Loose('Zm=9v')).toBeNull();
    expect(decodeText('__8')).toBeNull(); // bytes ff ff: not UTF-8
  });
});

describe('classifyBase64Url', () => {
  const kinds = (s: string) => classifyBase64Url(s).issues.map((i) => i.kind);

  it('accepts unpadded base64url', () => {
    const c = classifyBase64Url('eyJhbGciOiJSUzI1NiJ9');
    expect(c).toMatchObject({ ok: true, issues: [], standardBase64: false, summary: 'unpadded base64url' });
  });

  it('names each problem', () => {
    expect(kinds('')).toEqual(['empty']);
    expect(kinds('Zg==')).toEqual(['padding']);
    expect(kinds('ab+c/d')).toEqual(['standard-alphabet']);
    expect(kinds('ab+c/w==')).toEqual(['padding', 'standard-alphabet']);
    expect(kinds('abcd efgh')).toEqual(['whitespace']);
    expect(kinds('abcd"efg')).toEqual(['illegal']);
    expect(kinds('abcde')).toEqual(['length']);
    expect(kinds('ab=cd')).toEqual(['illegal']); // '=' in the middle is not padding
    expect(kinds('===')).toEqual(['empty', 'padding']);
  });

  it('says standard base64 was used when it sees + / or padding', () => {
    expect(classifyBase64Url('ab+c').standardBase64).toBe(true);
    expect(classifyBase64Url('abc=').standardBase64).toBe(true);
    expect(classifyBase64Url('abc').standardBase64).toBe(false);
    expect(classifyBase64Url('ab+c').summary).toMatch(/standard base64 was used/);
  });

  it('recognises Android Base64.DEFAULT wrapping at 76 characters', () => {
    const long = 'A'.repeat(76 * 3 + 10);
    const wrapped = long.replace(/(.{76})/g, '$1\n');
    const c = classifyBase64Url(wrapped);
    expect(c.issues[0]).toMatchObject({ kind: 'whitespace', lineBreaks: 3, wrapWidth: 76, index: 76 });
    expect(c.summary).toMatch(/Base64\.DEFAULT/);
    const crlf = classifyBase64Url(long.replace(/(.{76})/g, '$1\r\n'));
    expect(crlf.issues[0]).toMatchObject({ kind: 'whitespace', lineBreaks: 3, wrapWidth: 76 });
  });

  it('names illegal characters and their positions (1-based in words, 0-based in data)', () => {
    const c = classifyBase64Url('abc\u200bdef.gh');
    const issue = c.issues.find((i) => i.kind === 'illegal');
    expect(issue).toMatchObject({ kind: 'illegal', count: 2, characters: [{ char: '\u200b', index: 3 }, { char: '.', index: 7 }] });
    expect(c.summary).toContain('U+200B (zero-width space) at character 4');
    expect(c.summary).toContain("'.' (dot) at character 8");
  });

  it('handles astral characters as one', () => {
    const c = classifyBase64Url('ab😀cd');
    expect(c.issues).toEqual([{ kind: 'illegal', count: 1, characters: [{ char: '😀', index: 2, name: "'😀'" }] }]);
  });

  it('never throws and is consistent with strict decoding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        const c = classifyBase64Url(s);
        expect(c.ok).toBe(decodeBase64Url(s) !== null && s.length > 0);
      }),
    );
  });

  it('names characters for messages', () => {
    expect(nameCharacter('"')).toBe(`'"' (double quote)`);
    expect(nameCharacter('\u00a0')).toBe('U+00A0 (no-break space)');
    expect(nameCharacter('\u0001')).toBe('U+0001');
    expect(nameCharacter('é')).toBe("'é'");
  });
});
