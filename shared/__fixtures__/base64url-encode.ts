/**
 * Unpadded base64url encoding for the pure shared tests: the app's own encoder (shared/base64url.ts),
 * re-exported under the name the fixtures have always used.
 */
export { encodeBase64Url, encodeBase64UrlText } from '../base64url';
