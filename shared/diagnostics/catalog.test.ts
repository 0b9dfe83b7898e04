import { describe, expect, it } from 'vitest';
import { requestFamilies, requestWorld, responseFamilies } from '../__fixtures__/cases';
import { sessionFamilies } from '../__fixtures__/session-cases';
import { FINDING_IDS, SEVERITIES, listFindingIds, sortFindings, type FindingId } from './catalog';
import * as api from './index';

const world = await requestWorld();
const requestCases = Object.values(await requestFamilies(world)).flat();
const responseCases = Object.values(responseFamilies()).flat();
const sessionCases = await sessionFamilies();

describe('FINDING_IDS', () => {
  it('has a raising and a non-raising case for every id, in its scope', () => {
    const covered = new Map<FindingId, Set<string>>();
    for (const c of requestCases) (covered.get(c.id) ?? covered.set(c.id, new Set()).get(c.id)!).add('request');
    for (const c of responseCases) (covered.get(c.id) ?? covered.set(c.id, new Set()).get(c.id)!).add('response');
    for (const c of sessionCases) (covered.get(c.id) ?? covered.set(c.id, new Set()).get(c.id)!).add('session');
    const missing: string[] = [];
    for (const [id, entry] of Object.entries(FINDING_IDS) as [FindingId, (typeof FINDING_IDS)[FindingId]][]) {
      const scopes = covered.get(id) ?? new Set();
      const wanted = entry.scope === 'both' ? ['request', 'response'] : [entry.scope];
      // The internal-error safety net is only reachable from the request side's options.
      const need = id === 'inspector.internal-error' ? ['request'] : wanted;
      for (const s of need) if (!scopes.has(s)) missing.push(`${id} (${s})`);
    }
    expect(missing).toEqual([]);
  });

  it('uses stable dotted ids, known severities and one-line titles', () => {
    for (const [id, e] of Object.entries(FINDING_IDS)) {
      expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*\.[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(SEVERITIES).toContain(e.severity);
      expect(e.title).not.toMatch(/\n/);
      expect(e.title.length).toBeGreaterThan(5);
    }
  });

  it('lists ids by scope for the UI and the CLI', () => {
    const request = listFindingIds('request').map((e) => e.id);
    const response = listFindingIds('response').map((e) => e.id);
    expect(request).toContain('segment.padding');
    expect(request).toContain('json.invalid');
    expect(request).not.toContain('vpa.duplicate');
    expect(response).toContain('vpa.duplicate');
    expect(listFindingIds()).toHaveLength(Object.keys(FINDING_IDS).length);
  });

  it('sorts by severity, stable within a severity', () => {
    const f = (id: string, severity: 'error' | 'warning' | 'info') => ({ id, severity, path: '', message: '', fix: '' });
    expect(sortFindings([f('a', 'info'), f('b', 'error'), f('c', 'warning'), f('d', 'error')]).map((x) => x.id)).toEqual(['b', 'd', 'c', 'a']);
  });

  it('index re-exports the entry points', () => {
    expect(typeof api.inspectRequestText).toBe('function');
    expect(typeof api.inspectResponseText).toBe('function');
    expect(typeof api.signatureFindings).toBe('function');
    expect(api.FINDING_IDS).toBe(FINDING_IDS);
  });
});
