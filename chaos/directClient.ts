import { Camunda8 } from '@camunda8/sdk';

/**
 * A Zeebe client of a node without client-side retries, so a test sees each answer the gateway
 * gives (and a retried create cannot start a second instance behind its back).
 */
export function directClient(gateway: string): Camunda8 {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gateway}`,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    zeebeGrpcSettings: { ZEEBE_GRPC_CLIENT_RETRY: false },
  } as ConstructorParameters<typeof Camunda8>[0]);
}

export type CreateAnswer =
  { ok: true; key: string } | { ok: false; code: number | undefined; message: string };

/** Creates an instance of the chaos process and says how the gateway answered. */
export function createChaosInstance(client: Camunda8, caseRef: string): Promise<CreateAnswer> {
  return client
    .getZeebeGrpcApiClient()
    .createProcessInstance({
      bpmnProcessId: 'chaos',
      variables: { caseRef, email: 'x@example.mo' },
    })
    .then(
      (created) => ({ ok: true as const, key: created.processInstanceKey }),
      (error: { code?: number; details?: string; message: string }) => ({
        ok: false as const,
        code: error.code,
        message: error.details ?? error.message,
      }),
    );
}

/** The demo citizen's sign-in: a write (a session row) through the API. */
export function signInAsCitizen(url: string): Promise<Response> {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'citizen', password: 'demo-citizen' }),
  });
}
