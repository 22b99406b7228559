import { ElementIntent, ValueType } from '../../log/EngineEvent';
import type { CompiledElement, CompiledProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import type { ProcessDefinition } from '../context/Definitions';
import {
  closeEventSubscriptions,
  openSubscriptions,
  prepareSubscriptions,
} from '../events/eventSubscriptions';
import { bpmnElementType, type Lifecycle } from '../lifecycle/Lifecycle';
import { MULTI_INSTANCE_BODY } from '../multiInstance/multiInstanceBody';
import { reject } from './EngineRejection';
import { migrateJoins } from './migrateJoins';
import { migrateToCamundaUserTask } from './migrateUserTask';

export interface MigrateInstanceInput {
  processInstanceKey: number;
  targetProcessDefinitionKey: number;
  mappingInstructions: { sourceElementId: string; targetElementId: string }[];
}

/** Element kinds an instance may wait in while it is migrated (Zeebe's supported elements). */
const MIGRATABLE = new Set([
  'serviceTask',
  'userTask',
  'sendTask',
  'receiveTask',
  'businessRuleTask',
  'scriptTask',
  'intermediateCatchEvent',
  'eventBasedGateway',
  'subProcess',
  'callActivity',
]);

/**
 * MigrateProcessInstance: the instance and every active element move to the target
 * definition, keeping their keys, variables, jobs, user tasks and incidents; subscriptions of
 * mapped catch events are kept, those of unmapped ones closed, new catch events of the target
 * opened. Tokens waiting at joining gateways move to the mapped gateway and flows; a job
 * worker user task may become a Camunda user task. Everything is checked first, so a refused
 * migration changes nothing (a failing expression of such a new task rejects it all too).
 */
export async function migrateInstance(life: Lifecycle, input: MigrateInstanceInput): Promise<void> {
  const ctx = life.ctx;
  const key = input.processInstanceKey;
  const what = `Expected to migrate process instance '${key}'`;
  const processInstance = ctx.state.processInstances.get(key);
  const root = life.instance(key);
  if (!processInstance || processInstance.state !== 'ACTIVE' || !root) {
    throw reject.notFound(`${what}, but no active process instance with this key was found.`);
  }
  const target = await ctx.definitions.get(ctx.tx, input.targetProcessDefinitionKey);
  if (!target) {
    throw reject.notFound(
      `${what}, but no process definition with key '${input.targetProcessDefinitionKey}' was found. Deploy the target process first.`,
    );
  }
  const source = life.processOf(root);
  const mapping = checkMapping(input, source, target.process, what);
  const elements = life.ctx.state.elementInstances
    .filter((e) => e.processInstanceKey === key && e.key !== key)
    .sort((a, b) => a.key - b.key);
  for (const instance of elements)
    checkElement(life, instance, source, target.process, mapping, what);
  const joins = new Map<number, ReturnType<typeof migrateJoins>>();
  for (const scope of [root, ...elements])
    joins.set(scope.key, migrateJoins(scope, source, target.process, mapping, what));

  ctx.emit(ValueType.ProcessInstanceMigration, 'MIGRATING', key, { ...input }, key);
  for (const instance of [root, ...elements]) {
    await migrateElement(life, instance, source, target, mapping, joins.get(instance.key));
    const from = source.elements[instance.elementId];
    const into = target.process.elements[mapping.get(instance.elementId) ?? ''];
    const becomesCamundaTask =
      instance.elementType !== MULTI_INSTANCE_BODY &&
      from?.kind === 'userTask' &&
      into?.kind === 'userTask' &&
      !from.userTask.camunda;
    if (becomesCamundaTask && into.userTask.camunda)
      await migrateToCamundaUserTask(life, life.instance(instance.key)!, into, what);
  }
}

function checkMapping(
  input: MigrateInstanceInput,
  source: CompiledProcess,
  target: CompiledProcess,
  what: string,
): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const { sourceElementId: from, targetElementId: to } of input.mappingInstructions) {
    if (mapping.has(from)) {
      throw reject.invalidArgument(
        `${what}, but the mapping instructions contain the source element '${from}' more than once. Map each source element once.`,
      );
    }
    if (source.flows[from] && !target.flows[to]) {
      throw reject.invalidArgument(
        `${what}, but the mapping instruction's source sequence flow '${from}' is mapped to '${to}', which is not a sequence flow of the target process '${target.bpmnProcessId}'.`,
      );
    }
    if (source.flows[from]) {
      mapping.set(from, to);
      continue;
    }
    if (!source.elements[from]) {
      throw reject.invalidArgument(
        `${what}, but the mapping instruction's source element '${from}' does not exist in process '${source.bpmnProcessId}'.`,
      );
    }
    if (!target.elements[to]) {
      throw reject.invalidArgument(
        `${what}, but the mapping instruction's target element '${to}' does not exist in the target process '${target.bpmnProcessId}'.`,
      );
    }
    mapping.set(from, to);
  }
  return mapping;
}

function checkElement(
  life: Lifecycle,
  instance: ElementInstanceRow,
  source: CompiledProcess,
  target: CompiledProcess,
  mapping: Map<string, string>,
  what: string,
): void {
  const id = instance.elementId;
  const to = mapping.get(id);
  if (!to) {
    throw reject.invalidArgument(
      `${what}, but no mapping instruction is given for the active element '${id}'. Map every active element to an element of the target process.`,
    );
  }
  if (instance.state !== ElementIntent.Activated) {
    throw reject.invalidState(
      `${what}, but the active element '${id}' is not in a wait state (it is ${instance.state}). Try again once it waits (for a job, a message, a timer, …).`,
    );
  }
  const from = source.elements[id]!;
  const into = target.elements[to]!;
  const body = instance.elementType === MULTI_INSTANCE_BODY;
  if (!MIGRATABLE.has(from.kind)) {
    throw reject.invalidArgument(
      `${what}, but the active element '${id}' is a ${bpmnElementType(from)}, which cannot be migrated. Only tasks, catch events, event-based gateways, sub-processes and call activities can.`,
    );
  }
  if (bpmnElementType(from) !== bpmnElementType(into)) {
    throw reject.invalidArgument(
      `${what}, but the active element '${id}' (${bpmnElementType(from)}) is mapped to '${to}', which has a different type (${bpmnElementType(into)}). Map elements to elements of the same type.`,
    );
  }
  if (body && into.multiInstance?.isSequential !== from.multiInstance?.isSequential) {
    throw reject.invalidArgument(
      `${what}, but the multi-instance element '${id}' is mapped to '${to}', which is ${into.multiInstance ? 'of the other (parallel/sequential) kind' : 'not multi-instance'}.`,
    );
  }
  if (from.kind === 'userTask' && into.kind === 'userTask' && from.userTask.camunda) {
    if (!into.userTask.camunda) {
      throw reject.invalidArgument(
        `${what}, but the Camunda user task '${id}' is mapped to '${to}', which is a job worker user task. A Camunda user task cannot become a job worker one; map it to a Camunda user task.`,
      );
    }
  } else if (from.kind === 'userTask' && into.kind === 'userTask' && into.userTask.camunda) {
    if (life.ctx.state.incidents.find((i) => i.elementInstanceKey === instance.key)) {
      throw reject.invalidState(
        `${what}, but the job worker user task '${id}' that becomes the Camunda user task '${to}' has an incident. Resolve the incident first.`,
      );
    }
  }
  const scope = life.instance(instance.flowScopeKey!)!;
  const expected = scope.flowScopeKey === null ? target.rootScopeId : mapping.get(scope.elementId);
  if (into.scopeId !== expected) {
    throw reject.invalidArgument(
      `${what}, but the flow scope of the active element '${id}' would change: '${to}' is in '${into.scopeId}', expected '${expected ?? '?'}'. Moving elements into or out of sub-processes is not supported.`,
    );
  }
  const mappedTargets = new Set<string>();
  for (const event of catchEventsOf(source, from, body)) {
    const mapped = mapping.get(event.id);
    if (!mapped) continue;
    const allowed = catchEventsOf(target, into, body).map((e) => e.id);
    if (!allowed.includes(mapped)) {
      throw reject.invalidArgument(
        `${what}, but the catch event '${event.id}' is mapped to '${mapped}', which is not a catch event of '${to}'. A catch event cannot be detached from its element.`,
      );
    }
    if (mappedTargets.has(mapped)) {
      throw reject.invalidArgument(
        `${what}, but more than one catch event of '${id}' is mapped to '${mapped}'. Map each to a different catch event.`,
      );
    }
    if (definitionType(event) !== definitionType(target.elements[mapped]!)) {
      throw reject.invalidArgument(
        `${what}, but the catch event '${event.id}' is mapped to '${mapped}', which waits for another kind of event.`,
      );
    }
    mappedTargets.add(mapped);
  }
}

async function migrateElement(
  life: Lifecycle,
  instance: ElementInstanceRow,
  source: CompiledProcess,
  target: ProcessDefinition,
  mapping: Map<string, string>,
  joins: ElementInstanceRow['record']['joins'],
): Promise<void> {
  const isProcess = instance.flowScopeKey === null;
  const body = instance.elementType === MULTI_INSTANCE_BODY;
  const from = isProcess ? undefined : source.elements[instance.elementId]!;
  const into = isProcess ? undefined : target.process.elements[mapping.get(instance.elementId)!]!;
  const own = catchEventsOf(source, from, body);
  const renamed: Record<string, string> = {};
  for (const event of own) {
    const to = mapping.get(event.id);
    if (to) renamed[event.id] = to;
  }
  if (from && into) renamed[from.id] = into.id;
  const dropped = new Set(own.filter((e) => !mapping.has(e.id)).map((e) => e.id));
  if (dropped.size > 0) closeEventSubscriptions(life, instance, dropped);
  life.ctx.emit(
    ValueType.ProcessInstanceMigration,
    'ELEMENT_MIGRATED',
    instance.key,
    {
      elementInstanceKey: instance.key,
      elementId: into?.id ?? target.bpmnProcessId,
      processDefinitionKey: target.key,
      bpmnProcessId: target.bpmnProcessId,
      version: target.version,
      renamed,
      ...(joins ? { joins } : {}),
    },
    instance.processInstanceKey,
  );
  const kept = new Set(Object.values(renamed));
  const added = catchEventsOf(target.process, into, body).filter((e) => !kept.has(e.id));
  if (added.length === 0) return;
  const prepared = prepareSubscriptions(life, life.instance(instance.key)!, added);
  if (prepared.ok) await openSubscriptions(life, prepared.subscriptions);
}

/**
 * The catch events whose subscriptions an element instance owns: its boundary events, the
 * events after an event-based gateway, the start events of the event sub-processes of a scope.
 * A multi-instance body owns the boundaries; its inner instances own none.
 */
function catchEventsOf(
  process: CompiledProcess,
  element: CompiledElement | undefined,
  body: boolean,
): CompiledElement[] {
  const ids: string[] = [];
  if (!element) ids.push(...process.startEvents.eventSubProcess);
  else if (element.multiInstance && !body) return [];
  else {
    ids.push(...element.boundaryEventIds);
    if (element.kind === 'eventBasedGateway')
      ids.push(...element.outgoing.map((f) => process.flows[f]!.targetId));
    if (element.kind === 'subProcess') ids.push(...element.starts.eventSubProcessStartIds);
  }
  return ids.map((id) => process.elements[id]!).filter((e) => e !== undefined);
}

function definitionType(element: CompiledElement): string {
  return 'eventDefinition' in element ? element.eventDefinition.type : element.kind;
}
