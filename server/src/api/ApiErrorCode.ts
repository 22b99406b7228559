/** Stable error codes of the HTTP API, and the status each one maps to. */
export const ApiErrorCode = {
  ValidationFailed: 'VALIDATION_FAILED',
  Unauthenticated: 'UNAUTHENTICATED',
  CsrfFailed: 'CSRF_FAILED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unprocessable: 'UNPROCESSABLE',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'UNAVAILABLE',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  AccountLocked: 'ACCOUNT_LOCKED',
  TotpRequired: 'TOTP_REQUIRED',
  TotpInvalid: 'TOTP_INVALID',
  ResetTokenInvalid: 'RESET_TOKEN_INVALID',
  OidcFailed: 'OIDC_FAILED',
  Internal: 'INTERNAL',
} as const;

export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode];

export const statusByCode: Readonly<Record<string, number>> = {
  [ApiErrorCode.ValidationFailed]: 400,
  [ApiErrorCode.Unauthenticated]: 401,
  [ApiErrorCode.InvalidCredentials]: 401,
  [ApiErrorCode.TotpRequired]: 401,
  [ApiErrorCode.TotpInvalid]: 401,
  [ApiErrorCode.OidcFailed]: 401,
  [ApiErrorCode.CsrfFailed]: 403,
  [ApiErrorCode.Forbidden]: 403,
  [ApiErrorCode.NotFound]: 404,
  [ApiErrorCode.Conflict]: 409,
  [ApiErrorCode.PayloadTooLarge]: 413,
  [ApiErrorCode.UnsupportedMediaType]: 415,
  [ApiErrorCode.Unprocessable]: 422,
  [ApiErrorCode.ResetTokenInvalid]: 422,
  [ApiErrorCode.AccountLocked]: 429,
  [ApiErrorCode.RateLimited]: 429,
  [ApiErrorCode.Unavailable]: 503,
  [ApiErrorCode.Internal]: 500,
};
