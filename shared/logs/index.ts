/** Reading a whole log session: items found line by line, then a timeline of calls with verdicts. */
export { LogItemFinder, type LogItem } from './finder';
export { buildSession, type LogSession, type SessionCall, type LoggedRequest, type LoggedResponse, type VerdictBrief, type VerdictOf } from './session';
export { inferZoneOffset, logTimeAsUtc, describeOffset } from './log-time';
export { sessionFindings, SKEW_LIMIT_MS } from './session-findings';
