import type { ModdleElement } from 'bpmn-moddle';
import type { BindingType, JobDefinition } from './CompiledProcess';
import type { ModelErrors } from './ModelError';
import { children, describeType, extension, str } from './moddleAccess';
import { readExpression } from './readExpression';

/** zeebe:taskDefinition + zeebe:taskHeaders; undefined (with an error if required) when absent. */
export function compileJob(
  errors: ModelErrors,
  element: ModdleElement,
  required: boolean,
): JobDefinition | undefined {
  const definition = extension(element, 'zeebe:TaskDefinition');
  const type = str(definition, 'type');
  if (type === undefined || type.trim() === '') {
    if (required) {
      errors.add(
        element,
        `${describeType(element.$type)} has no zeebe:taskDefinition type: set the job type its worker polls for (e.g. civil-registry:verify-person)`,
      );
    }
    return undefined;
  }
  const retries = str(definition, 'retries') ?? '3';
  if (!retries.startsWith('=') && !/^\d+$/.test(retries.trim())) {
    errors.add(
      element,
      `zeebe:taskDefinition retries '${retries}' is not a whole number: use e.g. 3`,
    );
  }
  return {
    type: readExpression(errors, element, 'zeebe:taskDefinition type', type),
    retries: readExpression(errors, element, 'zeebe:taskDefinition retries', retries),
    headers: compileHeaders(element),
  };
}

export function compileHeaders(element: ModdleElement): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const header of children(extension(element, 'zeebe:TaskHeaders'), 'values')) {
    const key = str(header, 'key');
    if (key !== undefined) headers[key] = str(header, 'value') ?? '';
  }
  return headers;
}

const BINDING_TYPES: readonly string[] = ['latest', 'deployment', 'versionTag'];

/** bindingType + versionTag shared by called elements, decisions and forms. */
export function compileBinding(
  errors: ModelErrors,
  element: ModdleElement,
  source: ModdleElement | undefined,
  what: string,
): { bindingType: BindingType; versionTag?: string } {
  const bindingType = str(source, 'bindingType') ?? 'latest';
  const versionTag = str(source, 'versionTag');
  if (!BINDING_TYPES.includes(bindingType)) {
    errors.add(
      element,
      `${what} bindingType '${bindingType}' is not supported: use latest, deployment or versionTag`,
    );
  }
  if (bindingType === 'versionTag' && (versionTag === undefined || versionTag.trim() === '')) {
    errors.add(element, `${what} is bound by versionTag but has no versionTag: set it`);
  }
  return {
    bindingType: BINDING_TYPES.includes(bindingType) ? (bindingType as BindingType) : 'latest',
    ...(versionTag === undefined ? {} : { versionTag }),
  };
}
