import { connectorError } from './ConnectorError';

const reference = /\{\{\s*secrets\.([A-Za-z0-9_]+)\s*\}\}/g;

/**
 * Replaces every `{{secrets.NAME}}` in the strings of `value` (deeply) with the configured
 * secret. The result lives only in the worker's memory for one call: it is never written back
 * to process variables nor logged. An unknown name is a modelling mistake: no retry helps.
 */
export function resolveSecrets(value: unknown, secrets: Readonly<Record<string, string>>): unknown {
  if (typeof value === 'string') {
    return value.replace(reference, (_match, name: string) => {
      const secret = secrets[name];
      if (secret === undefined) {
        throw connectorError(
          'SecretMissing',
          `The secret "${name}" is not configured; add it to the connector secrets (environment) or fix the reference {{secrets.${name}}}.`,
        );
      }
      return secret;
    });
  }
  if (Array.isArray(value)) return value.map((item) => resolveSecrets(item, secrets));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveSecrets(item, secrets)]),
    );
  }
  return value;
}

/** Every secret value that occurs in `text`, replaced by `[secret]`, for error messages. */
export function maskSecrets(text: string, secrets: Readonly<Record<string, string>>): string {
  let masked = text;
  for (const secret of Object.values(secrets)) {
    if (secret.length >= 4) masked = masked.split(secret).join('[secret]');
  }
  return masked;
}
