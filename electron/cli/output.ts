/** Human-readable renderings; with --json every command prints its value as JSON instead. */
import type { KeyInfo } from '../../shared/keys';
import type { Finding } from '../../shared/diagnostics/types';
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

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARN ', info: 'info ' };

/** Findings as the Inspect screen lists them: severity, where, what is wrong, how to fix it. */
export function findingsReport(findings: Finding[]): string {
  if (findings.length === 0) return 'findings: none\n';
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const lines = [`findings: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`];
  for (const f of findings) {
    lines.push(`${SEVERITY_LABEL[f.severity]}  ${f.id}  ${f.path || '(whole input)'}`);
    lines.push(`       ${f.message}`);
    if (f.fix) lines.push(`       fix: ${f.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
