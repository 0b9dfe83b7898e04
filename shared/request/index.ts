/** The request reader: `readRequest` and the shapes it produces. */
export { readRequest } from './read';
export { canonicalKey, findKey, type KeyHit } from './field-names';
export { decodeBytesSegment, decodeJsonSegment } from './segments';
export * from './types';
