/** What the kit's verbs return (docs/automation.md): plain data, read off the screens. */
export interface EnvelopeInput {
  requestId?: string;
  service?: string;
  action?: string;
  merchantId?: string;
  merchantCustomerId?: string;
  merchantChannelId?: string;
  /** Pins the timestamp (epoch ms); absent: the clock (UPI_INSPECTOR_NOW when set). */
  timestamp?: string | number;
}

/** The envelope the merchant's app hands to the SDK, as Compose shows it. */
export interface SignedEnvelope {
  requestId: string;
  service: string;
  payload: { action: string; protected: string; signaturePayload: string; signature: string };
}

export interface ImportedKey {
  label: string;
  kid: string;
  kind: string;
  /** RFC 7638 thumbprint, base64url. */
  thumbprint: string;
}

export interface ResponseSummary {
  /** payload.status (LINKED, BOUND…), or null when there is none. */
  status: string | null;
  /** Every field of the summary's list (requestId, event, isDeviceBound, isDeviceActivated, prefix…) as shown; absent ones are null. */
  fields: Record<string, string | null>;
  isDeviceBound: string | null;
  isDeviceActivated: string | null;
  /** The error block, when the response carries one. */
  error: { error: string | null; errorCode: string | null; errorMessage: string | null } | null;
  /** The findings' stable ids, problems and notes. */
  findings: string[];
}

export interface Finding {
  id: string;
  severity: string;
}

export interface InspectVerdict {
  /** true: a key verified it; false: none did; null: nothing could be checked. */
  valid: boolean | null;
  /** The root cause's finding id, or null. */
  cause: string | null;
  headline: string;
  findings: Finding[];
}

export interface HistoryRow {
  kind: string;
  requestId: string;
  /** The row's accessible name, e.g. "Sign <requestId> at 10:04:05". */
  name: string;
}
