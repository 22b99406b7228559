import type {
  sendUnaryData,
  ServerUnaryCall,
  ServerWritableStream,
  UntypedHandleCall,
} from '@grpc/grpc-js';
import type { Logger } from '@balcao/platform';
import { bearerToken, type Authenticator } from '../auth/Authenticator';
import { gatewayError } from '../GatewayError';
import { grpcStatusOf } from './grpcStatusOf';

/** Fields as proto-loader hands them over (keepCase, longs as strings, defaults filled in). */
export type GrpcRequest = Record<string, unknown>;

export interface RpcContext {
  log: Logger;
  authenticator: Authenticator | undefined;
}

/** A unary RPC: authenticate, run, map any error to the status a Zeebe client expects. */
export function unary(
  ctx: RpcContext,
  run: (request: GrpcRequest) => Promise<object>,
): UntypedHandleCall {
  return (call: ServerUnaryCall<GrpcRequest, object>, callback: sendUnaryData<object>) => {
    authenticate(ctx, call.metadata.get('authorization'))
      .then(() => run(call.request))
      .then(
        (response) => callback(null, response),
        (error: unknown) => callback(grpcStatusOf(error, ctx.log)),
      );
  };
}

/** A server-streaming RPC; `signal` aborts when the client cancels or disconnects. */
export function serverStream(
  ctx: RpcContext,
  run: (
    request: GrpcRequest,
    write: (message: object) => Promise<void>,
    signal: AbortSignal,
  ) => Promise<void>,
): UntypedHandleCall {
  return (call: ServerWritableStream<GrpcRequest, object>) => {
    const aborted = new AbortController();
    call.on('cancelled', () => aborted.abort());
    call.on('close', () => aborted.abort());
    const write = (message: object) =>
      new Promise<void>((resolve) => {
        // Respect flow control: wait for the client to drain before the next message.
        if (call.write(message)) resolve();
        else call.once('drain', () => resolve());
      });
    authenticate(ctx, call.metadata.get('authorization'))
      .then(() => run(call.request, write, aborted.signal))
      .then(
        () => {
          if (!call.cancelled) call.end();
        },
        (error: unknown) => {
          // grpc-js sends an 'error' emitted on a server stream as the call's status.
          if (!call.cancelled) call.emit('error', grpcStatusOf(error, ctx.log));
        },
      );
  };
}

async function authenticate(ctx: RpcContext, header: unknown[]): Promise<void> {
  if (!ctx.authenticator) return;
  const value = header[0];
  const token = bearerToken(typeof value === 'string' ? value : undefined);
  const principal = token === undefined ? undefined : await ctx.authenticator(token);
  if (!principal) throw gatewayError.unauthenticated();
}
