import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { DecisionEvaluation } from '../../dmn/evaluateDecisionCommand';
import type { Engine } from '../../runtime/Engine';
import { DEFAULT_TENANT, parseVariables, requireDefaultTenant, text, toKey } from './requestFields';
import { unary, type RpcContext } from './rpcHandlers';

/**
 * EvaluateDecision: by decision key, or the latest version by decision id. A failed evaluation
 * is an answer with failedDecisionId and failureMessage, as in Zeebe.
 */
export function decisionRpcs(engine: Engine, ctx: RpcContext): UntypedServiceImplementation {
  return {
    EvaluateDecision: unary(ctx, async (request) => {
      requireDefaultTenant(request.tenantId);
      const decisionKey = toKey(request.decisionKey, 'decisionKey');
      const decisionId = text(request.decisionId);
      const evaluation = await engine.evaluateDecision({
        // Zeebe: when both are given, the id wins.
        ...(decisionId !== '' ? { decisionId } : { decisionKey }),
        variables: parseVariables(request.variables),
      });
      return evaluateDecisionResponse(evaluation);
    }),
  };
}

function evaluateDecisionResponse(e: DecisionEvaluation) {
  return {
    decisionKey: String(e.decisionKey),
    decisionId: e.decisionId,
    decisionName: e.decisionName,
    decisionVersion: e.decisionVersion,
    decisionRequirementsId: e.decisionRequirementsId,
    decisionRequirementsKey: String(e.decisionRequirementsKey),
    decisionOutput: e.decisionOutput,
    evaluatedDecisions: e.evaluatedDecisions.map((d) => ({
      decisionKey: String(d.decisionKey),
      decisionId: d.decisionId,
      decisionName: d.decisionName,
      decisionVersion: d.decisionVersion,
      decisionType: d.decisionType,
      decisionOutput: d.decisionOutput,
      matchedRules: d.matchedRules,
      evaluatedInputs: d.evaluatedInputs,
      tenantId: DEFAULT_TENANT,
    })),
    failedDecisionId: e.failedDecisionId,
    failureMessage: e.evaluationFailureMessage,
    tenantId: DEFAULT_TENANT,
    decisionInstanceKey: String(e.evaluationKey),
  };
}
