import { z } from 'zod';

/** What a file field holds: references to documents already in the document store. */
export const documentReferenceSchema = z.object({
  documentId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/),
  sha256: z.string().regex(/^[a-f0-9]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1).max(255),
  name: z.string().min(1).max(255),
});

export type DocumentReference = z.infer<typeof documentReferenceSchema>;

/**
 * Asks the caller whether a referenced document exists (and belongs to this applicant);
 * the server decides what "belongs" means.
 */
export type DocumentExists = (reference: DocumentReference) => Promise<boolean>;
