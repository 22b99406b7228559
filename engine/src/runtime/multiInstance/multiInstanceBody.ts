import { evaluateCondition, evaluateFeel } from '../../feel/evaluateFeel';
import type { CompiledElement, MultiInstance } from '../../model/CompiledProcess';
import type { ElementInstanceRow } from '../../state/rows';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import type { Lifecycle } from '../lifecycle/Lifecycle';
import { takeFlow } from '../lifecycle/takeFlow';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables/variables';

export const MULTI_INSTANCE_BODY = 'MULTI_INSTANCE_BODY';

const spec = (element: CompiledElement): MultiInstance => element.multiInstance!;

/**
 * The body of a multi-instance activity: one inner instance per item of the input collection,
 * all at once (parallel) or one after another (sequential). It keeps Zeebe's counters as local
 * variables, gathers the output collection, and completes early when the completion condition
 * holds (the remaining inner instances are terminated).
 */
export const multiInstanceBody: ElementBehaviour = {
  prepare(life, element, instance) {
    const source = spec(element).inputCollection;
    const result = evaluateFeel(source, visibleVariables(life.ctx, instance.key));
    if (!result.ok || !Array.isArray(result.value)) {
      const message = result.ok
        ? `Expected result of the expression '${source.replace(/^=/, '')}' to be 'ARRAY', but was '${result.value === null ? 'NULL' : typeof result.value === 'object' ? 'OBJECT' : typeof result.value === 'number' ? 'NUMBER' : typeof result.value === 'boolean' ? 'BOOLEAN' : 'STRING'}'.`
        : result.message;
      raiseIncident(life.ctx, instance, 'EXTRACT_VALUE_ERROR', message, 'activate');
      return { ok: false };
    }
    return { ok: true, data: result.value, record: { multiInstanceItems: result.value } };
  },
  activated(life, element, instance, data) {
    const items = data as unknown[];
    const mi = spec(element);
    const parallel = !mi.isSequential;
    setLocalVariables(life.ctx, instance.key, instance.processInstanceKey, {
      numberOfInstances: items.length,
      numberOfActiveInstances: parallel ? items.length : Math.min(1, items.length),
      numberOfCompletedInstances: 0,
      numberOfTerminatedInstances: 0,
      ...(mi.outputCollection ? { [mi.outputCollection]: items.map(() => null) } : {}),
    });
    if (items.length === 0) {
      life.push({ op: 'complete', key: instance.key });
      return;
    }
    const count = parallel ? items.length : 1;
    for (let i = 0; i < count; i++) activateInner(life, element, instance, items, i);
  },
  completing(life, element, instance) {
    // The output collection leaves the body like an output mapping would.
    const name = spec(element).outputCollection;
    if (!name) return true;
    const collection = life.ctx.state.variables.find(
      (v) => v.scopeKey === instance.key && v.name === name,
    );
    if (collection)
      propagateVariables(life.ctx, instance.flowScopeKey!, instance.processInstanceKey, {
        [name]: collection.value,
      });
    return true;
  },
  completed(life, element, instance) {
    for (const flowId of element.outgoing) takeFlow(life, instance, flowId);
  },
};

/** Before an inner instance completes: its output element goes into the body's collection. */
export function collectOutput(life: Lifecycle, inner: ElementInstanceRow): void {
  const element = life.element(inner)!;
  const mi = spec(element);
  if (!mi.outputCollection || !mi.outputElement) return;
  const body = life.instance(inner.flowScopeKey!)!;
  const variables = visibleVariables(life.ctx, inner.key);
  const value = evaluateFeel(mi.outputElement, variables);
  const collection = life.ctx.state.variables.find(
    (v) => v.scopeKey === body.key && v.name === mi.outputCollection,
  );
  if (!collection || !Array.isArray(collection.value)) return;
  const next = [...(collection.value as unknown[])];
  next[Number(variables.loopCounter) - 1] = value.ok ? value.value : null;
  setLocalVariables(life.ctx, body.key, body.processInstanceKey, { [mi.outputCollection]: next });
}

/** After an inner instance completed: count it, check the completion condition, start the next. */
export function innerCompleted(life: Lifecycle, inner: ElementInstanceRow): void {
  const body = life.instance(inner.flowScopeKey!);
  if (!body) return;
  const element = life.element(body)!;
  const mi = spec(element);
  const counters = visibleVariables(life.ctx, body.key);
  const completed = Number(counters.numberOfCompletedInstances ?? 0) + 1;
  const active = life.children(body.key).length;
  setLocalVariables(life.ctx, body.key, body.processInstanceKey, {
    numberOfCompletedInstances: completed,
    numberOfActiveInstances: active,
  });
  if (mi.completionCondition) {
    const done = evaluateCondition(mi.completionCondition, visibleVariables(life.ctx, body.key));
    if (!done.ok) {
      raiseIncident(life.ctx, body, 'EXTRACT_VALUE_ERROR', done.message, 'none');
      return;
    }
    if (done.value) {
      for (const child of life.children(body.key)) life.push({ op: 'terminate', key: child.key });
      return;
    }
  }
  const items = body.record.multiInstanceItems ?? [];
  if (mi.isSequential && completed < items.length) {
    setLocalVariables(life.ctx, body.key, body.processInstanceKey, { numberOfActiveInstances: 1 });
    activateInner(life, element, body, items, completed);
  }
}

function activateInner(
  life: Lifecycle,
  element: CompiledElement,
  body: ElementInstanceRow,
  items: unknown[],
  index: number,
): void {
  const mi = spec(element);
  life.push({
    op: 'activate',
    definitionKey: body.record.processDefinitionKey,
    processInstanceKey: body.processInstanceKey,
    elementId: element.id,
    flowScopeKey: body.key,
    consumedFlowIds: [],
    record: { multiInstanceInner: true },
    localVariables: {
      loopCounter: index + 1,
      ...(mi.inputElement ? { [mi.inputElement]: items[index] ?? null } : {}),
    },
  });
}
