/**
 * What counts as personal data in a request, a response or a log item, and what each value becomes.
 * Keys are matched case-insensitively; a string shaped like a VPA (`local@handle`) is masked wherever
 * it sits. Masking is idempotent: a masked value masks to itself, so reading a masked file finds nothing
 * left to mask (the export checks exactly that).
 */
import type { MaskRule } from '../../../shared/case/format';
import { isRecord } from '../../../shared/guards';

/** A value found and what it becomes. */
export interface MaskHit {
  path: string;
  rule: MaskRule;
  original: unknown;
  masked: string;
}

export const MASKED = '[masked]';

const KEY_RULES: Array<[RegExp, MaskRule]> = [
  [/^(customer)?mobile(number|no)?$/i, 'mobile-number'],
  [/^(masked)?account(number|no)$/i, 'account-number'],
  [/^(name|accountholdername|customername|holdername|payername)$/i, 'account-holder-name'],
  [/^devicefingerprint$/i, 'device-fingerprint'],
  [/^bankaccountuniqueid$/i, 'bank-account-unique-id'],
  [/^referenceid$/i, 'reference-id'],
  [/^otherinfo$/i, 'other-info'],
  [/^(vpa|payervpa|payeevpa|customervpa)$/i, 'vpa'],
];

const VPA = /^([A-Za-z0-9._-]+)@([A-Za-z][A-Za-z0-9.-]*)$/;

export function ruleForKey(key: string): MaskRule | undefined {
  return KEY_RULES.find(([pattern]) => pattern.test(key))?.[1];
}

export function looksLikeVpa(value: string): boolean {
  return value.length <= 300 && VPA.test(value);
}

/** Keeps the last `keep` characters matching `kept`, every earlier one becomes X. */
function keepLast(value: string, keep: number, kept: RegExp): string {
  let seen = 0;
  const chars = [...value];
  for (let i = chars.length - 1; i >= 0; i--) {
    if (!kept.test(chars[i]!)) continue;
    if (seen++ >= keep) chars[i] = 'X';
  }
  return chars.join('');
}

function initials(value: string): string {
  return value
    .split(/(\s+)/)
    .map((word) => (word.trim() === '' || word.endsWith('***') ? word : `${[...word][0]}***`))
    .join('');
}

/** The masked form of `value` under `rule`; undefined when there is nothing personal to mask (empty, or already masked). */
export function maskFor(rule: MaskRule, value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === 'boolean') return undefined;
  if (rule === 'other-info') {
    const empty = (isRecord(value) && Object.keys(value).length === 0) || (Array.isArray(value) && value.length === 0);
    if (empty || (typeof value === 'string' && ['', '{}', '[]', 'null', MASKED].includes(value.trim()))) return undefined;
    return MASKED;
  }
  if (typeof value === 'object') return MASKED;
  const text = String(value);
  if (text.trim() === '' || text === MASKED) return undefined;
  let masked: string;
  switch (rule) {
    case 'mobile-number':
      masked = keepLast(text, 2, /\d/);
      break;
    case 'account-number':
      masked = keepLast(text, 4, /[A-Za-z0-9]/);
      break;
    case 'account-holder-name':
    case 'merchant-customer-id':
      masked = initials(text);
      break;
    case 'vpa': {
      const m = VPA.exec(text);
      masked = m ? `${initials(m[1]!.split(/[._-]/)[0] || m[1]!)}@${m[2]}` : /\*\*\*@/.test(text) ? text : MASKED;
      break;
    }
    default:
      masked = MASKED;
  }
  return masked === text ? undefined : masked;
}

/** `base.key`, or `base["odd key"]` for a key that is not an identifier. */
export function childPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return base === '' ? key : `${base}.${key}`;
  return `${base}[${JSON.stringify(key)}]`;
}

/**
 * Walks a parsed value and returns a masked copy and every value masked, with its path. Keys in `skip`
 * (the signed segments) are left as they are, whatever they hold.
 */
export function maskValue(value: unknown, base: string, skip: ReadonlySet<string> = new Set()): { value: unknown; hits: MaskHit[] } {
  const hits: MaskHit[] = [];
  const walk = (v: unknown, path: string): unknown => {
    if (Array.isArray(v)) return v.map((item, i) => walk(item, childPath(path, i)));
    if (isRecord(v)) {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(v)) {
        const here = childPath(path, key);
        const rule = skip.has(key) ? undefined : ruleForKey(key);
        const masked = rule ? maskFor(rule, child) : undefined;
        if (rule && masked !== undefined) {
          hits.push({ path: here, rule, original: child, masked });
          out[key] = masked;
        } else out[key] = skip.has(key) ? child : walk(child, here);
      }
      return out;
    }
    if (typeof v === 'string' && looksLikeVpa(v)) {
      const masked = maskFor('vpa', v);
      if (masked !== undefined) {
        hits.push({ path, rule: 'vpa', original: v, masked });
        return masked;
      }
    }
    return v;
  };
  return { value: walk(value, base), hits };
}
