/**
 * How private key material looks in text, for the places that must never keep it: the history (which
 * also recognises bare base64 DER, on the main side) and the window's storage. PEM private keys (PKCS#8,
 * PKCS#1, encrypted, EC, OpenSSH) and the private members of a JWK (`d`, `p`, `q`, `dp`, `dq`, `qi`),
 * raw or escaped inside JSON strings and log lines.
 */

/** A PEM private key block, to its END line (or, cut off, to the end of its base64). */
export const PEM_PRIVATE_BLOCK = /-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----(?:[\s\S]*?-----END \1PRIVATE KEY-----|[A-Za-z0-9+/=\s\\:,-]*)/g;
/** `"d": "…"` and the other private JWK members, also as `\"d\":\"…\"` inside an escaped JSON string. */
export const JWK_PRIVATE_MEMBER = /(\\*"(?:d|p|q|dp|dq|qi)\\*"\s*:\s*\\*")([A-Za-z0-9_\-+/=]{8,})(\\*")/g;
/** A JWK's p, q … are only private next to a `d`; elsewhere a "p" member is someone's data. */
export const JWK_D = /\\*"d\\*"\s*:\s*\\*"[A-Za-z0-9_\-+/=]{8,}\\*"/;

/** True when `text` holds a PEM private key or a private JWK (the armoured forms a person pastes). */
export function holdsPrivateKeyText(text: string): boolean {
  return new RegExp(PEM_PRIVATE_BLOCK.source).test(text) || JWK_D.test(text);
}
