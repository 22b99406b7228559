import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Engine } from '../../runtime/Engine';
import { parseVariables, refuseOperationReference, text, toKey } from './requestFields';
import { unary, type GrpcRequest, type RpcContext } from './rpcHandlers';

/** ModifyProcessInstance and MigrateProcessInstance. */
export function instanceChangeRpcs(engine: Engine, ctx: RpcContext): UntypedServiceImplementation {
  return {
    ModifyProcessInstance: unary(ctx, async (request) => {
      refuseOperationReference(request);
      await engine.modifyProcessInstance({
        processInstanceKey: toKey(request.processInstanceKey, 'processInstanceKey'),
        activateInstructions: list(request.activateInstructions).map((a, i) => {
          const ancestor = Number(a.ancestorElementInstanceKey ?? 0);
          const field = `activateInstructions[${i}]`;
          return {
            elementId: text(a.elementId),
            // -1 (or 0): the engine finds the flow scope instance.
            ...(ancestor > 0
              ? {
                  ancestorElementInstanceKey: toKey(
                    a.ancestorElementInstanceKey,
                    `${field}.ancestorElementInstanceKey`,
                  ),
                }
              : {}),
            variableInstructions: list(a.variableInstructions).map((v, j) => ({
              variables: parseVariables(
                v.variables,
                `${field}.variableInstructions[${j}].variables`,
              ),
              scopeId: text(v.scopeId),
            })),
          };
        }),
        terminateInstructions: list(request.terminateInstructions).map((t, i) => ({
          elementInstanceKey: toKey(
            t.elementInstanceKey,
            `terminateInstructions[${i}].elementInstanceKey`,
          ),
        })),
      });
      return {};
    }),

    MigrateProcessInstance: unary(ctx, async (request) => {
      refuseOperationReference(request);
      const plan = (request.migrationPlan ?? {}) as GrpcRequest;
      await engine.migrateProcessInstance({
        processInstanceKey: toKey(request.processInstanceKey, 'processInstanceKey'),
        targetProcessDefinitionKey: toKey(
          plan.targetProcessDefinitionKey,
          'migrationPlan.targetProcessDefinitionKey',
        ),
        mappingInstructions: list(plan.mappingInstructions).map((m) => ({
          sourceElementId: text(m.sourceElementId),
          targetElementId: text(m.targetElementId),
        })),
      });
      return {};
    }),
  };
}

function list(value: unknown): GrpcRequest[] {
  return Array.isArray(value) ? (value as GrpcRequest[]) : [];
}
