import { credentials, makeClientConstructor, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadGatewayService } from '../grpc/loadGatewayService';

type Method = (...args: unknown[]) => unknown;

/** A bare grpc-js client of the gateway service, for what the SDKs hide (metadata, raw statuses). */
export function rawGatewayClient(address: string) {
  const Gateway = makeClientConstructor(loadGatewayService(), 'Gateway');
  const client = new Gateway(address, credentials.createInsecure()) as unknown as Record<
    string,
    Method
  > & { close(): void };
  return {
    close: () => client.close(),
    unary<T>(rpc: string, request: object, metadata = new Metadata()) {
      return new Promise<{ error: ServiceError | null; response?: T }>((resolve) => {
        client[rpc]!.call(client, request, metadata, (error: ServiceError | null, response?: T) =>
          resolve({ error, response }),
        );
      });
    },
    /** Reads a server stream to its end; answers the messages and the final error, if any. */
    stream<T>(rpc: string, request: object) {
      return new Promise<{ error: ServiceError | null; messages: T[] }>((resolve) => {
        const messages: T[] = [];
        const call = client[rpc]!.call(client, request) as NodeJS.EventEmitter;
        call.on('data', (message: T) => messages.push(message));
        call.on('error', (error: ServiceError) => resolve({ error, messages }));
        call.on('end', () => resolve({ error: null, messages }));
      });
    },
  };
}
