import { BalcaoError } from '@balcao/platform';

/** Error codes of the stand-in agencies; each maps to one HTTP status in `httpStatusOf`. */
export const AgencyErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  InvalidJson: 'INVALID_JSON',
  Unauthorized: 'UNAUTHORIZED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  InvalidTransition: 'INVALID_STATUS_TRANSITION',
  IdempotencyKeyReused: 'IDEMPOTENCY_KEY_REUSED',
  IdempotencyKeyInFlight: 'IDEMPOTENCY_KEY_IN_FLIGHT',
  FaultInjected: 'FAULT_INJECTED',
  Internal: 'INTERNAL_ERROR',
} as const;

export type AgencyErrorCode = (typeof AgencyErrorCode)[keyof typeof AgencyErrorCode];

const httpStatusByCode: Record<AgencyErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_STATUS_TRANSITION: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_KEY_IN_FLIGHT: 409,
  FAULT_INJECTED: 503,
  INTERNAL_ERROR: 500,
};

// Only failures of the stand-in itself may pass if the caller tries again.
const retryableCodes = new Set<string>([AgencyErrorCode.FaultInjected, AgencyErrorCode.Internal]);

export function agencyError(
  code: AgencyErrorCode,
  message: string,
  details?: Record<string, unknown>,
): BalcaoError {
  return new BalcaoError(code, message, {
    retryable: retryableCodes.has(code) || code === AgencyErrorCode.IdempotencyKeyInFlight,
    ...(details === undefined ? {} : { details }),
  });
}

export function httpStatusOf(code: string): number {
  return httpStatusByCode[code as AgencyErrorCode] ?? 500;
}
