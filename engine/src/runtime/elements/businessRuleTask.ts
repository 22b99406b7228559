import { decisionEvaluationRecord } from '../../dmn/decisionEvaluationRecord';
import { findDecision } from '../../dmn/findDecision';
import { evaluateDecision } from '../../dmn/evaluateDecision';
import { evaluateStaticOrFeel } from '../../feel/evaluateStaticOrFeel';
import { ValueType } from '../../log/EngineEvent';
import type { BusinessRuleTask } from '../../model/CompiledProcess';
import { raiseIncident } from '../incidents/raiseIncident';
import type { ElementBehaviour } from '../lifecycle/ElementBehaviour';
import { visibleVariables } from '../variables/variables';
import { jobTask } from './jobTask';

/**
 * A business rule task either waits for a job (zeebe:taskDefinition) or evaluates its called
 * DMN decision on activation, as Zeebe does: the result goes to the result variable; an
 * unknown decision or a failed evaluation raises an incident, and resolving it evaluates again.
 */
export const businessRuleTask: ElementBehaviour<BusinessRuleTask> = {
  async prepare(life, element, instance) {
    if (!element.calledDecision) return jobTask.prepare!(life, element, instance);
    const called = element.calledDecision;
    const { ctx } = life;
    const variables = visibleVariables(ctx, instance.key);
    const id = evaluateStaticOrFeel(called.decisionId, variables, 'string');
    if (!id.ok) {
      raiseIncident(ctx, instance, 'EXTRACT_VALUE_ERROR', id.message, 'activate');
      return { ok: false };
    }
    const decision = await findDecision(ctx.tx, ctx.definitions, id.value, called.bindingType, {
      versionTag: called.versionTag,
      processDefinitionKey: instance.record.processDefinitionKey,
    });
    if (!decision) {
      const how =
        called.bindingType === 'deployment'
          ? ' in the deployment of this process'
          : called.bindingType === 'versionTag'
            ? ` with version tag '${called.versionTag ?? ''}'`
            : '';
      raiseIncident(
        ctx,
        instance,
        'CALLED_DECISION_ERROR',
        `Expected to evaluate decision '${id.value}', but no decision found for id '${id.value}'${how}. Deploy the DMN and resolve the incident.`,
        'activate',
      );
      return { ok: false };
    }
    const result = evaluateDecision(decision.drg, decision.decisionId, variables);
    const origin = {
      bpmnProcessId: instance.record.bpmnProcessId,
      processDefinitionKey: instance.record.processDefinitionKey,
      processInstanceKey: instance.processInstanceKey,
      elementInstanceKey: instance.key,
      elementId: element.id,
    };
    ctx.emit(
      ValueType.DecisionEvaluation,
      result.ok ? 'EVALUATED' : 'FAILED',
      ctx.nextKey(),
      { ...decisionEvaluationRecord(decision, result, variables, origin) },
      instance.processInstanceKey,
    );
    if (!result.ok) {
      raiseIncident(ctx, instance, 'DECISION_EVALUATION_ERROR', result.message, 'activate');
      return { ok: false };
    }
    return { ok: true, data: result.output };
  },
  activated(life, element, instance, data) {
    if (!element.calledDecision) return jobTask.activated!(life, element, instance, data);
    life.push({
      op: 'complete',
      key: instance.key,
      variables: { [element.calledDecision.resultVariable]: data },
    });
  },
  terminating: (life, element, instance) => jobTask.terminating!(life, element, instance),
};
