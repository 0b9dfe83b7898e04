/** A finding: one thing the inspector noticed about a request or response, and what to do about it. */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable id, e.g. `segment.standard-base64`; tests and the CLI key on it. */
  id: string;
  severity: Severity;
  /** JSON path (`payload.signature`) or segment name the finding is about. */
  path: string;
  /** What is wrong, in a support engineer's words. */
  message: string;
  /** How to fix it. */
  fix: string;
}
