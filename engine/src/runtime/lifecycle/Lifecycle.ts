import { applyMappings } from '../../feel/applyMappings';
import { ElementIntent, ValueType } from '../../log/EngineEvent';
import type { CompiledElement, CompiledProcess } from '../../model/CompiledProcess';
import type { ElRecordValue } from './recordValue';
import type { ElementInstanceRow } from '../../state/rows';
import type { CommandContext } from '../context/CommandContext';
import type { ProcessDefinition } from '../context/Definitions';
import {
  closeEventSubscriptions,
  openSubscriptions,
  prepareBoundarySubscriptions,
} from '../events/eventSubscriptions';
import { raiseIncident, resolveIncidentsOf } from '../incidents/raiseIncident';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables/variables';
import type { ElementBehaviour } from './ElementBehaviour';
import { openEventSubProcessStarts } from '../events/eventSubProcesses';
import { compensationAfterEnd } from '../events/compensation';
import { returnToCaller } from '../elements/callActivity';
import {
  collectOutput,
  innerCompleted,
  MULTI_INSTANCE_BODY,
  multiInstanceBody,
} from '../multiInstance/multiInstanceBody';
import { cancelListenerJobs } from '../listeners/cancelListenerJobs';
import { runExecutionListener } from '../listeners/executionListeners';
import { enterProcess } from '../commands/startProcessInstance';
import { checkJoin } from './joins';
import { elementRecord, processRecord } from './recordValue';
import type { Step } from './Step';
import { takeFlow } from './takeFlow';

export type Behaviours = Record<string, ElementBehaviour<never> | undefined>;

/**
 * The shared element lifecycle (activate → complete, or terminate) that every element kind
 * plugs its behaviour into. Steps run in order until every token waits; each state change
 * is an event emitted through the command context.
 */
export class Lifecycle {
  private readonly queue: Step[] = [];

  constructor(
    readonly ctx: CommandContext,
    private readonly behaviours: Behaviours,
  ) {}

  push(step: Step): void {
    this.queue.push(step);
  }

  /** Steps still queued. */
  pending(): number {
    return this.queue.length;
  }

  async run(): Promise<void> {
    for (let step = this.queue.shift(); step; step = this.queue.shift()) await this.handle(step);
  }

  definition(instance: ElementInstanceRow): ProcessDefinition {
    return this.ctx.definitions.cached(instance.record.processDefinitionKey);
  }

  element(instance: ElementInstanceRow): CompiledElement | undefined {
    return this.definition(instance).process.elements[instance.elementId];
  }

  instance(key: number): ElementInstanceRow | undefined {
    return this.ctx.state.elementInstances.get(key);
  }

  children(scopeKey: number): ElementInstanceRow[] {
    return this.ctx.state.elementInstances.filter((e) => e.flowScopeKey === scopeKey);
  }

  emitElement(
    intent: ElementIntent,
    instance: ElementInstanceRow,
    extra: Partial<ElRecordValue> = {},
  ): void {
    const value =
      instance.elementType === 'PROCESS'
        ? processRecord(this.ctx, instance)
        : elementRecord(this.ctx, instance);
    this.ctx.emit(
      ValueType.ProcessInstance,
      intent,
      instance.key,
      { ...value, ...extra },
      instance.processInstanceKey,
    );
  }

  /** Sets event or job variables on an element the way Zeebe does before it completes. */
  mergeResultVariables(
    instance: ElementInstanceRow,
    variables: Record<string, unknown> | undefined,
  ): void {
    if (!variables || Object.keys(variables).length === 0) return;
    const element = this.element(instance);
    // With output mappings the variables are local and the mappings decide what leaves.
    if (element && element.outputMappings.length > 0) {
      setLocalVariables(this.ctx, instance.key, instance.processInstanceKey, variables);
    } else {
      propagateVariables(this.ctx, instance.key, instance.processInstanceKey, variables);
    }
  }

  private async handle(step: Step): Promise<void> {
    switch (step.op) {
      case 'activate':
        return this.activate(step);
      case 'resumeActivation':
        return this.resumeActivation(step.key);
      case 'complete':
        return this.complete(step.key, step.variables, step.record);
      case 'resumeCompletion':
        return this.resumeCompletion(step.key);
      case 'terminate':
        return this.terminate(step.key, step.record);
      case 'terminated':
        return this.terminated(step.key);
      case 'join':
        return checkJoin(this, step);
      case 'checkScope':
        return this.checkScope(step.key);
      case 'openEventSubProcesses':
        return openEventSubProcessStarts(this, step.key);
      case 'listenersDone':
        return step.eventType === 'start'
          ? this.continueActivation(step.key)
          : this.continueCompletion(step.key);
    }
  }

  private activate(step: Extract<Step, { op: 'activate' }>): Promise<void> {
    const scope = this.instance(step.flowScopeKey);
    const awaited = scope?.record.pendingEventSubProcess?.elementId === step.elementId;
    if (!scope || scope.state !== ElementIntent.Activated || (scope.record.terminated && !awaited))
      return Promise.resolve();
    const process = this.ctx.definitions.cached(step.definitionKey).process;
    const element = process.elements[step.elementId]!;
    // A multi-instance activity is entered through its body, which activates the inner instances.
    const body = element.multiInstance !== undefined && !step.record?.multiInstanceInner;
    const instance: ElementInstanceRow = {
      key: this.ctx.nextKey(),
      processInstanceKey: step.processInstanceKey,
      flowScopeKey: step.flowScopeKey,
      elementId: element.id,
      elementType: body ? MULTI_INSTANCE_BODY : bpmnElementType(element),
      state: ElementIntent.Activating,
      record: {
        bpmnProcessId: scope.record.bpmnProcessId,
        processDefinitionKey: step.definitionKey,
        version: scope.record.version,
      },
    };
    this.ctx.emit(
      ValueType.ProcessInstance,
      ElementIntent.Activating,
      instance.key,
      {
        ...elementRecord(this.ctx, instance),
        consumedFlowIds: step.consumedFlowIds,
        ...(step.record ? { record: step.record } : {}),
      },
      instance.processInstanceKey,
    );
    if (step.localVariables) {
      setLocalVariables(this.ctx, instance.key, instance.processInstanceKey, step.localVariables);
    }
    if (step.variables && Object.keys(step.variables).length > 0) {
      this.mergeResultVariables(this.instance(instance.key)!, step.variables);
    }
    return this.resumeActivation(instance.key);
  }

  private async resumeActivation(key: number): Promise<void> {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Activating) return;
    if (instance.elementType === 'PROCESS') {
      if (!runExecutionListener(this, instance, 'start', 0)) await this.continueActivation(key);
      return;
    }
    const element = this.element(instance)!;
    const body = instance.elementType === MULTI_INSTANCE_BODY;
    if (!body && element.inputMappings.length > 0) {
      const mapped = applyMappings(element.inputMappings, visibleVariables(this.ctx, instance.key));
      if (!mapped.ok) {
        raiseIncident(this.ctx, instance, 'IO_MAPPING_ERROR', mapped.message, 'activate');
        return;
      }
      setLocalVariables(this.ctx, instance.key, instance.processInstanceKey, mapped.variables);
    }
    // Start listeners run after the input mappings and before the element's own expressions.
    if (runExecutionListener(this, instance, 'start', 0)) return;
    await this.continueActivation(key);
  }

  private async continueActivation(key: number): Promise<void> {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Activating) return;
    if (instance.elementType === 'PROCESS') {
      enterProcess(this, key, instance.record.startElementId!);
      return;
    }
    const element = this.element(instance)!;
    const behaviour = this.behaviourFor(instance, element);
    const prepared = (await behaviour?.prepare?.(this, element, instance)) ?? { ok: true };
    if (!prepared.ok) return;
    // Boundary events belong to the multi-instance body, not to its inner instances.
    const boundaries = instance.record.multiInstanceInner
      ? { ok: true as const, subscriptions: [] }
      : prepareBoundarySubscriptions(this, element, instance);
    if (!boundaries.ok) return;
    this.emitElement(
      ElementIntent.Activated,
      this.instance(key)!,
      prepared.record ? { record: prepared.record } : {},
    );
    await openSubscriptions(this, boundaries.subscriptions);
    if (behaviour?.activated)
      await behaviour.activated(this, element, this.instance(key)!, prepared.data);
    else this.push({ op: 'complete', key });
  }

  private complete(
    key: number,
    variables?: Record<string, unknown>,
    record?: Partial<ElementInstanceRow['record']>,
  ): Promise<void> {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Activated) return Promise.resolve();
    this.emitElement(ElementIntent.Completing, instance, record ? { record } : {});
    this.mergeResultVariables(this.instance(key)!, variables);
    return this.resumeCompletion(key);
  }

  private resumeCompletion(key: number): Promise<void> {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Completing) return Promise.resolve();
    const element = instance.elementType === 'PROCESS' ? undefined : this.element(instance);
    if (
      element &&
      instance.elementType !== MULTI_INSTANCE_BODY &&
      element.outputMappings.length > 0
    ) {
      const mapped = applyMappings(
        element.outputMappings,
        visibleVariables(this.ctx, instance.key),
      );
      if (!mapped.ok) {
        raiseIncident(this.ctx, instance, 'IO_MAPPING_ERROR', mapped.message, 'complete');
        return Promise.resolve();
      }
      propagateVariables(
        this.ctx,
        instance.flowScopeKey!,
        instance.processInstanceKey,
        mapped.variables,
      );
    }
    // End listeners run after the output mappings and before the element is left.
    if (runExecutionListener(this, instance, 'end', 0)) return Promise.resolve();
    return this.continueCompletion(key);
  }

  private continueCompletion(key: number): Promise<void> {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Completing) return Promise.resolve();
    const element = instance.elementType === 'PROCESS' ? undefined : this.element(instance);
    const behaviour = element ? this.behaviourFor(instance, element) : undefined;
    if (element && behaviour?.completing && !behaviour.completing(this, element, instance)) {
      return Promise.resolve();
    }
    if (instance.record.multiInstanceInner) collectOutput(this, instance);
    else if (element && !this.scopeAccepts(instance)) return Promise.resolve();
    closeEventSubscriptions(this, instance);
    const startLock = instance.elementType === 'PROCESS' ? instance.record.startLock : undefined;
    // A terminate end event ends its scope: tokens still on their way or waiting at joins die.
    const terminates = element?.kind === 'endEvent' && element.eventDefinition.type === 'terminate';
    const finalVariables = element ? {} : visibleVariables(this.ctx, instance.key);
    this.emitElement(ElementIntent.Completed, instance, {
      ...(startLock ? { startLock } : {}),
      ...(terminates ? { terminateFlowScope: true } : {}),
    });
    compensationAfterEnd(this, instance, 'completed');
    if (!element) {
      this.processEnded(instance, 'COMPLETED', finalVariables);
      returnToCaller(this, instance, finalVariables);
      return Promise.resolve();
    }
    if (instance.record.multiInstanceInner) innerCompleted(this, instance);
    else if (behaviour?.completed) behaviour.completed(this, element, instance);
    else for (const flowId of element.outgoing) takeFlow(this, instance, flowId);
    this.tellScope(instance);
    this.push({ op: 'checkScope', key: instance.flowScopeKey! });
    return Promise.resolve();
  }

  /** Terminates an element instance and, first, everything inside it. */
  terminate(key: number, record?: Partial<ElementInstanceRow['record']>): void {
    const instance = this.instance(key);
    if (!instance || instance.state === ElementIntent.Terminating) return;
    this.emitElement(ElementIntent.Terminating, instance, record ? { record } : {});
    const element = instance.elementType === 'PROCESS' ? undefined : this.element(instance);
    cancelListenerJobs(this, instance);
    resolveIncidentsOf(this.ctx, key);
    const holds =
      element !== undefined &&
      this.behaviourFor(instance, element)?.terminating?.(this, element, instance) === true;
    closeEventSubscriptions(this, instance);
    const children = this.children(key);
    if (children.length === 0) {
      if (!holds) this.push({ op: 'terminated', key });
    } else for (const child of children) this.push({ op: 'terminate', key: child.key });
  }

  private terminated(key: number): void {
    const instance = this.instance(key);
    if (!instance || instance.state !== ElementIntent.Terminating) return;
    const startLock = instance.elementType === 'PROCESS' ? instance.record.startLock : undefined;
    this.emitElement(ElementIntent.Terminated, instance, startLock ? { startLock } : {});
    compensationAfterEnd(this, instance, 'terminated');
    if (instance.flowScopeKey === null) {
      this.processEnded(instance, 'TERMINATED', {});
      return;
    }
    const scope = this.instance(instance.flowScopeKey);
    if (!scope) return;
    if (scope.state === ElementIntent.Terminating) {
      if (this.children(scope.key).length === 0) this.push({ op: 'terminated', key: scope.key });
      return;
    }
    const pending = scope.record.pendingEventSubProcess;
    if (pending && this.children(scope.key).length === 0) {
      this.push({
        op: 'activate',
        definitionKey: scope.record.processDefinitionKey,
        processInstanceKey: scope.processInstanceKey,
        elementId: pending.elementId,
        flowScopeKey: scope.key,
        consumedFlowIds: [],
        record: {
          triggeredBy: {
            elementId: pending.startEventId,
            variables: pending.variables,
            ...(pending.localVariables ? { localVariables: pending.localVariables } : {}),
          },
        },
      });
      return;
    }
    const interruptedBy = instance.record.interruptedBy;
    if (interruptedBy) {
      this.push({
        op: 'activate',
        definitionKey: instance.record.processDefinitionKey,
        processInstanceKey: instance.processInstanceKey,
        elementId: interruptedBy.elementId,
        flowScopeKey: scope.key,
        consumedFlowIds: [],
        variables: interruptedBy.variables,
        localVariables: interruptedBy.localVariables,
      });
      return;
    }
    this.push({ op: 'checkScope', key: scope.key });
  }

  /** Lets the scope of a completed element react (an ad-hoc sub-process's completion condition). */
  private tellScope(child: ElementInstanceRow): void {
    const scope = this.instance(child.flowScopeKey!);
    const element = scope && scope.elementType !== 'PROCESS' ? this.element(scope) : undefined;
    if (scope && element)
      this.behaviourFor(scope, element)?.childCompleted?.(this, element, scope, child);
  }

  /** Lets the scope of a completing element see it first (an ad-hoc output element). */
  private scopeAccepts(child: ElementInstanceRow): boolean {
    const scope = this.instance(child.flowScopeKey!);
    const element = scope && scope.elementType !== 'PROCESS' ? this.element(scope) : undefined;
    if (!scope || !element) return true;
    return (
      this.behaviourFor(scope, element)?.childCompleting?.(this, element, scope, child) ?? true
    );
  }

  /** Completes a scope once nothing inside it is active and no token is on its way. */
  private checkScope(key: number): void {
    const scope = this.instance(key);
    if (!scope || scope.state !== ElementIntent.Activated) return;
    if ((scope.record.activeFlows ?? 0) > 0) return;
    if (this.children(key).length > 0) return;
    const element = scope.elementType === 'PROCESS' ? undefined : this.element(scope);
    if (element && this.behaviourFor(scope, element)?.holdsCompletion?.(this, element, scope))
      return;
    this.push({ op: 'complete', key });
  }

  /** Told when a process instance ends in this command (the processor reports it after commit). */
  readonly processEndedListeners: ((
    instance: ElementInstanceRow,
    state: 'COMPLETED' | 'TERMINATED',
    variables: Record<string, unknown>,
  ) => void)[] = [];

  private processEnded(
    instance: ElementInstanceRow,
    state: 'COMPLETED' | 'TERMINATED',
    variables: Record<string, unknown>,
  ): void {
    for (const listener of this.processEndedListeners) listener(instance, state, variables);
  }

  behaviourOf(element: CompiledElement): ElementBehaviour | undefined {
    return this.behaviours[element.kind];
  }

  /** The behaviour of an element instance: its kind's, or the multi-instance body's. */
  behaviourFor(
    instance: ElementInstanceRow,
    element: CompiledElement,
  ): ElementBehaviour | undefined {
    return instance.elementType === MULTI_INSTANCE_BODY
      ? multiInstanceBody
      : this.behaviourOf(element);
  }

  processOf(instance: ElementInstanceRow): CompiledProcess {
    return this.definition(instance).process;
  }
}

/** Zeebe's bpmnElementType names (START_EVENT, SERVICE_TASK, …). */
export function bpmnElementType(element: CompiledElement): string {
  if (element.kind === 'subProcess' && element.triggeredByEvent) return 'EVENT_SUB_PROCESS';
  return element.kind.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
}
