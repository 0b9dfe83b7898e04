/**
 * Code for one request, per stack: Android (Kotlin, Java) builds the SDK's `process` payload from the
 * segments the merchant's server signed; server side (Node, Java, Python, openssl) signs and prints the
 * envelope, byte for byte the app's. The one entry point is `generateSnippet(lang, request)`.
 */
import { ANDROID_CLASS, javaSnippet, kotlinSnippet } from './android';
import { JAVA_SERVER_CLASS, javaServerSnippet } from './java-server';
import { nodeSnippet } from './node';
import { opensslSnippet } from './openssl';
import { pythonSnippet } from './python';
import { checkSnippetRequest, type SnippetRequest } from './request';

export { snippetRequestOfSigned, type SnippetRequest } from './request';
export { snippetRequestFromDecoded, type SnippetSource } from './decoded';

export const SNIPPET_LANGS = ['kotlin', 'java', 'node', 'java-server', 'python', 'openssl'] as const;
export type SnippetLang = (typeof SNIPPET_LANGS)[number];

export interface SnippetInfo {
  lang: SnippetLang;
  /** For a language picker: "Node (node:crypto)". */
  label: string;
  /** android: builds the SDK call from segments signed elsewhere; server: signs with the key file. */
  side: 'android' | 'server';
  /** The name the file is meant to be saved under (Java needs its class's name). */
  fileName: string;
  /** How to use the file, one line. */
  usage: string;
}

export interface Snippet extends SnippetInfo {
  code: string;
}

export const SNIPPET_INFO: Readonly<Record<SnippetLang, SnippetInfo>> = {
  kotlin: {
    lang: 'kotlin',
    label: 'Android · Kotlin',
    side: 'android',
    fileName: `${ANDROID_CLASS}.kt`,
    usage: `Call ${ANDROID_CLASS}.process(hyperServices, SignedSegments(…)) with the three segments your server signed.`,
  },
  java: {
    lang: 'java',
    label: 'Android · Java',
    side: 'android',
    fileName: `${ANDROID_CLASS}.java`,
    usage: `Call ${ANDROID_CLASS}.process(hyperServices, new SignedSegments(…)) with the three segments your server signed.`,
  },
  node: { lang: 'node', label: 'Server · Node (node:crypto)', side: 'server', fileName: 'sign-session-token.mjs', usage: 'node sign-session-token.mjs PRIVATE_KEY.pem' },
  'java-server': {
    lang: 'java-server',
    label: 'Server · Java (java.security)',
    side: 'server',
    fileName: `${JAVA_SERVER_CLASS}.java`,
    usage: `java ${JAVA_SERVER_CLASS}.java PRIVATE_KEY.pem`,
  },
  python: { lang: 'python', label: 'Server · Python (cryptography)', side: 'server', fileName: 'sign_session_token.py', usage: 'python3 sign_session_token.py PRIVATE_KEY.pem' },
  openssl: { lang: 'openssl', label: 'Server · shell (openssl)', side: 'server', fileName: 'sign-session-token.sh', usage: 'bash sign-session-token.sh PRIVATE_KEY.pem' },
};

export function isSnippetLang(value: string): value is SnippetLang {
  return (SNIPPET_LANGS as readonly string[]).includes(value);
}

/**
 * The file for `lang` that builds exactly this request. Throws an InspectorError (`invalid_input`,
 * `kid_missing`) naming the field when a value cannot be carried (see checkSnippetRequest).
 */
export function generateSnippet(lang: SnippetLang, request: SnippetRequest): Snippet {
  const r = checkSnippetRequest(request);
  const info = SNIPPET_INFO[lang];
  const code = (() => {
    switch (lang) {
      case 'kotlin':
        return kotlinSnippet(r);
      case 'java':
        return javaSnippet(r);
      case 'node':
        return nodeSnippet(r, info.fileName);
      case 'java-server':
        return javaServerSnippet(r, info.fileName);
      case 'python':
        return pythonSnippet(r, info.fileName);
      case 'openssl':
        return opensslSnippet(r, info.fileName);
    }
  })();
  return { ...info, code };
}
