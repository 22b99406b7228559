import { BalcaoError } from '@balcao/platform';

/** Error codes owned by the gateway (gRPC and /v2). */
export const GatewayErrorCode = {
  InvalidArgument: 'GATEWAY_INVALID_ARGUMENT',
  Unimplemented: 'GATEWAY_UNIMPLEMENTED',
  Unauthenticated: 'GATEWAY_UNAUTHENTICATED',
  Overloaded: 'GATEWAY_OVERLOADED',
  AuthRequired: 'GATEWAY_AUTH_REQUIRED',
} as const;
export type GatewayErrorCode = (typeof GatewayErrorCode)[keyof typeof GatewayErrorCode];

export const gatewayError = {
  invalidArgument: (message: string) => new BalcaoError(GatewayErrorCode.InvalidArgument, message),
  unimplemented: (message: string) => new BalcaoError(GatewayErrorCode.Unimplemented, message),
  unauthenticated: () =>
    new BalcaoError(
      GatewayErrorCode.Unauthenticated,
      'Expected a valid bearer token in the authorization header, but none or an unknown one was given. Send "authorization: Bearer <token>".',
    ),
};
