export {
  startGrpcGateway,
  type GrpcGateway,
  type GrpcGatewayOptions,
} from './grpc/startGrpcGateway';
export { v2Router, type V2RouterOptions } from './rest/v2Router';
export {
  staticTokenAuthenticator,
  bearerToken,
  type Authenticator,
  type Principal,
} from './auth/Authenticator';
export { authRequired, authenticatorFor, isLoopbackHost } from './auth/authRequired';
export { GatewayErrorCode } from './GatewayError';
export {
  engineService,
  gatewayAuthenticators,
  type EngineService,
  type EngineServiceOptions,
  type GatewayAuthenticators,
} from './startEngineService';
