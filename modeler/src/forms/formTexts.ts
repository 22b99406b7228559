/**
 * The texts a person reads in a form (labels, placeholders, descriptions, option labels), in
 * the form's own language (English): the keys of its `i18n` translations.
 */
export function formTexts(components: unknown[] = []): string[] {
  const found = new Set<string>();
  const visit = (list: unknown[]) => {
    for (const raw of list) {
      const c = raw as Record<string, unknown>;
      if (c.type === 'button' && c.action === 'submit') continue;
      for (const field of ['label', 'placeholder', 'description', 'tooltip', 'title', 'legend'])
        if (typeof c[field] === 'string' && c[field]) found.add(c[field] as string);
      const options = [
        ...((c.values as { label?: string }[] | undefined) ?? []),
        ...((c.data as { values?: { label?: string }[] } | undefined)?.values ?? []),
      ];
      for (const o of options) if (o.label) found.add(o.label);
      const message = (c.validate as { customMessage?: string } | undefined)?.customMessage;
      if (message) found.add(message);
      visit((c.components as unknown[] | undefined) ?? []);
      for (const column of (c.columns as { components?: unknown[] }[] | undefined) ?? [])
        visit(column.components ?? []);
    }
  };
  visit(components);
  return [...found];
}
