import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Camunda8 } from '@camunda8/sdk';

/**
 * This node's own Zeebe clients (connectors, library deployment) reach the gateway like any
 * other client. When the gateway requires tokens they present a random secret made at start
 * and known to this process only.
 */
export class InternalCredential {
  readonly token = `balcao-internal-${randomBytes(32).toString('base64url')}`;

  /** The gateway accepts it as an admin of this node. */
  matches(candidate: string): boolean {
    const a = Buffer.from(candidate);
    const b = Buffer.from(this.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  /** `restUrl`: where this node serves Camunda's /v2 (the SDK's REST client). */
  client(gatewayAddress: string, restUrl?: string): Camunda8 {
    return new Camunda8({
      ZEEBE_GRPC_ADDRESS: `grpc://${gatewayAddress}`,
      ...(restUrl ? { ZEEBE_REST_ADDRESS: restUrl } : {}),
      CAMUNDA_AUTH_STRATEGY: 'BEARER',
      CAMUNDA_OAUTH_TOKEN: this.token,
      CAMUNDA_LOG_LEVEL: 'none',
      ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    } as ConstructorParameters<typeof Camunda8>[0]);
  }
}

/** Camunda 8 REST calls the SDK has no method for (e.g. a user task's form). */
export interface EngineRest {
  get<T>(path: string): Promise<T | undefined>;
}

export function engineRest(baseUrl: string, token: string): EngineRest {
  return {
    async get<T>(path: string): Promise<T | undefined> {
      const res = await fetch(`${baseUrl}/v2${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (res.status === 404 || res.status === 204) return undefined;
      if (!res.ok) throw new Error(`GET /v2${path} answered ${res.status}: ${await res.text()}`);
      return (await res.json()) as T;
    },
  };
}
