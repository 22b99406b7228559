import type { FormComponent, FormSchema } from '../app/apiTypes';

/** Every component in a form, nested layouts (panels, columns) flattened. */
export function inputComponents(components: FormComponent[] = []): FormComponent[] {
  const found: FormComponent[] = [];
  for (const c of components) {
    if (c.input && c.key && c.type !== 'button') found.push(c);
    found.push(...inputComponents(c.components));
    for (const column of c.columns ?? []) found.push(...inputComponents(column.components));
  }
  return found;
}

/**
 * The form as the portal renders it: without its own buttons (pages offer "save draft",
 * "check" and "submit"), and with the browser's own select lists, which phones and screen
 * readers handle better than Form.io's default widget (it nests interactive elements).
 */
export function forPortal(form: FormSchema): FormSchema {
  const strip = (components: FormComponent[] = []): FormComponent[] =>
    components
      .filter((c) => c.type !== 'button')
      .map((c) => ({
        ...c,
        ...(c.type === 'select' ? { widget: 'html5' } : {}),
        ...(c.components ? { components: strip(c.components) } : {}),
        ...(c.columns
          ? { columns: c.columns.map((col) => ({ ...col, components: strip(col.components) })) }
          : {}),
      }));
  return { ...form, components: strip(form.components) };
}

export interface Answer {
  key: string;
  label: string;
  value: string;
}

/**
 * The answers as a person reads them: each field's label and the chosen option's label, in
 * the given language (the form's own translations), for the "check your answers" page.
 */
export function answersOf(
  form: FormSchema,
  data: Record<string, unknown>,
  locale: string,
  yesNo: { yes: string; no: string },
): Answer[] {
  const tr = (s: string) => form.i18n?.[locale]?.[s] ?? s;
  return inputComponents(form.components)
    .filter((c) => data[c.key!] !== undefined && data[c.key!] !== '' && data[c.key!] !== null)
    .map((c) => {
      const raw = data[c.key!];
      const options = c.values ?? c.data?.values ?? [];
      const show = (v: unknown): string => {
        if (typeof v === 'boolean') return v ? yesNo.yes : yesNo.no;
        const option = options.find((o) => o.value === v);
        if (option) return tr(option.label);
        return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
      };
      const value = Array.isArray(raw) ? raw.map(show).join(', ') : show(raw);
      return { key: c.key!, label: tr(c.label ?? c.key!), value };
    });
}
