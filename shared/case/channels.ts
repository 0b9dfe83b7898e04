/**
 * The case channel's input: what a screen holds (the request text with the verdict the main side made
 * for it, the response with its findings, a log session), the profile by id, a note and the masking.
 * The main side masks, strips key material and dates it; the window saves the file it answers with.
 */
import { z } from 'zod';
import { MASKING_MODES, type CaseFile } from './format';
import { caseRequestSchema, caseSessionSchema, findingSchema } from './schema';

export const caseExportInput = z
  .object({
    request: caseRequestSchema.optional(),
    response: z
      .object({
        text: z.string().min(1, { error: 'response.text is empty: there is no response to put in the case.' }).max(64 * 1024 * 1024),
        findings: z.array(findingSchema).max(10_000),
        linkedRequestId: z.string().max(1000).nullable().optional(),
      })
      .strict()
      .optional(),
    session: caseSessionSchema.optional(),
    /** The profile to describe (name, merchant, registered kids); default: the one the verdict answered with. */
    profileId: z.string().min(1).max(100).optional(),
    note: z.string().max(100_000, { error: 'note is over 100,000 characters.' }).optional(),
    masking: z.enum(MASKING_MODES, { error: 'masking must be "masked" or "full-redaction".' }),
  })
  .strict()
  .refine((input) => input.request || input.response || input.session, { error: 'nothing to export: give a request, a response or a log session.', path: ['request'] });

/** What full redaction masked in a case's claims, sent with a request opened from such a case. */
export const redactionSchema = z
  .object({
    masked: z.array(z.string().max(1000)).max(100),
    recorded: z.object({ valid: z.boolean().nullable(), headline: z.string().max(4000) }).strict().optional(),
  })
  .strict();

export interface CaseExport {
  case: CaseFile;
  /** A name to save it under: `case-<requestId>-<day>.upicase.json`. */
  fileName: string;
}
