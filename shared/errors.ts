/**
 * Every error the app can return: a stable code, a one-line title, the HTTP status the browser host
 * answers with, and what to do about it. Failures say what happened in `message` (core) and what to do
 * in `fix`: the words for each door come from here, so no door rewrites another's message.
 *
 * `status`: 4xx for a request a door refuses, 200 for a failed answer (`{ ok: false }`), 500 only for
 * the host's own last-resort failure. Codes that only the window or the CLI makes carry the status they
 * would have; no host sends them.
 *
 * `fix`: `window` and `cli` are the door's own words and win over an occurrence's `fix`; `any` is the
 * fallback when neither the door nor the occurrence says anything. See `fixFor`.
 */
import type { AppError } from './result';

export type Door = 'window' | 'cli';

interface Fix {
  window?: string;
  cli?: string;
  any?: string;
}

interface Entry {
  title: string;
  status: number;
  fix?: Fix;
}

const VAULT_FROM_ENV = 'Set UPI_INSPECTOR_PASSPHRASE or run the command in a terminal to be asked';
const KEY_AS_FILE = 'or give the key as a file: --key-file to sign, --public-key to verify';

export const ERRORS = {
  // Refused by a door before any handler runs.
  invalid_input: { title: 'The input does not match the channel’s contract', status: 400 },
  invalid_json: { title: 'The request body is not JSON', status: 400 },
  too_deep: { title: 'The input is nested deeper than the 256-level limit', status: 400 },
  bad_path: { title: 'The channel name in the path is not valid percent-encoding', status: 400 },
  duplicate_header: { title: 'A Host or Origin header appears more than once', status: 400, fix: { any: 'Send each of Host and Origin once.' } },
  forbidden_host: { title: 'The Host header is not this inspector’s loopback address', status: 403 },
  forbidden_origin: { title: 'The Origin may not call this inspector', status: 403 },
  forbidden_token: { title: 'The per-launch token is missing or wrong', status: 403, fix: { any: 'Open the URL the inspector printed at start-up.' } },
  forbidden_path: { title: 'The path is outside the app', status: 403 },
  forbidden_sender: { title: 'The calling frame is not the inspector’s own page', status: 403 },
  unknown_channel: { title: 'There is no channel by that name', status: 404 },
  not_found: { title: 'No file at that path', status: 404 },
  method_not_allowed: { title: 'The HTTP method is not the one this path takes', status: 405 },
  body_timeout: { title: 'The request body did not arrive in time', status: 408, fix: { any: 'Send the whole body at once, then try again.' } },
  too_large: { title: 'The request body is over the size limit', status: 413, fix: { any: 'Open the file instead of pasting it.' } },
  unsupported_media_type: { title: 'API calls must be sent as application/json', status: 415, fix: { any: 'Send the body with Content-Type: application/json.' } },
  answer_too_deep: { title: 'The answer would nest deeper than the limit, so it is not sent', status: 422 },
  unserializable: { title: 'The answer could not be written as JSON', status: 422, fix: { any: 'Report this with the text you pasted.' } },
  host_busy: {
    title: 'The browser host is taking in as much as it holds at once',
    status: 503,
    fix: { any: 'Try again in a moment (the Retry-After header says when); paste large texts one at a time.' },
  },
  host_failed: { title: 'The browser host failed to answer (a bug)', status: 500, fix: { any: 'Try again; if it persists, restart "npm run serve" and report this.' } },

  // A handler's failed answer.
  internal: { title: 'An operation failed unexpectedly (a bug)', status: 200, fix: { any: 'Report this, with what was pasted or typed, as a bug in UPI Inspector.' } },
  vault_locked: {
    title: 'The key vault is locked',
    status: 200,
    fix: {
      window: 'Unlock the vault on the Keys screen (a new vault: choose its passphrase there).',
      cli: `${VAULT_FROM_ENV}; ${KEY_AS_FILE}.`,
    },
  },
  vault_damaged: {
    title: 'The key vault file is damaged and left as it is',
    status: 200,
    fix: {
      cli: `Move the file aside (or set UPI_INSPECTOR_HOME to another folder) to start a new vault, or restore it from a backup; meanwhile give the key as a file: --key-file to sign, --public-key to verify.`,
    },
  },
  vault_mode_mismatch: { title: 'The vault file was written by another storage mode', status: 200 },
  vault_write_failed: { title: 'The key vault could not be saved', status: 200 },
  passphrase_required: {
    title: 'A passphrase is needed',
    status: 200,
    fix: {
      window: 'Type the key’s passphrase in the Key passphrase field, then import it again.',
      cli: 'Set UPI_INSPECTOR_KEY_PASSPHRASE to the key’s passphrase, or run the command in a terminal to be asked for it.',
    },
  },
  wrong_passphrase: {
    title: 'The passphrase does not open it',
    status: 200,
    fix: {
      cli: 'Check the passphrase (UPI_INSPECTOR_PASSPHRASE for the vault, UPI_INSPECTOR_KEY_PASSPHRASE for a key file, or what was typed at the prompt) and try again.',
      any: 'Check the passphrase and try again.',
    },
  },
  cipher_data_damaged: { title: 'The encrypted vault data is not in the passphrase cipher format', status: 200 },
  weak_passphrase: {
    title: 'The passphrase is too weak for the key vault',
    status: 200,
    fix: {
      cli: 'Choose at least 12 characters that are hard to guess (several uncommon words, or one from a password manager), at the prompt or in UPI_INSPECTOR_PASSPHRASE.',
      any: 'Choose at least 12 characters that are hard to guess: several uncommon words, or a passphrase from a password manager.',
    },
  },
  lock_unavailable: { title: 'This vault has no passphrase to lock it behind', status: 200 },
  file_busy: { title: 'Another UPI Inspector is writing the file', status: 200 },
  history_locked: {
    title: 'The history is encrypted with the key vault, which is locked',
    status: 200,
    fix: { window: 'Unlock the vault on the Keys screen: the history opens with it.', cli: `${VAULT_FROM_ENV}.` },
  },
  history_not_found: { title: 'There is no history entry with that id', status: 200 },
  history_write_failed: { title: 'The history could not be saved', status: 200 },
  key_not_found: {
    title: 'There is no such key in the vault',
    status: 200,
    fix: {
      window: 'Pick a key from the list (keys may have been deleted in another window or by the CLI).',
      cli: 'Run "upi-inspector keys list" to see the ids and kids in the vault.',
    },
  },
  ambiguous_key: { title: 'Several keys in the vault have that kid', status: 200 },
  duplicate_key: { title: 'The key is already in the vault', status: 200, fix: { any: 'Use the key already there; delete it first to import it again.' } },
  kid_missing: {
    title: 'The signing key has no kid',
    status: 200,
    fix: {
      window: 'Set the kid Juspay issued on the Keys screen (Rename).',
      cli: 'Pass --kid <kid>, the kid Juspay issued for this key (e.g. uat833359804655bb748702e324111).',
    },
  },
  public_only: { title: 'Signing needs a private key, and this is a public key', status: 200 },
  weak_key: { title: 'The RSA key is under 2048 bits', status: 200 },
  not_rsa: { title: 'The key is not an RSA key', status: 200 },
  key_inconsistent: { title: 'The key’s private parts do not match its modulus', status: 200 },
  empty_key: { title: 'The key is empty', status: 200 },
  damaged_pem: { title: 'The PEM is damaged or cut off', status: 200 },
  damaged_json: { title: 'The JWK is not valid JSON', status: 200 },
  damaged_jwk: { title: 'The JSON is not a usable JWK', status: 200 },
  jwk_missing_members: { title: 'The JWK lacks members an RSA key needs', status: 200 },
  unsupported_key_format: { title: 'The key is in a format UPI Inspector does not read', status: 200 },
  unrecognized_key_format: { title: 'The text is neither a PEM key nor a JWK', status: 200 },
  binary_file: {
    title: 'The file is not a key: it is an image, an archive or other binary data',
    status: 200,
    fix: { any: 'Pick the key file itself: the .pem, .key, .der, .p8 or .json (JWK) file the merchant or Juspay gave you.' },
  },
  binary_as_text: {
    title: 'A binary key file reached UPI Inspector as text, so its bytes are lost',
    status: 200,
    fix: { window: 'Open the file itself with Open key file… (or drop it on the key box) instead of pasting its text.' },
  },
  pkcs_bundle: {
    title: 'A PKCS#12 bundle (.p12, .pfx) must be converted to PEM first',
    status: 200,
    fix: { any: 'Convert it with `openssl pkcs12 -in merchant.p12 -nodes -nocerts -out merchant.pem` (it asks for the bundle’s password), then import the .pem file.' },
  },
  openssh_key: {
    title: 'An OpenSSH key must be converted to PEM first',
    status: 200,
    fix: { any: 'Convert a public key with `ssh-keygen -f key.pub -e -m PKCS8 > key.pem`, a private one with `ssh-keygen -p -m PKCS8 -f <copy of the file>`, then import the result.' },
  },
  der_unreadable: {
    title: 'The DER key file could not be read',
    status: 200,
    fix: { any: 'Convert it to PEM with `openssl rsa -inform DER -in key.der -out key.pem`; if openssl cannot read it either, get the file again.' },
  },
  claims_unreadable: { title: 'The request has no readable claims to re-sign', status: 200 },
  claims_incomplete: { title: 'The claims lack fields a request needs', status: 200 },

  // Profiles.
  profile_not_found: {
    title: 'There is no such profile',
    status: 200,
    fix: {
      window: 'Pick a profile from the list (it may have been removed in another window or by the CLI).',
      cli: 'Run "upi-inspector profiles list" to see the profiles by name.',
    },
  },
  profile_name_taken: {
    title: 'Another profile has that name',
    status: 200,
    fix: {
      window: 'Choose another name, or edit the profile that has it.',
      cli: 'Choose another name, or remove that profile first; "profiles import --replace" overwrites profiles of the same name.',
    },
  },
  profiles_file_invalid: { title: 'The profiles file is refused', status: 200, fix: { any: 'Fix the field named, or export the profiles again from UPI Inspector; nothing stored was changed.' } },
  profiles_file_private_key: {
    title: 'The profiles file holds private key material',
    status: 200,
    fix: { any: 'Export the profiles again from UPI Inspector (its exports carry public keys only); nothing stored was changed.' },
  },
  profiles_damaged: { title: 'The profiles file is damaged and could not be moved aside', status: 200, fix: { any: 'Move it aside by hand; the profiles then start empty.' } },
  profiles_write_failed: { title: 'The profiles could not be saved', status: 200, fix: { any: "Check the data folder's permissions and free space; nothing was changed." } },
  profile_mismatch: {
    title: 'The key does not belong to the chosen profile',
    status: 200,
    fix: {
      any: 'Choose the profile’s own signing key, or the profile this key belongs to.',
      cli: 'Sign with the profile’s key (leave out --key), choose the right --profile, or pass --allow-mismatch to sign anyway (for negative tests).',
    },
  },

  // Made by the CLI.
  invalid_usage: { title: 'The command was used wrongly', status: 400, fix: { any: 'Run "upi-inspector <command> --help" for its options.' } },
  passphrase_mismatch: { title: 'The two passphrases typed differ', status: 200, fix: { any: 'Run the command again.' } },
  no_terminal: {
    title: 'There is no terminal to ask for a passphrase on',
    status: 200,
    fix: { any: 'Set it in the environment instead: UPI_INSPECTOR_PASSPHRASE for the vault, UPI_INSPECTOR_KEY_PASSPHRASE for a key file.' },
  },
  cancelled: { title: 'Cancelled at the passphrase prompt', status: 200 },

  // Made by the window.
  no_token: { title: 'The page was opened without its token', status: 403, fix: { any: 'Open the URL that "npm run serve" printed.' } },
  host_unreachable: { title: 'The browser host does not answer', status: 503, fix: { any: 'Check that "npm run serve" is still running, then try again.' } },
  bad_response: { title: 'The browser host answered without a result', status: 502, fix: { any: 'Reload the page; if it persists, restart "npm run serve".' } },
  unexpected: { title: 'The call to the main side failed unexpectedly (a bug)', status: 200, fix: { any: 'Try again; if it persists, report this as a bug in UPI Inspector.' } },
  form_incomplete: { title: 'The Compose form is not complete', status: 200 },
  superseded: { title: 'The form changed while signing', status: 200, fix: { any: 'Try again in a moment.' } },
  not_signed: { title: 'Nothing is signed yet', status: 200, fix: { any: 'Fill the Compose form first.' } },

  // Log sessions (files, pipes, adb logcat).
  log_not_text: { title: 'The file is not a text log', status: 200, fix: { any: 'Open the logcat text (adb logcat -v threadtime -d > log.txt) or a plain-text log.' } },
  log_read_failed: { title: 'The log could not be read', status: 200, fix: { any: 'Check that the file still exists and is readable, then open it again.' } },
  adb_missing: {
    title: 'adb (Android platform-tools) is not installed',
    status: 200,
    fix: { any: 'Install it: "sudo apt-get install adb" on Debian or Ubuntu, or Android SDK platform-tools (developer.android.com/tools/releases/platform-tools) elsewhere; make sure "adb" is on PATH.' },
  },
  adb_failed: { title: 'adb failed', status: 200, fix: { any: 'Run "adb devices" in a terminal to see why; "adb kill-server" restarts a stuck adb server.' } },
  device_unavailable: {
    title: 'The device is not connected or not ready',
    status: 200,
    fix: {
      window: 'Connect the phone with USB debugging on, accept its prompt, then refresh the device list.',
      cli: 'Run "adb devices" and pass --serial with a device in state "device"; connect the phone with USB debugging on and accept its prompt.',
    },
  },
  capture_not_found: { title: 'There is no such live capture', status: 200, fix: { any: 'Start the capture again: captures end when the inspector restarts.' } },
  capture_limit: { title: 'Too many live captures are running', status: 200, fix: { any: 'Stop a capture before starting another.' } },

  // Case files (.upicase.json).
  case_invalid: {
    title: 'The case file is refused',
    status: 200,
    fix: { any: 'Fix the field named, or export the case again from UPI Inspector (window: Export case…; CLI: upi-inspector case export).' },
  },
  case_incomplete: { title: 'The case file does not hold what this asks for', status: 200 },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERRORS;

/** The HTTP status a door answers a failure with (200: a failed answer, not a refused request). */
export function statusOfCode(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** What to do, in the words of `door`: its own fix, else this occurrence's, else the catalogue's `any`. */
export function fixFor(error: Pick<AppError, 'code' | 'fix'>, door: Door): string | undefined {
  const fix: Fix | undefined = (ERRORS[error.code] as Entry | undefined)?.fix;
  return fix?.[door] ?? error.fix ?? fix?.any;
}

/** What happened, then what to do, as one line: how the CLI prints an error and the window shows one. */
export function describeError(error: Pick<AppError, 'code' | 'message' | 'fix'>, door: Door): string {
  const fix = fixFor(error, door);
  const message = error.message.replace(/\s*\n\s*/g, ' ');
  return fix ? `${message} ${fix}` : message;
}
