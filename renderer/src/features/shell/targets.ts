/** Ids of elements the shell moves the focus to on another screen, kept apart so the shell need not load that screen's code. */
export const RESPONSE_INPUT_ID = 'response-input';
export const VAULT_PASSPHRASE_ID = 'vault-passphrase';
