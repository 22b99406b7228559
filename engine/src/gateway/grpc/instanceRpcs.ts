import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Engine } from '../../runtime/Engine';
import { gatewayError } from '../GatewayError';
import { DEFAULT_LONG_POLL_MS } from './jobRpcs';
import {
  DEFAULT_TENANT,
  parseVariables,
  refuseOperationReference,
  requireDefaultTenant,
  toKey,
  toMillis,
  text,
} from './requestFields';
import { unary, type GrpcRequest, type RpcContext } from './rpcHandlers';

/** Process instances, variables, incidents and messages. */
export function instanceRpcs(engine: Engine, ctx: RpcContext): UntypedServiceImplementation {
  return {
    CreateProcessInstance: unary(ctx, async (request) => {
      refuseOperationReference(request);
      const created = await engine.createProcessInstance(creationInput(request));
      return createdResponse(created);
    }),

    CreateProcessInstanceWithResult: unary(ctx, async (request) => {
      const inner = (request.request ?? {}) as GrpcRequest;
      refuseOperationReference(inner);
      const requested = toMillis(request.requestTimeout, 'requestTimeout');
      const result = await engine.createProcessInstanceWithResult({
        ...creationInput(inner),
        requestTimeout: requested > 0 ? requested : DEFAULT_LONG_POLL_MS,
        fetchVariables: Array.isArray(request.fetchVariables)
          ? request.fetchVariables.map(String)
          : [],
      });
      return { ...createdResponse(result), variables: JSON.stringify(result.variables) };
    }),

    CancelProcessInstance: unary(ctx, async (request) => {
      refuseOperationReference(request);
      await engine.cancelProcessInstance(toKey(request.processInstanceKey, 'processInstanceKey'));
      return {};
    }),

    SetVariables: unary(ctx, async (request) => {
      refuseOperationReference(request);
      const variables = parseVariables(request.variables);
      await engine.setVariables({
        elementInstanceKey: toKey(request.elementInstanceKey, 'elementInstanceKey'),
        variables,
        local: request.local === true,
      });
      // Zeebe answers with the key of the VARIABLE_DOCUMENT record; the engine keeps none.
      return { key: '0' };
    }),

    ResolveIncident: unary(ctx, async (request) => {
      refuseOperationReference(request);
      await engine.resolveIncident(toKey(request.incidentKey, 'incidentKey'));
      return {};
    }),

    PublishMessage: unary(ctx, async (request) => {
      requireDefaultTenant(request.tenantId);
      const name = text(request.name);
      if (name === '')
        throw gatewayError.invalidArgument(
          "Expected to publish a message with a non-empty 'name', but it was empty.",
        );
      const published = await engine.publishMessage({
        name,
        correlationKey: text(request.correlationKey),
        timeToLive: toMillis(request.timeToLive, 'timeToLive'),
        messageId: text(request.messageId),
        variables: parseVariables(request.variables),
      });
      return { key: String(published.key), tenantId: DEFAULT_TENANT };
    }),

    BroadcastSignal: unary(ctx, async (request) => {
      requireDefaultTenant(request.tenantId);
      const signalName = text(request.signalName);
      if (signalName === '')
        throw gatewayError.invalidArgument(
          "Expected to broadcast a signal with a non-empty 'signalName', but it was empty.",
        );
      const broadcast = await engine.broadcastSignal({
        signalName,
        variables: parseVariables(request.variables),
      });
      return { key: String(broadcast.key), tenantId: DEFAULT_TENANT };
    }),
  };
}

function creationInput(request: GrpcRequest) {
  requireDefaultTenant(request.tenantId);
  if (Array.isArray(request.startInstructions) && request.startInstructions.length > 0)
    throw gatewayError.unimplemented(
      "The field 'startInstructions' is not supported by Balcão's engine yet: instances start at their none start event. Send the request without start instructions.",
    );
  const processDefinitionKey = toKey(request.processDefinitionKey, 'processDefinitionKey');
  const version = Number(request.version ?? -1);
  return {
    bpmnProcessId: text(request.bpmnProcessId) || undefined,
    processDefinitionKey: processDefinitionKey || undefined,
    // proto3 sends 0 for "not set"; Zeebe clients send -1 for "latest".
    version: version > 0 ? version : -1,
    variables: parseVariables(request.variables),
  };
}

function createdResponse(created: {
  processInstanceKey: number;
  processDefinitionKey: number;
  bpmnProcessId: string;
  version: number;
}) {
  return {
    processDefinitionKey: String(created.processDefinitionKey),
    bpmnProcessId: created.bpmnProcessId,
    version: created.version,
    processInstanceKey: String(created.processInstanceKey),
    tenantId: DEFAULT_TENANT,
  };
}
