import { MAX_VARIABLE_BYTES, tooLarge } from '../../runtime/variables/variableLimits';
import { gatewayError } from '../GatewayError';

/** An int64 key (a string on the wire) as a JS number; 0 or absent is "not given". */
export function toKey(value: unknown, field: string): number {
  const key = Number(value ?? 0);
  if (!Number.isSafeInteger(key) || key < 0)
    throw gatewayError.invalidArgument(
      `Expected '${field}' to be a positive 64-bit key below 2^53, but was '${String(value)}'.`,
    );
  return key;
}

/** An int64 duration or timestamp in milliseconds. */
export function toMillis(value: unknown, field: string): number {
  const ms = Number(value ?? 0);
  if (!Number.isSafeInteger(ms))
    throw gatewayError.invalidArgument(
      `Expected '${field}' to be a whole number of milliseconds, but was '${String(value)}'.`,
    );
  return ms;
}

/** Variables are a JSON document of an object; empty means none. */
export function parseVariables(value: unknown, field = 'variables'): Record<string, unknown> {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return {};
  // Checked before parsing: a huge document would cost the parse and the engine's memory.
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_VARIABLE_BYTES) throw tooLarge(`'${field}'`, bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw gatewayError.invalidArgument(
      `Expected '${field}' to be a JSON document of an object, but it is not valid JSON: '${text.slice(0, 80)}'.`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw gatewayError.invalidArgument(
      `Expected '${field}' to be a JSON document of an object, but it was '${text.slice(0, 80)}'.`,
    );
  return parsed as Record<string, unknown>;
}

export const DEFAULT_TENANT = '<default>';

/** Multi-tenancy is not supported yet: only the default tenant (or none) is accepted. */
export function requireDefaultTenant(value: unknown, field = 'tenantId'): void {
  const tenants = Array.isArray(value) ? value : [value];
  for (const tenant of tenants) {
    if (tenant === undefined || tenant === '' || tenant === DEFAULT_TENANT) continue;
    throw gatewayError.unimplemented(
      `Expected '${field}' to be '${DEFAULT_TENANT}' or empty, but was '${String(tenant)}': Balcão's engine does not support multi-tenancy yet.`,
    );
  }
}

/** Camunda's operationReference is accepted and ignored only if absent; otherwise say so. */
export function refuseOperationReference(request: Record<string, unknown>): void {
  if (request.operationReference !== undefined && request.operationReference !== null)
    throw gatewayError.unimplemented(
      "The field 'operationReference' is not supported by Balcão's engine yet; send the request without it.",
    );
}

/** A string field; proto-loader fills in '' for absent ones. */
export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
