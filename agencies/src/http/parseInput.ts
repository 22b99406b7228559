import type { z } from 'zod';
import { AgencyErrorCode, agencyError } from './agencyErrors';

export interface FieldError {
  path: string;
  message: string;
}

/**
 * Validates a request part against its schema; on failure throws VALIDATION_FAILED with
 * one entry per field, and a missing field is named as missing.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  part: 'body' | 'query' | 'params',
): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: FieldError[] = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const missing = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined;
    return { path, message: missing ? `${path} is required` : issue.message };
  });
  const summary = fields.map((f) =>
    f.message.startsWith(f.path) ? f.message : `${f.path}: ${f.message}`,
  );
  throw agencyError(
    AgencyErrorCode.ValidationFailed,
    `Invalid request ${part}: ${summary.join('; ')}. Fix the named fields and send it again.`,
    { fields },
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
