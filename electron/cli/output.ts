/** Human-readable renderings; with --json every command prints its value as JSON instead. */
import type { KeyInfo } from '../../shared/keys';
import type { Finding } from '../../shared/diagnostics/types';
import type { Verdict } from '../../shared/verdict';
import { describeWhereFound } from '../../shared/diagnostics/where';

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

const VERDICT_WORD: Record<Verdict['summary']['tone'], string> = { ok: 'VALID', warn: 'WARNING', error: 'INVALID', unknown: 'NOT VERIFIED' };

/** The verdict as text: the headline, where the request was found, the keys tried, then the findings. */
export function verdictReport(v: Verdict): string {
  const word = v.summary.tone !== 'warn' ? VERDICT_WORD[v.summary.tone] : v.valid === true ? 'VALID, WITH WARNINGS' : 'NOT VERIFIED';
  const lines = [`${word}: ${v.summary.headline}`];
  if (v.cause) lines.push(`cause:   ${v.cause}`);
  if (v.profile) lines.push(`profile: ${v.profile.name} (${v.profile.environment})${v.profile.picked === 'auto' ? ', picked from the request' : ''}`);
  lines.push(`read:    ${describeWhereFound(v.decoded)}`);
  if (v.decoded.header !== undefined) lines.push(`header:  ${v.decoded.headerText ?? JSON.stringify(v.decoded.header)}`);
  if (v.decoded.claims !== undefined) lines.push(`claims:  ${v.decoded.claimsText ?? JSON.stringify(v.decoded.claims)}`);
  for (const k of v.tried) {
    const result = k.valid ? 'verifies     ' : k.verifiesIf ? `verifies only ${k.verifiesIf === 'standard-base64' ? 'as standard base64' : `over ${k.verifiesIf}`}:` : 'does not verify';
    lines.push(`key:     ${result}  "${k.label}" (kid ${k.kid || 'not set'}, ${k.bits}-bit, thumbprint ${k.thumbprint})`);
  }
  return `${lines.join('\n')}\n${findingsReport(v.findings)}`;
}

const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: 'ERROR', warning: 'WARN ', info: 'info ' };

/** Findings as the Inspect screen lists them: severity, where, what is wrong, how to fix it. */
export function findingsReport(findings: Finding[]): string {
  if (findings.length === 0) return 'findings: none\n';
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  const lines = [`findings: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)`];
  for (const f of findings) {
    if (f.causedBy) continue;
    lines.push(`${SEVERITY_LABEL[f.severity]}  ${f.id}  ${f.path || '(whole input)'}`);
    lines.push(`       ${f.message}`);
    if (f.fix) lines.push(`       fix: ${f.fix}`);
    // One root cause, its consequences under it.
    for (const c of findings.filter((x) => x.causedBy === f.id)) lines.push(`       because of this, also: ${c.id} ${c.path}: ${c.message}`);
  }
  return `${lines.join('\n')}\n`;
}

export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
