import { ElementIntent, ValueType } from '../../log/EngineEvent';
import type { CompiledElement, CompiledProcess } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { openSubscriptions, prepareBoundarySubscriptions } from '../events/eventSubscriptions';
import { bpmnElementType, type Lifecycle } from '../lifecycle/Lifecycle';
import { elementRecord } from '../lifecycle/recordValue';
import { setLocalVariables } from '../variables/variables';
import { reject } from './EngineRejection';

export interface ModifyInstanceInput {
  processInstanceKey: number;
  activateInstructions: {
    elementId: string;
    /** The scope instance to activate in (an ancestor of the element); absent or -1: find it. */
    ancestorElementInstanceKey?: number;
    /** scopeId empty: the process instance's root scope. */
    variableInstructions?: { variables: Record<string, unknown>; scopeId?: string }[];
  }[];
  terminateInstructions: { elementInstanceKey: number }[];
}

/**
 * ModifyProcessInstance: activates elements (creating the scopes they need) and terminates
 * element instances, all or nothing. Activations go first, so a scope that gets a new element
 * is not emptied by the terminations; a scope left empty by them is terminated too.
 */
export async function modifyInstance(life: Lifecycle, input: ModifyInstanceInput): Promise<void> {
  const ctx = life.ctx;
  const processInstance = ctx.state.processInstances.get(input.processInstanceKey);
  const root = life.instance(input.processInstanceKey);
  if (!processInstance || processInstance.state !== 'ACTIVE' || !root) {
    throw reject.notFound(
      `Expected to modify process instance with key '${input.processInstanceKey}', but no active process instance with this key was found.`,
    );
  }
  const process = life.processOf(root);
  const what = `Expected to modify instance of process '${process.bpmnProcessId}'`;
  for (const instruction of input.activateInstructions)
    checkActivation(life, process, root, instruction, what);
  const terminated = checkTerminations(life, input, what);
  ctx.emit(ValueType.ProcessInstanceModification, 'MODIFIED', root.key, { ...input }, root.key);

  for (const instruction of input.activateInstructions) {
    const element = process.elements[instruction.elementId]!;
    const ancestor = instruction.ancestorElementInstanceKey;
    const scopeKey = await flowScopeFor(life, process, element, root, ancestor, what);
    let local: Record<string, unknown> | undefined;
    for (const v of instruction.variableInstructions ?? []) {
      if (v.scopeId === element.id) local = { ...local, ...v.variables };
      else {
        const target = v.scopeId ? scopeInstanceOf(life, scopeKey, v.scopeId) : root.key;
        setLocalVariables(ctx, target, root.key, v.variables);
      }
    }
    life.push({
      op: 'activate',
      definitionKey: root.record.processDefinitionKey,
      processInstanceKey: root.key,
      elementId: element.id,
      flowScopeKey: scopeKey,
      consumedFlowIds: [],
      localVariables: local,
    });
  }
  // Activations are applied first, so a scope that gets a new element is not emptied.
  await life.run();
  for (const key of emptiedScopes(life, input, terminated, what)) {
    if (life.instance(key)) life.terminate(key, { modificationTerminated: true });
  }
}

function checkActivation(
  life: Lifecycle,
  process: CompiledProcess,
  root: ElementInstanceRow,
  instruction: ModifyInstanceInput['activateInstructions'][number],
  what: string,
): void {
  const id = instruction.elementId;
  const element = process.elements[id];
  if (!element) {
    throw reject.invalidArgument(
      `${what}, but it contains an activate instruction with an element that could not be found: '${id}'. Use an element id of the instance's process.`,
    );
  }
  const scopes = scopeIds(process, element);
  const refusal = refusedActivation(process, element, scopes);
  if (refusal) {
    throw reject.invalidArgument(
      `${what}, but it contains an activate instruction for element '${id}': ${refusal}.`,
    );
  }
  for (const v of instruction.variableInstructions ?? []) {
    if (v.scopeId && v.scopeId !== id && !scopes.includes(v.scopeId)) {
      throw reject.invalidArgument(
        `${what}, but it contains a variable instruction with scope '${v.scopeId}', which is not a flow scope of element '${id}'. Leave the scope empty (the process instance) or use one of: ${[id, ...scopes].join(', ')}.`,
      );
    }
  }
  const ancestorKey = instruction.ancestorElementInstanceKey;
  if (ancestorKey !== undefined && ancestorKey > 0 && ancestorKey !== root.key) {
    const ancestor = life.instance(ancestorKey);
    if (
      !ancestor ||
      ancestor.processInstanceKey !== root.key ||
      ancestor.state !== ElementIntent.Activated ||
      !scopes.includes(ancestor.elementId)
    ) {
      throw reject.invalidArgument(
        `${what}, but the ancestor element instance '${ancestorKey}' given for element '${id}' is not an active instance of one of its flow scopes (${scopes.join(', ')}).`,
      );
    }
  }
}

/** What Zeebe cannot activate by modification (its documented limitations). */
function refusedActivation(
  process: CompiledProcess,
  element: CompiledElement,
  scopes: string[],
): string | undefined {
  if (element.kind === 'startEvent') return 'start events cannot be activated';
  if (element.kind === 'boundaryEvent') return 'boundary events cannot be activated';
  const afterEventGateway = element.incoming.some(
    (flowId) => process.elements[process.flows[flowId]!.sourceId]?.kind === 'eventBasedGateway',
  );
  if (afterEventGateway) return 'events of an event-based gateway cannot be activated';
  const multi = scopes.find((s) => process.elements[s]?.multiInstance !== undefined);
  if (multi) return `elements inside the multi-instance sub-process '${multi}' cannot be activated`;
  return undefined;
}

/** The ids of the element's enclosing scopes, innermost first, ending with the process id. */
function scopeIds(process: CompiledProcess, element: CompiledElement): string[] {
  const ids: string[] = [];
  for (let id = element.scopeId; ; id = process.elements[id]!.scopeId) {
    ids.push(id);
    if (id === process.rootScopeId) return ids;
  }
}

/**
 * The instance of the element's flow scope to activate it in: below the given ancestor, or
 * the only active one; missing scopes are created (without their start events, as in Zeebe).
 */
async function flowScopeFor(
  life: Lifecycle,
  process: CompiledProcess,
  element: CompiledElement,
  root: ElementInstanceRow,
  ancestorKey: number | undefined,
  what: string,
): Promise<number> {
  const chain = scopeIds(process, element).reverse().slice(1);
  const given = ancestorKey !== undefined && ancestorKey > 0 ? ancestorKey : undefined;
  let at: number = given ?? root.key;
  let from = given === undefined ? 0 : chain.indexOf(life.instance(given)!.elementId) + 1;
  if (given === undefined) {
    // Find the innermost scope that has exactly one active instance; create what is below it.
    for (let i = chain.length - 1; i >= 0; i--) {
      const found = active(life, root.key, chain[i]!);
      if (found.length > 1) {
        throw reject.invalidArgument(
          `${what}, but the flow scope '${chain[i]}' of element '${element.id}' has more than one active instance. Choose one with ancestorElementInstanceKey.`,
        );
      }
      if (found.length === 1) {
        at = found[0]!.key;
        from = i + 1;
        break;
      }
    }
  }
  for (const scopeId of chain.slice(from)) {
    const inside = life
      .children(at)
      .filter((c) => c.elementId === scopeId && c.state === ElementIntent.Activated);
    if (inside.length > 1) {
      throw reject.invalidArgument(
        `${what}, but the flow scope '${scopeId}' of element '${element.id}' has more than one active instance. Choose one with ancestorElementInstanceKey.`,
      );
    }
    at = inside[0]?.key ?? (await createScope(life, process.elements[scopeId]!, at));
  }
  return at;
}

function active(
  life: Lifecycle,
  processInstanceKey: number,
  elementId: string,
): ElementInstanceRow[] {
  return life.ctx.state.elementInstances.filter(
    (e) =>
      e.processInstanceKey === processInstanceKey &&
      e.elementId === elementId &&
      e.state === ElementIntent.Activated,
  );
}

/** Activates a sub-process instance without entering it: boundary and event sub-process subscriptions only. */
async function createScope(
  life: Lifecycle,
  element: CompiledElement,
  parentKey: number,
): Promise<number> {
  const ctx = life.ctx;
  const parent = life.instance(parentKey)!;
  const instance: ElementInstanceRow = {
    key: ctx.nextKey(),
    processInstanceKey: parent.processInstanceKey,
    flowScopeKey: parentKey,
    elementId: element.id,
    elementType: bpmnElementType(element),
    state: ElementIntent.Activating,
    record: {
      bpmnProcessId: parent.record.bpmnProcessId,
      processDefinitionKey: parent.record.processDefinitionKey,
      version: parent.record.version,
    },
  };
  ctx.emit(
    ValueType.ProcessInstance,
    ElementIntent.Activating,
    instance.key,
    { ...elementRecord(ctx, instance), consumedFlowIds: [] },
    instance.processInstanceKey,
  );
  const boundaries = prepareBoundarySubscriptions(life, element, life.instance(instance.key)!);
  life.emitElement(ElementIntent.Activated, life.instance(instance.key)!);
  if (boundaries.ok) await openSubscriptions(life, boundaries.subscriptions);
  life.push({ op: 'openEventSubProcesses', key: instance.key });
  return instance.key;
}

/** The instance of `scopeId` that encloses the scope instance `key` (or is it). */
function scopeInstanceOf(life: Lifecycle, key: number, scopeId: string): number {
  for (
    let at = life.instance(key);
    at;
    at = at.flowScopeKey === null ? undefined : life.instance(at.flowScopeKey)
  ) {
    if (at.elementId === scopeId) return at.key;
  }
  return key;
}

/** The instructed element instances to terminate, each checked to be active in this instance. */
function checkTerminations(life: Lifecycle, input: ModifyInstanceInput, what: string): number[] {
  const doomed: number[] = [];
  for (const { elementInstanceKey: key } of input.terminateInstructions) {
    const instance = life.instance(key);
    if (
      !instance ||
      instance.processInstanceKey !== input.processInstanceKey ||
      instance.flowScopeKey === null ||
      instance.state === ElementIntent.Terminating
    ) {
      throw reject.invalidArgument(
        `${what}, but it contains a terminate instruction with an element instance that could not be found: '${key}'. Use the key of an active element instance of this process instance.`,
      );
    }
    if (!doomed.includes(key)) doomed.push(key);
  }
  return doomed;
}

/**
 * The instructed instances and each scope they leave with no active element (up to the
 * process instance, which a child process instance may not lose).
 */
function emptiedScopes(
  life: Lifecycle,
  input: ModifyInstanceInput,
  terminated: number[],
  what: string,
): number[] {
  const doomed = [...terminated];
  for (let i = 0; i < doomed.length; i++) {
    const scopeKey = life.instance(doomed[i]!)?.flowScopeKey ?? null;
    if (scopeKey === null || doomed.includes(scopeKey)) continue;
    const scope = life.instance(scopeKey)!;
    const left = life
      .children(scopeKey)
      .filter((c) => !doomed.includes(c.key) && c.state !== ElementIntent.Terminating);
    if (left.length > 0 || (scope.record.activeFlows ?? 0) > 0) continue;
    const processInstance = life.ctx.state.processInstances.get(input.processInstanceKey)!;
    if (scope.flowScopeKey === null && processInstance.parentInstanceKey !== null) {
      throw reject.invalidArgument(
        `${what}, but it would terminate every active element of a child process instance. Terminate the call activity '${processInstance.parentElementInstanceKey}' in the parent process instance instead.`,
      );
    }
    doomed.push(scopeKey);
  }
  return doomed;
}
