import { gatewayError } from '../GatewayError';

/** A key from the URL path ("2251799813685249"); Camunda's keys are int64 as strings. */
export function pathKey(value: unknown, name: string): number {
  const text = typeof value === 'string' ? value : '';
  const key = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(key) || key <= 0)
    throw gatewayError.invalidArgument(
      `Expected '${name}' in the path to be a positive key below 2^53, but was '${text}'.`,
    );
  return key;
}
