import { ApiError } from './ApiError';

type Translate = (key: string) => string;

/**
 * What to tell a person about a failed call, in their language where we know the case;
 * the server's message otherwise (it says what is wrong and what to do).
 */
export function describeError(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('shared.errors.generic');
  if (error.code === 'NETWORK') return t('shared.errors.network');
  if (error.status === 401) return t('shared.errors.signInRequired');
  if (error.status === 404) return t('shared.errors.notFound');
  if (error.fields.length > 0) {
    return `${t('shared.errors.fields')} ${error.fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`;
  }
  return error.message || t('shared.errors.generic');
}
