/**
 * The `logs` timeline on a terminal: a table (one row per call) or, with --json, one JSON object per
 * line, then a summary. Rows are printed as calls appear; with --follow a call is printed again when its
 * response arrives (the JSON line carries the same `id`, so a consumer keeps the last one).
 */
import { callRow, describeLineNotes, describeOffset, type CallRow, type LineNotes, type LogSession, type SessionCall } from '../../shared/logs';
import { plural } from '../../shared/words';
import type { CliIo } from './io';
import { findingsReport } from './output';

const COLUMNS: Array<{ key: keyof CallRow; title: string; width: number }> = [
  { key: 'time', title: 'TIME', width: 18 },
  { key: 'line', title: 'LINE', width: 7 },
  { key: 'action', title: 'ACTION', width: 18 },
  { key: 'requestId', title: 'REQUEST ID', width: 36 },
  { key: 'merchantId', title: 'MERCHANT', width: 12 },
  { key: 'kid', title: 'KID', width: 30 },
  { key: 'verdict', title: 'VERDICT', width: 26 },
  { key: 'status', title: 'STATUS', width: 16 },
  { key: 'errorCode', title: 'ERROR', width: 8 },
  { key: 'skew', title: 'SKEW', width: 0 },
];

function cell(value: string, width: number): string {
  if (width === 0) return value;
  const text = value === '' ? '-' : value;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);
}

export function tableHeader(): string {
  return `${COLUMNS.map((c) => cell(c.title, c.width)).join('  ')}\n`;
}

export function tableRow(row: CallRow): string {
  return `${COLUMNS.map((c) => cell(String(row[c.key]), c.width)).join('  ').trimEnd()}\n`;
}

/** A call as one JSON line: the session's call without the texts (verify or inspect a line for those). */
export function callJson(call: SessionCall): string {
  const strip = <T extends { text: string }>(x: T | undefined) => {
    if (!x) return undefined;
    const { text: _text, ...rest } = x;
    return rest;
  };
  return `${JSON.stringify({ type: 'call', ...call, request: strip(call.request), response: strip(call.response) })}\n`;
}

export class TimelinePrinter {
  private readonly printed = new Map<string, string>();
  private headed = false;

  constructor(
    private readonly io: CliIo,
    private readonly json: boolean,
  ) {}

  /** Prints the calls that are new, or whose pairing changed, since the last update. */
  update(session: LogSession): number {
    let count = 0;
    for (const call of session.calls) {
      const state = `${call.pairing}|${call.response?.line ?? ''}|${call.request?.verdict.cause ?? ''}`;
      if (this.printed.get(call.id) === state) continue;
      this.printed.set(call.id, state);
      if (this.json) this.io.stdout(callJson(call));
      else {
        if (!this.headed) this.io.stdout(tableHeader());
        this.headed = true;
        this.io.stdout(tableRow(callRow(call)));
      }
      count++;
    }
    return count;
  }

  summary(session: LogSession, notes: LineNotes, extra: string[] = []): void {
    const said = [...describeLineNotes(notes), ...extra];
    if (this.json) {
      const { calls: _calls, ...rest } = session;
      this.io.stdout(`${JSON.stringify({ type: 'summary', ...rest, lines: notes.lines, bytes: notes.bytes, notes: said })}\n`);
      return;
    }
    const c = session.counts;
    if (!this.headed) this.io.stdout('No request or response found in the log.\n');
    const zone = session.zoneOffsetMs !== undefined ? ` Log times read in ${describeOffset(session.zoneOffsetMs)}.` : '';
    this.io.stdout(
      `\n${plural(notes.lines, 'line')} read: ${plural(c.requests, 'request')}, ${plural(c.responses, 'response')}; ${c.paired} paired, ${c.unpaired} unpaired; ${plural(c.errors, 'request')} with an error verdict.${zone}\n`,
    );
    for (const s of session.skipped ?? []) this.io.stdout(`skipped: line ${s.line}: ${s.reason}\n`);
    this.io.stdout(`session ${findingsReport(session.findings)}`);
    for (const n of said) this.io.stderr(`note: ${n}\n`);
  }
}
