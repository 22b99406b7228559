import { BalcaoError } from '@balcao/platform';
import { ApiErrorCode } from './ApiErrorCode';

/** Error factories, so every route says the same thing for the same failure. */
export const apiErrors = {
  unauthenticated: () =>
    new BalcaoError(
      ApiErrorCode.Unauthenticated,
      'You are not signed in or your session has expired. Sign in and try again.',
    ),
  forbidden: (what: string) =>
    new BalcaoError(ApiErrorCode.Forbidden, `You are not allowed to ${what}.`),
  /** Also used for resources that exist but belong to someone else: nothing leaks. */
  notFound: (what: string) =>
    new BalcaoError(ApiErrorCode.NotFound, `${what} was not found. Check the address or id.`),
  conflict: (message: string) => new BalcaoError(ApiErrorCode.Conflict, message),
  unprocessable: (message: string) => new BalcaoError(ApiErrorCode.Unprocessable, message),
  rateLimited: (retryAfterSeconds: number) =>
    new BalcaoError(
      ApiErrorCode.RateLimited,
      `Too many requests. Wait ${retryAfterSeconds} s and try again.`,
      { retryable: true, details: { retryAfterSeconds } },
    ),
  csrf: () =>
    new BalcaoError(
      ApiErrorCode.CsrfFailed,
      'The request is missing a valid X-CSRF-Token header. Reload the page and try again.',
    ),
  unsupportedMediaType: (mediaType = 'application/json') =>
    new BalcaoError(
      ApiErrorCode.UnsupportedMediaType,
      mediaType === 'application/json'
        ? 'Send the request body as JSON (Content-Type: application/json).'
        : `Send the request body as ${mediaType} (Content-Type: ${mediaType}).`,
    ),
};
