import type { ServiceSheet } from './ServiceSheet';

interface Component {
  key?: unknown;
  type?: unknown;
  label?: unknown;
  values?: { label?: unknown; value?: unknown }[];
  data?: { values?: { label?: unknown; value?: unknown }[] };
  components?: Component[];
  columns?: { components?: Component[] }[];
}

interface StartForm {
  components?: Component[];
  i18n?: Record<string, Record<string, string>>;
}

/**
 * What a service sheet says about its start form and model that does not hold: a person's ID
 * field the form lacks, open calls the form does not offer (or offers but the sheet does not
 * list), a staff message the model does not wait for. Empty when all is consistent.
 */
export function checkServiceSheet(
  sheet: ServiceSheet,
  startForm: StartForm | undefined,
  bpmnXml: string,
): string[] {
  const problems: string[] = [];
  const fields = new Map<string, Component>();
  walk(startForm?.components ?? [], (c) => {
    if (typeof c.key === 'string') fields.set(c.key, c);
  });
  for (const person of sheet.portalPersons ?? [])
    if (!fields.has(person.idNumberField))
      problems.push(`portalPersons: the start form has no field "${person.idNumberField}"`);
  if (sheet.openCalls) {
    const { field, calls } = sheet.openCalls;
    const select = fields.get(field);
    const options = select?.data?.values ?? select?.values ?? [];
    if (!select) problems.push(`openCalls: the start form has no field "${field}"`);
    const offered = new Map(options.map((o) => [o.value, o.label]));
    for (const call of calls) {
      const label = offered.get(call.ref);
      if (label === undefined) problems.push(`openCalls: "${field}" does not offer ${call.ref}`);
      else if (label !== call.title.en)
        problems.push(`openCalls: the option ${call.ref} is not labelled with its title`);
      else
        for (const lang of ['zh-Hant', 'pt'] as const)
          if (startForm?.i18n?.[lang]?.[label] !== call.title[lang])
            problems.push(`openCalls: the ${lang} label of ${call.ref} is not its title`);
    }
    for (const value of offered.keys())
      if (!calls.some((c) => c.ref === value))
        problems.push(`openCalls: "${field}" offers ${String(value)}, which is not a listed call`);
  }
  for (const message of sheet.staffMessages ?? []) {
    if (!bpmnXml.includes(`name="${message.name}"`))
      problems.push(`staffMessages: the model has no message "${message.name}"`);
    if (!bpmnXml.includes(`id="${message.waitingAt}"`))
      problems.push(`staffMessages: the model has no element "${message.waitingAt}"`);
  }
  return problems;
}

function walk(components: Component[], visit: (c: Component) => void): void {
  for (const c of components) {
    visit(c);
    walk(c.components ?? [], visit);
    for (const column of c.columns ?? []) walk(column.components ?? [], visit);
  }
}
