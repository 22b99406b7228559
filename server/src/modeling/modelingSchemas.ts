import { z } from 'zod';

/** What the modeling routes answer: the OpenAPI document and the modeler read these. */
const draftSummarySchema = z.object({
  name: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  baseVersion: z.number().nullable(),
});

export const processSummarySchema = z.object({
  processId: z.string(),
  name: z.string(),
  agency: z.string().nullable(),
  versions: z.array(
    z.object({ version: z.number(), key: z.string(), versionTag: z.string().optional() }),
  ),
  formIds: z.array(z.string()),
  draft: draftSummarySchema.nullable(),
});
export type ProcessSummary = z.infer<typeof processSummarySchema>;

export const formSummarySchema = z.object({
  formId: z.string(),
  agency: z.string().nullable(),
  versions: z.array(z.object({ version: z.number(), key: z.string() })),
  draft: draftSummarySchema.nullable(),
});
export type FormSummary = z.infer<typeof formSummarySchema>;

export const deployedFormSchema = z.object({
  formId: z.string(),
  version: z.number(),
  /** The Form.io JSON. */
  schema: z.unknown(),
});

export const deploymentSchema = z.object({
  deploymentKey: z.string(),
  processes: z.array(z.object({ processId: z.string(), version: z.number(), key: z.string() })),
  forms: z.array(z.object({ formId: z.string(), version: z.number(), key: z.string() })),
});

export const draftSchema = z.object({
  kind: z.enum(['process', 'form']),
  id: z.string(),
  agency: z.string(),
  name: z.string(),
  baseVersion: z.number().nullable(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  /** BPMN XML or Form.io JSON text; lists leave it out. */
  content: z.string().optional(),
});

/** Camunda element templates (JSON documents of their own schema). */
export const elementTemplatesSchema = z.array(z.record(z.string(), z.unknown()));
