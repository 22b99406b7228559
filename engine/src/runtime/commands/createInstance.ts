import type { Definitions, ProcessDefinition } from '../context/Definitions';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { reject } from './EngineRejection';
import { startProcessInstance } from './startProcessInstance';

export interface CreateInstanceInput {
  bpmnProcessId?: string;
  processDefinitionKey?: number;
  /** -1 or undefined: the latest version. */
  version?: number;
  variables?: Record<string, unknown>;
}

export interface CreatedInstance {
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
}

/** CreateProcessInstance: the definition by key, or by id and version (latest by default). */
export async function createInstance(
  life: Lifecycle,
  input: CreateInstanceInput,
  awaitResult: boolean,
): Promise<CreatedInstance> {
  const definition = await findDefinition(life.ctx.definitions, life, input);
  const start = definition.process.startEvents.none;
  if (!start) {
    throw reject.invalidState(
      `Expected to create instance of process with none start event, but there is no such event in process '${definition.bpmnProcessId}'. Start it with a message or timer instead.`,
    );
  }
  const processInstanceKey = startProcessInstance(life, definition, {
    startElementId: start,
    variables: input.variables ?? {},
    awaitResult,
  });
  return {
    processInstanceKey,
    processDefinitionKey: definition.key,
    bpmnProcessId: definition.bpmnProcessId,
    version: definition.version,
  };
}

async function findDefinition(
  definitions: Definitions,
  life: Lifecycle,
  input: CreateInstanceInput,
): Promise<ProcessDefinition> {
  const tx = life.ctx.tx;
  if (input.processDefinitionKey) {
    const found = await definitions.get(tx, input.processDefinitionKey);
    if (!found) {
      throw reject.notFound(
        `Expected to find process definition with key '${input.processDefinitionKey}', but none found.`,
      );
    }
    return found;
  }
  if (!input.bpmnProcessId) {
    throw reject.invalidArgument(
      'Expected either a bpmnProcessId or a processDefinitionKey, but none given.',
    );
  }
  const latest = input.version === undefined || input.version < 0;
  const found = latest
    ? await definitions.latest(tx, input.bpmnProcessId)
    : await definitions.byVersion(tx, input.bpmnProcessId, input.version!);
  if (!found) {
    const which = latest ? 'latest version' : `version '${input.version}'`;
    throw reject.notFound(
      `Expected to find process definition with process ID '${input.bpmnProcessId}' (${which}), but none found. Deploy it first.`,
    );
  }
  return found;
}
