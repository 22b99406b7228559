import { Camunda8 } from '@camunda8/sdk';
import type { TestGateway } from './startTestGateway';

/** A Camunda 8 SDK pointed at a test gateway, configured as a user would (no Balcão code). */
export function camundaSdk(gateway: TestGateway, extra: Record<string, unknown> = {}): Camunda8 {
  return new Camunda8({
    ZEEBE_GRPC_ADDRESS: `grpc://${gateway.grpcAddress}`,
    ZEEBE_REST_ADDRESS: gateway.restUrl,
    CAMUNDA_AUTH_STRATEGY: 'NONE',
    CAMUNDA_LOG_LEVEL: 'none',
    ZEEBE_CLIENT_LOG_LEVEL: 'NONE',
    // Errors must reach the test as they are, not be retried into a timeout.
    ZEEBE_GRPC_CLIENT_RETRY: false,
    ...extra,
  } as ConstructorParameters<typeof Camunda8>[0]);
}
