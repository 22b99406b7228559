import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { gatewayError } from '../GatewayError';
import { unary, type RpcContext } from './rpcHandlers';

/** What Balcão's engine cannot do yet, and why: answered UNIMPLEMENTED, never faked. */
const missing = {
  DeleteResource:
    "DeleteResource is not supported by Balcão's engine yet: deployed resources are kept. Deploy a new version instead.",
} as const;

export function unimplementedRpcs(ctx: RpcContext): UntypedServiceImplementation {
  return Object.fromEntries(
    Object.entries(missing).map(([rpc, message]) => [
      rpc,
      unary(ctx, () => Promise.reject(gatewayError.unimplemented(message))),
    ]),
  );
}
