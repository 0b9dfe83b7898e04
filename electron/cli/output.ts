/** Human-readable renderings; with --json every command prints its value as JSON instead. */
import type { KeyInfo } from '../../shared/keys';
import type { VerifyResult } from '../../shared/verify';

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function keyTable(keys: KeyInfo[]): string {
  const rows = [['ID', 'KID', 'KIND', 'BITS', 'LABEL', 'THUMBPRINT', 'FROM']].concat(
    keys.map((k) => [k.id, k.kid || '-', k.kind, String(k.bits), k.label, k.thumbprint, k.source.description]),
  );
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ')).join('\n') + '\n';
}

export function keyLine(key: KeyInfo): string {
  return `${key.id}  kid ${key.kid || '(not set)'}  ${key.kind} RSA-${key.bits}  "${key.label}"  thumbprint ${key.thumbprint}  (${key.source.description})\n`;
}

/** The verify verdict; the request inspector may later append findings to this. */
export function verifyReport(result: VerifyResult): string {
  const lines: string[] = [];
  if (result.valid && result.verifiedBy) {
    const by = result.verifiedBy;
    lines.push(`VALID: the signature verifies with "${by.label}" (id ${by.keyId}, kid ${by.kid || 'not set'}, thumbprint ${by.thumbprint}).`);
  } else {
    lines.push(`INVALID: ${result.reason ?? 'the signature does not verify.'}`);
  }
  lines.push(`header:  ${result.header ? JSON.stringify(result.header) : '(not decodable JSON)'}`);
  lines.push(`claims:  ${result.claims ? JSON.stringify(result.claims) : '(not decodable JSON)'}`);
  for (const attempt of result.tried) {
    lines.push(`tried:   ${attempt.valid ? 'verified' : 'no      '}  "${attempt.label}" (id ${attempt.keyId}, kid ${attempt.kid || 'not set'}, thumbprint ${attempt.thumbprint})`);
  }
  return `${lines.join('\n')}\n`;
}
