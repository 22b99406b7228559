import { Router } from 'express';
import { z } from 'zod';
import type { Engine } from '../../runtime/Engine';
import type { JobResult } from '../../runtime/listeners/completeListenerJob';
import { gatewayError } from '../GatewayError';
import { pathKey } from './pathKey';

const key = z
  .union([z.string().regex(/^-?\d{1,16}$/), z.number().int()])
  .transform((v) => Number(v));
const variables = z.record(z.string(), z.unknown());
const operationReference = z.unknown().optional();

const modificationSchema = z
  .object({
    activateInstructions: z
      .array(
        z
          .object({
            elementId: z.string().min(1),
            ancestorElementInstanceKey: key.optional(),
            variableInstructions: z
              .array(z.object({ variables, scopeId: z.string().optional() }).strict())
              .optional(),
          })
          .strict(),
      )
      .optional(),
    terminateInstructions: z.array(z.object({ elementInstanceKey: key }).strict()).optional(),
    operationReference,
  })
  .strict();

const migrationSchema = z
  .object({
    targetProcessDefinitionKey: key,
    mappingInstructions: z.array(
      z.object({ sourceElementId: z.string().min(1), targetElementId: z.string().min(1) }).strict(),
    ),
    operationReference,
  })
  .strict();

const corrections = z
  .object({
    assignee: z.string().nullable().optional(),
    dueDate: z.string().nullable().optional(),
    followUpDate: z.string().nullable().optional(),
    candidateUsers: z.array(z.string()).nullable().optional(),
    candidateGroups: z.array(z.string()).nullable().optional(),
    priority: z.number().int().nullable().optional(),
  })
  .strict();

const userTaskResult = z
  .object({
    type: z.literal('userTask').optional(),
    denied: z.boolean().nullable().optional(),
    deniedReason: z.string().nullable().optional(),
    corrections: corrections.nullable().optional(),
  })
  .strict();

const adHocSubProcessResult = z
  .object({
    type: z.literal('adHocSubProcess'),
    activateElements: z
      .array(
        z
          .object({ elementId: z.string().min(1), variables: variables.nullable().optional() })
          .strict(),
      )
      .nullable()
      .optional(),
    isCompletionConditionFulfilled: z.boolean().nullable().optional(),
    isCancelRemainingInstances: z.boolean().nullable().optional(),
  })
  .strict();

const completionSchema = z
  .object({
    variables: variables.nullable().optional(),
    // Zeebe tells the kinds apart by `type`; a result without one is a user task's.
    result: z.union([adHocSubProcessResult, userTaskResult]).nullable().optional(),
  })
  .strict();

/**
 * Process instance modification and migration, and job completion with a result (how a task
 * listener denies or corrects, and how an ad-hoc sub-process's worker activates elements: the
 * gRPC CompleteJob of the protocol we serve has no result).
 */
export function instanceChangeRoutes(engine: Engine): Router {
  const router = Router();

  router.post('/process-instances/:key/modification', async (req, res) => {
    const processInstanceKey = pathKey(req.params.key, 'processInstanceKey');
    const body = modificationSchema.parse(req.body ?? {});
    refuseOperationReference(body.operationReference);
    await engine.modifyProcessInstance({
      processInstanceKey,
      activateInstructions: (body.activateInstructions ?? []).map((a) => ({
        elementId: a.elementId,
        ...(a.ancestorElementInstanceKey !== undefined && a.ancestorElementInstanceKey > 0
          ? { ancestorElementInstanceKey: a.ancestorElementInstanceKey }
          : {}),
        variableInstructions: (a.variableInstructions ?? []).map((v) => ({
          variables: v.variables,
          scopeId: v.scopeId ?? '',
        })),
      })),
      terminateInstructions: body.terminateInstructions ?? [],
    });
    res.status(204).end();
  });

  router.post('/process-instances/:key/migration', async (req, res) => {
    const processInstanceKey = pathKey(req.params.key, 'processInstanceKey');
    const body = migrationSchema.parse(req.body ?? {});
    refuseOperationReference(body.operationReference);
    await engine.migrateProcessInstance({
      processInstanceKey,
      targetProcessDefinitionKey: body.targetProcessDefinitionKey,
      mappingInstructions: body.mappingInstructions,
    });
    res.status(204).end();
  });

  router.post('/jobs/:key/completion', async (req, res) => {
    const jobKey = pathKey(req.params.key, 'jobKey');
    const body = completionSchema.parse(req.body ?? {});
    await engine.completeJob(jobKey, body.variables ?? {}, toJobResult(body.result));
    res.status(204).end();
  });

  return router;
}

function toJobResult(result: z.infer<typeof completionSchema>['result']): JobResult | undefined {
  if (!result) return undefined;
  if (result.type === 'adHocSubProcess') {
    return {
      type: 'adHocSubProcess',
      activateElements: (result.activateElements ?? []).map((e) => ({
        elementId: e.elementId,
        ...(e.variables ? { variables: e.variables } : {}),
      })),
      isCompletionConditionFulfilled: result.isCompletionConditionFulfilled ?? false,
      isCancelRemainingInstances: result.isCancelRemainingInstances ?? false,
    };
  }
  return {
    denied: result.denied ?? false,
    ...(result.deniedReason ? { deniedReason: result.deniedReason } : {}),
    ...(result.corrections ? { corrections: result.corrections } : {}),
  };
}

function refuseOperationReference(value: unknown): void {
  if (value !== undefined && value !== null)
    throw gatewayError.unimplemented(
      "The field 'operationReference' is not supported by Balcão's engine yet; send the request without it.",
    );
}
