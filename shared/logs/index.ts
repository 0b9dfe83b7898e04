/** Reading a whole log session: items found line by line, then a timeline of calls with verdicts. */
export { LogItemFinder, type LogItem } from './finder';
export { buildSession, brief, type LogSession, type SessionCall, type LoggedAt, type LoggedRequest, type LoggedResponse, type VerdictBrief, type VerdictOf } from './session';
export { inferZoneOffset, logTimeAsUtc, describeOffset, describeSkew, parseZoneOffset } from './log-time';
export { sessionFindings, SKEW_LIMIT_MS } from './session-findings';
export { LogLineReader, notTextReason, describeLineNotes, SNIFF_BYTES, MAX_LOG_LINE_CHARS, type LineNotes } from './lines';
export { LogFeed } from './feed';
export { callRow, verdictLabel, verdictKind, sessionHasErrors, type CallRow, type VerdictFilter } from './rows';
