/**
 * A key file picked or dropped on the import form, read as bytes first: text files go into the key
 * box, binary DER is kept as bytes for the main side to read, and anything else (a photo, an
 * archive, a .p12) is never shown as text: the form says what it is and how to convert it.
 */
import { describeError } from '../../../../shared/errors';
import { conversionCommand, DER_NAMES, pemNameFor, sniffKeyFile, type KeyFileSniff } from '../../../../shared/key-file';
import { formatBytes } from '../../lib/format';

export interface PickedFile {
  name: string;
  size: number;
  sniff: KeyFileSniff;
  /** Text files: the text, decoded (UTF-8 or UTF-16). */
  text?: string;
  /** DER files: the bytes, base64, as `keys:import` takes them. */
  base64?: string;
}

export interface FileNote {
  tone: 'error' | 'info';
  message: string;
  /** The command that converts the file, to show and copy. */
  command?: string;
  /** Whether Import can send the file as it is. */
  importable: boolean;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const sniff = sniffKeyFile(bytes);
  const picked: PickedFile = { name: file.name, size: file.size, sniff };
  if (sniff.kind === 'text') picked.text = new TextDecoder(sniff.encoding).decode(bytes);
  if (sniff.kind === 'der') picked.base64 = toBase64(bytes);
  return picked;
}

/** What the form says about a picked file that is not text; null for text files. */
export function noteFor(picked: PickedFile): FileNote | null {
  const { name, sniff } = picked;
  switch (sniff.kind) {
    case 'text':
      return null;
    case 'binary':
      return { tone: 'error', message: describeError({ code: 'binary_file', message: `${name} is ${sniff.format}, not a key.` }, 'window'), importable: false };
    case 'pkcs12':
      return {
        tone: 'error',
        message: `${name} is a PKCS#12 bundle (.p12/.pfx), which UPI Inspector does not open. Convert it to PEM (it asks for the bundle’s password), then import ${pemNameFor(name)}:`,
        command: conversionCommand('pkcs12', name),
        importable: false,
      };
    case 'der-cut':
      return { tone: 'error', message: `${name} is binary DER, cut short: it says it holds ${sniff.declared} bytes, the file has ${sniff.actual}. Get the file again.`, importable: false };
    case 'der':
      if (sniff.structure === 'unknown') {
        return { tone: 'error', message: `${name} is binary DER, but not a key structure UPI Inspector knows. See what it holds:`, command: conversionCommand('unknown', name), importable: false };
      }
      return {
        tone: 'info',
        message: `${name}: ${DER_NAMES[sniff.structure]} (binary, ${formatBytes(picked.size)}). It is read as it is when you import it; to convert it to PEM yourself:`,
        command: conversionCommand(sniff.structure, name),
        importable: true,
      };
  }
}

/** The label a file suggests: its name without the key-file extension. */
export function labelFor(name: string): string {
  return name.replace(/\.(pem|key|p8|der|cer|crt|json|jwk|txt|pub)$/i, '');
}
