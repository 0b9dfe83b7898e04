/**
 * A log session judged on the main side: every request gets the one verdict (`verifyRequestText`, the
 * evidence builder with the given keys) at the time it was logged. Items arrive in batches (a file read
 * chunk by chunk, a live device); the session is rebuilt on demand, and each request is verified once
 * per reference time, so a growing session costs one verification per new request.
 */
import { jsonDepthFailure } from '../../../shared/json';
import { buildSession, type LogItem, type LogSession, type LoggedAt } from '../../../shared/logs';
import { readRequest, type DecodedRequest } from '../../../shared/request';
import type { Verdict } from '../../../shared/verdict';
import type { KeySet } from '../candidates';
import { verifyEvidenceAhead } from '../evidence';
import { verifyRequestText } from '../inspect';
import { settleAhead } from '../verify-ahead';

type Brief = Pick<Verdict, 'valid' | 'cause' | 'summary'>;

/** A request carries its segments' names, or is a compact JWS; a response has neither. */
const MAY_BE_REQUEST = /signature|eyJ/;

export interface JudgeOptions {
  zoneOffsetMs?: number;
  year?: number;
  /** The clock, for a request whose time nothing else gives. */
  now(): number;
  /**
   * Read each request as it is added and verify its signature on a worker meanwhile (the CLI reading a
   * file, which waits with `settle` before building): the build then finds the answers there.
   */
  verifyWhileReading?: boolean;
}

/** Raised inside buildSession to name the item whose verdict could not be made. */
class ItemFailure extends Error {
  constructor(readonly text: string, readonly reason: string) {
    super(reason);
  }
}

export class SessionJudge {
  private readonly items: LogItem[] = [];
  private readonly skipped: Array<LoggedAt & { reason: string }> = [];
  /** Verdicts by request text, each for the reference time it was made at. */
  private readonly verdicts = new Map<string, Array<{ now: number; brief: Brief }>>();
  private built: { revision: number; session: LogSession } | undefined;
  private changes = 0;
  /** Requests read as they were added, their signatures being verified meanwhile; used up by the next build. */
  private readonly read = new Map<string, DecodedRequest>();

  constructor(
    private readonly keys: KeySet,
    private readonly options: JudgeOptions,
  ) {}

  /** Adds items; those no reader may open (JSON nested too deep) are set aside with the reason. */
  add(items: readonly LogItem[]): void {
    for (const item of items) {
      const failure = item.kind === 'candidate' ? jsonDepthFailure(item.text) : undefined;
      if (failure) this.skip(item, `${failure.message.replace(/\.$/, '')}: not read.`);
      else {
        this.items.push(item);
        if (this.options.verifyWhileReading && item.kind === 'candidate' && MAY_BE_REQUEST.test(item.text)) this.readAhead(item.text);
      }
    }
    if (items.length > 0) this.changes++;
  }

  /**
   * Reads a request now and starts verifying its signature on another thread, while the log goes on
   * being read: by the time the session is built, the answers are there.
   */
  private readAhead(text: string): void {
    if (this.read.has(text)) return;
    try {
      const decoded = readRequest(text);
      this.read.set(text, decoded);
      if (decoded.kind !== 'unknown') verifyEvidenceAhead(decoded, this.keys);
    } catch {
      // The build reads it again and sets it aside with the reason.
    }
  }

  /** Resolves once the signatures started while reading have been verified (see verifyWhileReading). */
  settle(): Promise<void> {
    return settleAhead();
  }

  /** Goes up whenever items were added. */
  get revision(): number {
    return this.changes;
  }

  get itemCount(): number {
    return this.items.length + this.skipped.length;
  }

  /** The session as of the items added so far (rebuilt only when they changed). */
  session(): LogSession {
    if (this.built?.revision === this.changes) return this.built.session;
    let session: LogSession;
    for (;;) {
      try {
        session = buildSession(this.items, (text, now, decoded) => this.verdict(text, now, decoded), { ...this.zoneAndYear(), now: this.options.now(), readRequest: (text) => this.read.get(text) ?? readRequest(text) });
        break;
      } catch (e) {
        // One item broke a reader: set it aside and judge the rest (a log is read whatever one item holds).
        const culprits = e instanceof ItemFailure ? this.items.filter((i) => i.text === e.text) : this.isolate();
        if (culprits.length === 0) throw e;
        const reason = e instanceof ItemFailure ? e.reason : 'it could not be read (it nests too deeply or breaks the reader)';
        for (const c of culprits) this.skip(c, reason);
        const drop = new Set(culprits);
        this.items.splice(0, this.items.length, ...this.items.filter((i) => !drop.has(i)));
      }
    }
    this.read.clear();
    if (this.skipped.length) session.skipped = [...this.skipped].sort((a, b) => a.line - b.line);
    this.built = { revision: this.changes, session };
    return session;
  }

  private verdict(text: string, now: number, decoded?: DecodedRequest): Brief {
    const known = this.verdicts.get(text);
    const hit = known?.find((v) => v.now === now);
    if (hit) return hit.brief;
    let v: Verdict;
    try {
      v = verifyRequestText(text, this.keys, now, undefined, undefined, decoded);
    } catch (e) {
      throw new ItemFailure(text, `its verdict could not be made (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    }
    const brief: Brief = { valid: v.valid, summary: v.summary, ...(v.cause ? { cause: v.cause } : {}) };
    this.verdicts.set(text, [...(known ?? []).slice(-3), { now, brief }]);
    return brief;
  }

  /** The items that make buildSession throw on their own. */
  private isolate(): LogItem[] {
    return this.items.filter((item) => {
      try {
        buildSession([item], (text, now, decoded) => this.verdict(text, now, decoded), { ...this.zoneAndYear(), now: this.options.now() });
        return false;
      } catch {
        return true;
      }
    });
  }

  private zoneAndYear(): { zoneOffsetMs?: number; year?: number } {
    return {
      ...(this.options.zoneOffsetMs !== undefined ? { zoneOffsetMs: this.options.zoneOffsetMs } : {}),
      ...(this.options.year !== undefined ? { year: this.options.year } : {}),
    };
  }

  private skip(item: LogItem, reason: string): void {
    const at: LoggedAt & { reason: string } = { line: item.line, lastLine: item.lastLine, reason };
    if (item.log?.time) at.time = item.log.time;
    if (item.log?.tag) at.tag = item.log.tag;
    this.skipped.push(at);
  }
}

/** A whole list of items, judged at once (the window's `logs:session`). */
export function judgeItems(items: readonly LogItem[], keys: KeySet, options: JudgeOptions): LogSession {
  const judge = new SessionJudge(keys, options);
  judge.add(items);
  return judge.session();
}
