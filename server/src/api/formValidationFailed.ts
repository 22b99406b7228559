import { BalcaoError } from '@balcao/platform';
import type { SubmissionError } from '@balcao/forms';
import { ApiErrorCode } from './ApiErrorCode';

/** The 400 for form data the server refused: one field error per failing rule. */
export function formValidationFailed(errors: readonly SubmissionError[]): BalcaoError {
  const fields = errors.map((e) => ({ path: e.path, in: 'body', message: e.message }));
  return new BalcaoError(
    ApiErrorCode.ValidationFailed,
    `The form has ${fields.length} error(s): ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}. Correct them and submit again.`,
    { details: { fields } },
  );
}
