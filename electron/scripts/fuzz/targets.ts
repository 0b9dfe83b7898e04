/**
 * What is fuzzed, and what must hold for every input: the one reader (`readRequest`), the shared verdict
 * (`inspectRequestText`), the main side's verdict with real keys (`verifyRequestText`), response parsing
 * and its findings, and log reading (the finder, then the session judged as `logs:session` does). Each
 * `run` throws when an invariant breaks; each target also names the channel that carries its input, for
 * the browser host sample.
 */
import type fc from 'fast-check';
import { FINDING_IDS, SEVERITIES, type FindingId } from '../../../shared/diagnostics/catalog';
import { inspectRequestText } from '../../../shared/diagnostics/request';
import { inspectResponseText } from '../../../shared/diagnostics/response';
import type { Finding } from '../../../shared/diagnostics/types';
import { LogItemFinder, type LogItem } from '../../../shared/logs';
import { readRequest } from '../../../shared/request';
import { parseResponseText } from '../../../shared/response';
import { verifyRequestText } from '../../core/inspect';
import { judgeItems } from '../../core/logs';
import { logTexts, requestTexts, responseTexts } from './arbitraries';
import { NOW, REQUEST_ID, type Corpus } from './corpus';

export interface Target {
  name: 'reader' | 'verdict' | 'verify' | 'response' | 'logs';
  arbitrary(corpus: Corpus): fc.Arbitrary<string>;
  /** Runs the input through the target; throws when something that must hold does not. Returns what kind of case it was. */
  run(corpus: Corpus, input: string): string;
  /** The same input as a window would send it to the main side. */
  call(input: string): { channel: string; body: unknown };
}

class Broken extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'InvariantBroken';
  }
}

function must(condition: unknown, what: string): asserts condition {
  if (!condition) throw new Broken(what);
}

/** Findings the window can show: catalogued ids and severities, words for what and how to fix, never the inspector's own failure. */
export function checkFindings(findings: unknown, where: string): void {
  must(Array.isArray(findings), `${where}: findings is not a list`);
  for (const f of findings as Finding[]) {
    must(Object.hasOwn(FINDING_IDS, f.id), `${where}: unknown finding id ${String(f.id)}`);
    must(f.id !== 'inspector.internal-error', `${where}: the inspector failed on this input: ${f.message}`);
    must(SEVERITIES.includes(f.severity), `${where}: severity ${String(f.severity)}`);
    must(f.severity === (f.causedBy ? 'info' : FINDING_IDS[f.id as FindingId].severity), `${where}: ${f.id} has severity ${f.severity}`);
    must(typeof f.message === 'string' && f.message.length > 0 && typeof f.fix === 'string' && f.fix.length > 0, `${where}: ${f.id} without message or fix`);
  }
}

function checkVerdict(verdict: ReturnType<typeof inspectRequestText>, where: string): string {
  must([true, false, null].includes(verdict.valid), `${where}: valid is ${String(verdict.valid)}`);
  checkFindings(verdict.findings, where);
  must(typeof verdict.summary?.headline === 'string' && verdict.summary.headline.length > 0, `${where}: no headline`);
  must(verdict.cause === undefined || verdict.findings.some((f) => f.id === verdict.cause), `${where}: cause ${verdict.cause} is not among the findings`);
  JSON.stringify(verdict);
  return `valid:${String(verdict.valid)}`;
}

/** The items a log holds, as the window's reader finds them. */
export function logItems(text: string): LogItem[] {
  const finder = new LogItemFinder();
  const items = text.split(/\r?\n/).flatMap((line) => finder.push(line));
  return [...items, ...finder.end()];
}

export const TARGETS: readonly Target[] = [
  {
    name: 'reader',
    arbitrary: requestTexts,
    run: (_corpus, input) => {
      const decoded = readRequest(input);
      must(typeof decoded.source === 'string', 'reader: no source');
      JSON.stringify(decoded);
      return `source:${decoded.source}`;
    },
    call: (input) => ({ channel: 'inspect:request', body: { text: input, now: NOW } }),
  },
  {
    name: 'verdict',
    arbitrary: requestTexts,
    run: (_corpus, input) => checkVerdict(inspectRequestText(input, { now: NOW, vaultKids: ['uat833359804655bb748702e324111'] }), 'verdict'),
    call: (input) => ({ channel: 'inspect:request', body: { text: input, now: NOW, profile: 'auto' } }),
  },
  {
    name: 'verify',
    arbitrary: requestTexts,
    run: (corpus, input) => checkVerdict(verifyRequestText(input, corpus.keys, NOW), 'verify'),
    call: (input) => ({ channel: 'envelope:verify', body: { text: input.length > 0 ? input : ' ' } }),
  },
  {
    name: 'response',
    arbitrary: responseTexts,
    run: (_corpus, input) => {
      const parsed = parseResponseText(input);
      JSON.stringify(parsed);
      const inspection = inspectResponseText(input, { requestId: REQUEST_ID });
      checkFindings(inspection.findings, 'response');
      JSON.stringify(inspection);
      return parsed.ok ? `parsed:${inspection.shape ?? ''}` : 'unparsed';
    },
    call: (input) => ({ channel: 'inspect:response', body: { text: input, requestId: REQUEST_ID } }),
  },
  {
    name: 'logs',
    arbitrary: logTexts,
    run: (corpus, input) => {
      const session = judgeItems(logItems(input), corpus.keys, { now: () => NOW });
      must(Array.isArray(session.calls), 'logs: no calls');
      for (const call of session.calls) must(call.request || call.response, `logs: call ${call.id} has neither request nor response`);
      JSON.stringify(session);
      return session.calls.some((c) => c.request?.verdict.valid === true) ? 'calls:verified' : session.calls.length > 0 ? 'calls' : 'no-calls';
    },
    call: (input) => ({ channel: 'logs:session', body: { items: logItems(input) } }),
  },
];

export function targetNamed(name: string): Target | undefined {
  return TARGETS.find((t) => t.name === name);
}
