/**
 * Saving a log session to the history: one entry per call side — each request as an inspection judged
 * at its log time (with the verdict the session already made), each response as a response reading
 * linked to its request. The history is searched and paired by requestId, status and errorCode, and a
 * log call is exactly such a pair, so each call is found, paired and reopened like any other entry; the
 * session as a whole (its order, its findings) travels as a case file.
 */
import { z } from 'zod';

const text = z.string().min(1).max(16 * 1024 * 1024);
const id = z.string().max(1000).optional();
const line = z.number().int().positive();

export const recordLogSchema = z
  .object({
    /** The log's name (file, "Pasted log", device serial): with each call's line it keys the entries, so saving again updates them. */
    source: z.string().min(1, { error: 'source is required: name the log the calls come from.' }).max(1000),
    calls: z
      .array(
        z
          .object({
            request: z
              .object({
                text,
                line,
                requestId: id,
                merchantId: id,
                kid: id,
                loggedAtMs: z.number().optional(),
                verdict: z.object({ valid: z.boolean().nullable(), cause: z.string().max(100).optional(), headline: z.string().max(4000) }).strict(),
              })
              .strict()
              .optional(),
            response: z.object({ text, line, requestId: id }).strict().optional(),
          })
          .strict(),
      )
      .min(1, { error: 'calls is empty: there is nothing to save.' })
      .max(10_000, { error: 'calls holds over 10,000 calls: save a filtered part of the log.' })
      .refine((calls) => calls.reduce((n, c) => n + (c.request?.text.length ?? 0) + (c.response?.text.length ?? 0), 0) <= 40 * 1024 * 1024, {
        error: 'the calls hold over 40 MB of text together: save a filtered part of the log.',
      }),
  })
  .strict();

export type RecordLogInput = z.infer<typeof recordLogSchema>;

export interface RecordLogResult {
  /** Entries written (new or updated): requests as inspections, responses as response readings. */
  requests: number;
  responses: number;
}
