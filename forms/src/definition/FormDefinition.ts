import { z } from 'zod';

/**
 * A Form.io component as stored in a definition. Form.io components carry many optional
 * properties; we type the ones we read and keep the rest (`loose`) so the builder's JSON
 * round-trips unchanged.
 */
export interface FormComponent {
  type: string;
  key?: string | undefined;
  label?: string | undefined;
  input?: boolean | undefined;
  components?: FormComponent[] | undefined;
  columns?: { components?: FormComponent[] | undefined }[] | undefined;
  [property: string]: unknown;
}

export const formComponentSchema: z.ZodType<FormComponent> = z.lazy(() =>
  z.looseObject({
    type: z.string().min(1),
    key: z.string().optional(),
    label: z.string().optional(),
    input: z.boolean().optional(),
    components: z.array(formComponentSchema).optional(),
    columns: z
      .array(z.looseObject({ components: z.array(formComponentSchema).optional() }))
      .optional(),
  }),
);

export const localizedTextSchema = z.object({
  'zh-Hant': z.string().min(1),
  pt: z.string().min(1),
  en: z.string().min(1),
});

export type LocalizedText = z.infer<typeof localizedTextSchema>;

/** Form.io's i18n shape: per language, source text (labels, messages) → translation. */
const translationsSchema = z.record(z.string(), z.string());

export const formTranslationsSchema = z.object({
  'zh-Hant': translationsSchema.optional(),
  pt: translationsSchema.optional(),
  en: translationsSchema.optional(),
});

export const PrefillSource = { Variable: 'variable', Profile: 'profile' } as const;
export type PrefillSource = (typeof PrefillSource)[keyof typeof PrefillSource];

export const prefillDeclarationSchema = z.object({
  key: z.string().min(1),
  from: z.enum([PrefillSource.Variable, PrefillSource.Profile]),
  path: z.string().regex(/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/, {
    message: 'path must be dot-separated property names, e.g. "applicant.idNumber"',
  }),
  consentText: localizedTextSchema.optional(),
});

export type PrefillDeclaration = z.infer<typeof prefillDeclarationSchema>;

export const formIdPattern = /^[a-z][a-z0-9-]{2,63}$/;

/** The envelope of a `*.form.json`: Form.io JSON plus our own top-level fields. */
export const formDefinitionSchema = z.looseObject({
  formId: z.string().regex(formIdPattern, {
    message:
      'formId must be 3-64 characters: lowercase letters, digits and "-", starting with a letter',
  }),
  title: localizedTextSchema,
  display: z.enum(['form', 'wizard']),
  components: z.array(formComponentSchema),
  i18n: formTranslationsSchema.optional(),
  prefill: z.array(prefillDeclarationSchema).optional(),
});

export type FormDefinition = z.infer<typeof formDefinitionSchema>;
