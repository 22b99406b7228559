import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import type { CallActivity } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { startProcessInstance } from '../commands/startProcessInstance';
import type { ProcessDefinition } from '../context/Definitions';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { visibleVariables } from '../variables/variables';

/**
 * A call activity starts an instance of another process (by id; latest, same deployment or
 * version tag) in the caller's instance tree, with the caller's variables (or only its input
 * mappings), and completes with the child's variables when the child completes.
 */
export const callActivity: ElementBehaviour<CallActivity> = {
  async prepare(life, element, instance) {
    const called = element.calledElement;
    const id = evaluateStaticOrFeel(
      called.processId,
      visibleVariables(life.ctx, instance.key),
      'string',
    );
    if (!id.ok) {
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', id.message, 'activate');
      return { ok: false };
    }
    const definition = await findCalled(
      life,
      id.value,
      called.bindingType,
      called.versionTag,
      instance.record.processDefinitionKey,
    );
    const problem = !definition
      ? `Expected process with BPMN process id '${id.value}' to be deployed${called.bindingType === 'versionTag' ? ` with version tag '${called.versionTag ?? ''}'` : ''}, but not found. Deploy it and resolve the incident.`
      : !definition.process.startEvents.none
        ? `Expected process with BPMN process id '${id.value}' to have a none start event, but not found.`
        : undefined;
    if (problem) {
      raiseIncident(life.ctx, instance, 'CALLED_ELEMENT_ERROR', problem, 'activate');
      return { ok: false };
    }
    return { ok: true, data: definition };
  },
  activated(life, element, instance, data) {
    const definition = data as ProcessDefinition;
    const variables = element.calledElement.propagateAllParentVariables
      ? visibleVariables(life.ctx, instance.key)
      : Object.fromEntries(
          life.ctx.state.variables
            .filter((v) => v.scopeKey === instance.key)
            .map((v) => [v.name, v.value]),
        );
    const caller = life.ctx.state.processInstances.get(instance.processInstanceKey)!;
    startProcessInstance(life, definition, {
      startElementId: definition.process.startEvents.none!,
      variables,
      parent: {
        processInstanceKey: instance.processInstanceKey,
        elementInstanceKey: instance.key,
        rootKey: caller.rootKey,
      },
    });
  },
  terminating(life, _element, instance) {
    for (const child of life.ctx.state.processInstances.filter(
      (p) => p.parentElementInstanceKey === instance.key && p.state === 'ACTIVE',
    )) {
      life.push({ op: 'terminate', key: child.key });
    }
  },
};

/** A called process completed: its call activity completes with the child's variables. */
export function returnToCaller(
  life: Lifecycle,
  child: ElementInstanceRow,
  variables: Record<string, unknown>,
): void {
  const process = life.ctx.state.processInstances.get(child.key);
  if (!process?.parentElementInstanceKey) return;
  const caller = life.instance(process.parentElementInstanceKey);
  const element = caller ? life.element(caller) : undefined;
  if (!caller || element?.kind !== 'callActivity') return;
  const passOn =
    element.calledElement.propagateAllChildVariables || element.outputMappings.length > 0;
  life.push({ op: 'complete', key: caller.key, variables: passOn ? variables : undefined });
}

async function findCalled(
  life: Lifecycle,
  bpmnProcessId: string,
  binding: string,
  versionTag: string | undefined,
  callerDefinitionKey: number,
): Promise<ProcessDefinition | undefined> {
  const { tx, definitions } = life.ctx;
  if (binding === 'latest') return definitions.latest(tx, bpmnProcessId);
  const where =
    binding === 'deployment'
      ? 'bpmn_process_id = $1 and deployment_key = (select deployment_key from engine_process where key = $2)'
      : 'bpmn_process_id = $1 and version_tag = $3 and $2::bigint is not null';
  const params: unknown[] = [bpmnProcessId, callerDefinitionKey];
  if (binding !== 'deployment') params.push(versionTag ?? '');
  const found = await tx.query<{ key: number }>(
    `select key from engine_process where ${where} order by version desc limit 1`,
    params,
  );
  return found.rows[0] ? definitions.get(tx, found.rows[0].key) : undefined;
}
