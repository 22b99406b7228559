import type Modeler from 'bpmn-js/lib/Modeler';

/** Form ids the diagram links (`zeebe:formDefinition formId` on start events and user tasks). */
export function linkedFormIds(modeler: Modeler): string[] {
  const registry = modeler.get('elementRegistry') as {
    getAll(): {
      businessObject: { extensionElements?: { values?: { $type: string; formId?: string }[] } };
    }[];
  };
  const ids = new Set<string>();
  for (const element of registry.getAll())
    for (const value of element.businessObject.extensionElements?.values ?? [])
      if (value.$type === 'zeebe:FormDefinition' && value.formId) ids.add(value.formId);
  return [...ids];
}
