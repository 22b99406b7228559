import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Engine } from '../../runtime/Engine';
import type { DeploymentResult } from '../../deploy/deployResources';
import { DEFAULT_TENANT, requireDefaultTenant, text } from './requestFields';
import { unary, type RpcContext } from './rpcHandlers';

/** DeployResource and its deprecated predecessor DeployProcess. */
export function deployRpcs(engine: Engine, ctx: RpcContext): UntypedServiceImplementation {
  return {
    DeployResource: unary(ctx, async (request) => {
      requireDefaultTenant(request.tenantId);
      const resources = Array.isArray(request.resources) ? request.resources : [];
      const result = await engine.deploy(resources.map(toResource('content')));
      return {
        key: String(result.key),
        deployments: [
          ...result.processes.map((p) => ({ process: processMetadata(p) })),
          ...result.decisionRequirements.map((r) => ({
            decisionRequirements: {
              dmnDecisionRequirementsId: r.decisionRequirementsId,
              dmnDecisionRequirementsName: r.name,
              version: r.version,
              decisionRequirementsKey: String(r.key),
              resourceName: r.resourceName,
              tenantId: DEFAULT_TENANT,
            },
          })),
          ...result.decisions.map((d) => ({
            decision: {
              dmnDecisionId: d.decisionId,
              dmnDecisionName: d.name,
              version: d.version,
              decisionKey: String(d.key),
              dmnDecisionRequirementsId: d.decisionRequirementsId,
              decisionRequirementsKey: String(d.decisionRequirementsKey),
              tenantId: DEFAULT_TENANT,
            },
          })),
          ...result.forms.map((f) => ({
            form: {
              formId: f.formId,
              version: f.version,
              formKey: String(f.key),
              resourceName: f.resourceName,
              tenantId: DEFAULT_TENANT,
            },
          })),
        ],
        tenantId: DEFAULT_TENANT,
      };
    }),

    DeployProcess: unary(ctx, async (request) => {
      const processes = Array.isArray(request.processes) ? request.processes : [];
      const result = await engine.deploy(processes.map(toResource('definition')));
      return { key: String(result.key), processes: result.processes.map(processMetadata) };
    }),
  };
}

function toResource(contentField: 'content' | 'definition') {
  return (raw: unknown) => {
    const resource = (raw ?? {}) as Record<string, unknown>;
    const content = resource[contentField];
    return {
      name: text(resource.name),
      content: Buffer.isBuffer(content) ? content : Buffer.from(text(content)),
    };
  };
}

function processMetadata(p: DeploymentResult['processes'][number]) {
  return {
    bpmnProcessId: p.bpmnProcessId,
    version: p.version,
    processDefinitionKey: String(p.key),
    resourceName: p.resourceName,
    tenantId: DEFAULT_TENANT,
  };
}
