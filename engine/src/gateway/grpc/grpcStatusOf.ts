import { status, type ServiceError } from '@grpc/grpc-js';
import { isBalcaoError, type Logger } from '@balcao/platform';
import { EngineRejection, RejectionType } from '../../runtime/commands/EngineRejection';
import { GatewayErrorCode } from '../GatewayError';

const byRejection: Record<RejectionType, status> = {
  [RejectionType.NotFound]: status.NOT_FOUND,
  [RejectionType.InvalidArgument]: status.INVALID_ARGUMENT,
  [RejectionType.InvalidState]: status.FAILED_PRECONDITION,
  [RejectionType.AlreadyExists]: status.ALREADY_EXISTS,
  [RejectionType.Exhausted]: status.RESOURCE_EXHAUSTED,
};

const byCode: Record<string, status> = {
  [GatewayErrorCode.InvalidArgument]: status.INVALID_ARGUMENT,
  [GatewayErrorCode.Unimplemented]: status.UNIMPLEMENTED,
  [GatewayErrorCode.Unauthenticated]: status.UNAUTHENTICATED,
  [GatewayErrorCode.Overloaded]: status.RESOURCE_EXHAUSTED,
  ENGINE_RESULT_TIMEOUT: status.DEADLINE_EXCEEDED,
};

/**
 * The gRPC status a Zeebe client expects for an error, so its retry logic behaves: rejections
 * keep their Zeebe meaning, anything retryable (database down) is UNAVAILABLE, and unknown
 * failures are INTERNAL with a generic message (the cause goes to the log only).
 */
export function grpcStatusOf(error: unknown, log: Logger): Partial<ServiceError> {
  if (error instanceof EngineRejection)
    return { code: byRejection[error.rejectionType], details: error.message };
  if (isBalcaoError(error)) {
    const code = byCode[error.code];
    if (code !== undefined) return { code, details: error.message };
    if (error.retryable) return { code: status.UNAVAILABLE, details: error.message };
    return { code: status.INVALID_ARGUMENT, details: error.message };
  }
  log.error({ err: error }, 'gateway request failed');
  return {
    code: status.INTERNAL,
    details: 'Unexpected error in the Balcão gateway; see the server log. Try again later.',
  };
}
