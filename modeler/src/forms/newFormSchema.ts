import type { FormSchema } from '../app/modelingApi';

/** A new form: empty, titled with its id in the three languages until the analyst names it. */
export function newFormSchema(formId: string): FormSchema {
  return {
    formId,
    title: { 'zh-Hant': formId, pt: formId, en: formId },
    display: 'form',
    components: [],
    i18n: { 'zh-Hant': {}, pt: {} },
  };
}
