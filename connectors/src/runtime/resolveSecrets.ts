import { connectorError } from './ConnectorError';

const reference = /\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Replaces every `{{secrets.NAME}}` in the strings of `value` (deeply) with the configured
 * secret. The result lives only in the worker's memory for one call: it is never written back
 * to process variables nor logged. Unknown names stay as they are: a job carries every
 * visible variable, and only the ones the connector reads matter (see `requireResolved`).
 */
export function resolveSecrets(value: unknown, secrets: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    return value.replace(reference, (match, name: string) => secrets[name] ?? match);
  }
  if (Array.isArray(value)) return value.map((item) => resolveSecrets(item, secrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveSecrets(item, secrets)]),
    );
  }
  return value;
}

/**
 * Throws when the connector's parsed input still holds a `{{secrets.NAME}}` reference: the
 * secret is not configured, a modelling or configuration mistake that no retry fixes.
 */
export function requireResolved(input: unknown): void {
  const name = firstReference(input);
  if (name !== undefined) {
    throw connectorError(
      'SecretMissing',
      `The secret "${name}" is not configured; add it to the connector secrets (CONNECTOR_SECRET_${name}) or fix the reference {{secrets.${name}}}.`,
    );
  }
}

function firstReference(value: unknown): string | undefined {
  if (typeof value === 'string') return new RegExp(reference.source).exec(value)?.[1];
  const items = Array.isArray(value)
    ? value
    : value !== null && typeof value === 'object'
      ? Object.values(value)
      : [];
  for (const item of items) {
    const name = firstReference(item);
    if (name !== undefined) return name;
  }
  return undefined;
}

/** Every secret value that occurs in `text`, replaced by `[secret]`, for error messages. */
export function maskSecrets(text: string, secrets: Readonly<Record<string, string>>): string {
  let masked = text;
  for (const secret of Object.values(secrets)) {
    if (secret.length >= 4) masked = masked.split(secret).join('[secret]');
  }
  return masked;
}
