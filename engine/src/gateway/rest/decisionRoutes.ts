import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../runtime/Engine';
import { DEFAULT_TENANT, requireDefaultTenant, toKey } from '../grpc/requestFields';
import { gatewayError } from '../GatewayError';

const evaluationSchema = z
  .object({
    decisionDefinitionId: z.string().min(1).optional(),
    decisionDefinitionKey: z.string().min(1).optional(),
    variables: z.record(z.string(), z.unknown()).optional(),
    tenantId: z.string().optional(),
  })
  .strict();

/** POST /v2/decision-definitions/evaluation: Camunda's REST form of EvaluateDecision. */
export function decisionRoutes(engine: Engine): Router {
  const router = Router();
  router.post('/decision-definitions/evaluation', async (req, res) => {
    const body = evaluationSchema.parse(req.body ?? {});
    requireDefaultTenant(body.tenantId);
    if ((body.decisionDefinitionId === undefined) === (body.decisionDefinitionKey === undefined))
      throw gatewayError.invalidArgument(
        'Expected exactly one of decisionDefinitionId and decisionDefinitionKey, but got both or neither.',
      );
    const e = await engine.evaluateDecision({
      ...(body.decisionDefinitionId !== undefined
        ? { decisionId: body.decisionDefinitionId }
        : { decisionKey: toKey(body.decisionDefinitionKey, 'decisionDefinitionKey') }),
      variables: body.variables ?? {},
    });
    res.json({
      decisionDefinitionId: e.decisionId,
      decisionDefinitionKey: String(e.decisionKey),
      decisionDefinitionName: e.decisionName,
      decisionDefinitionVersion: e.decisionVersion,
      decisionRequirementsId: e.decisionRequirementsId,
      decisionRequirementsKey: String(e.decisionRequirementsKey),
      decisionEvaluationKey: String(e.evaluationKey),
      decisionInstanceKey: String(e.evaluationKey),
      output: e.decisionOutput,
      failedDecisionDefinitionId: e.failedDecisionId,
      failureMessage: e.evaluationFailureMessage,
      tenantId: DEFAULT_TENANT,
      evaluatedDecisions: e.evaluatedDecisions.map((d) => ({
        decisionDefinitionId: d.decisionId,
        decisionDefinitionKey: String(d.decisionKey),
        decisionDefinitionName: d.decisionName,
        decisionDefinitionVersion: d.decisionVersion,
        decisionDefinitionType: d.decisionType,
        output: d.decisionOutput,
        tenantId: DEFAULT_TENANT,
        matchedRules: d.matchedRules,
        evaluatedInputs: d.evaluatedInputs,
      })),
    });
  });
  return router;
}
